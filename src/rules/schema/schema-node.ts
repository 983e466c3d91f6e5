/** A CRD's CEL rule (`x-kubernetes-validations`): the expression, and what the API server says when it is false. */
export interface CelRule {
  readonly rule: string;
  /** @default - "failed rule: <rule>", as the API server words it */
  readonly message?: string;
}

/**
 * A structural schema (a CRD version's `openAPIV3Schema`) as the schema layer reads it: the
 * keywords `scripts/crd-schemas.js` keeps. Descriptions and one-of constraints (`oneOf`, `anyOf`,
 * `allOf`, `not`) are not kept: the admission rules emulate what Istio checks of them. CEL rules
 * and defaults are kept for the Gateway API only (Istio's CEL rules are re-expressed in webhook/).
 */
export interface SchemaNode {
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly required?: readonly string[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  readonly properties?: { readonly [name: string]: SchemaNode };
  readonly items?: SchemaNode;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  /** The value the API server stores for the field when it is absent, before any CEL rule reads it. */
  readonly default?: unknown;
  readonly 'x-kubernetes-validations'?: readonly CelRule[];
}
