import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';

/** The upstream CRDs beside the project (`../shared/crds`), or `$CRDS_DIR`. */
export const CRDS_DIR = process.env.CRDS_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'crds');

/** True when the CRDs are present; tests that need them are skipped, saying why, when not. */
export const HAVE_CRDS = fs.existsSync(CRDS_DIR);

export const NO_CRDS_REASON = `skipped: no CRDs at ${CRDS_DIR} (clone the project beside shared/ or set CRDS_DIR)`;

/** `describe` where the CRDs are present; elsewhere one skipped test that names the reason. */
export function describeWithCrds(name: string, body: () => void): void {
  if (HAVE_CRDS) {
    describe(name, body);
  } else {
    describe(name, () => test.skip(NO_CRDS_REASON, () => undefined));
  }
}

/** A CRD document as the tests read it. */
export interface CrdDocument {
  readonly spec: {
    readonly group: string;
    readonly names: { readonly kind: string };
    readonly versions: Array<{ readonly name: string; readonly served: boolean; readonly schema: { readonly openAPIV3Schema: any } }>;
  };
}

/** Every CRD document in the CRD directory. */
export function loadCrds(): CrdDocument[] {
  return fs.readdirSync(CRDS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(CRDS_DIR, f), 'utf8')).map((d) => d.toJS()))
    .filter((d) => d && d.kind === 'CustomResourceDefinition');
}

/**
 * A copy of an openAPIV3Schema in which every object that declares its properties accepts no
 * other: the API server prunes undeclared fields silently, so emitting one is a bug.
 */
function closed(schema: any): any {
  if (Array.isArray(schema)) {
    return schema.map(closed);
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const copy: any = {};
  for (const [key, value] of Object.entries(schema)) {
    copy[key] = key === 'properties' || key === 'patternProperties'
      ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, closed(v)]))
      : closed(value);
  }
  if (copy.properties && copy.additionalProperties === undefined && !copy['x-kubernetes-preserve-unknown-fields']) {
    copy.additionalProperties = false;
  }
  return copy;
}

/** The root schema with the fields the API server gives every object, which some CRDs leave out. */
function withObjectFields(root: any): any {
  return {
    ...root,
    properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...root.properties },
  };
}

/** A validator for the objects of every kind and version the CRDs define. */
export class CrdValidator {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(crds: CrdDocument[] = loadCrds()) {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    for (const crd of crds) {
      for (const version of crd.spec.versions) {
        const key = `${crd.spec.group}/${version.name} ${crd.spec.names.kind}`;
        this.validators.set(key, ajv.compile(closed(withObjectFields(version.schema.openAPIV3Schema))));
      }
    }
  }

  /** True when a CRD defines the object's apiVersion and kind. */
  public knows(obj: any): boolean {
    return this.validators.has(`${obj.apiVersion} ${obj.kind}`);
  }

  /** The schema errors of `obj`, one line each; empty when it is valid. */
  public errors(obj: any): string[] {
    const validate = this.validators.get(`${obj.apiVersion} ${obj.kind}`);
    if (!validate) {
      return [`no CRD defines ${obj.apiVersion} ${obj.kind}`];
    }
    if (validate(obj)) {
      return [];
    }
    return (validate.errors ?? []).map((e) => `${obj.kind} ${obj.metadata?.name}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}

const CORE_KINDS = new Set([
  'v1 Service', 'v1 Namespace', 'v1 Secret', 'apps/v1 Deployment', 'v1 ServiceAccount', 'v1 ConfigMap',
  'rbac.authorization.k8s.io/v1 Role', 'rbac.authorization.k8s.io/v1 RoleBinding',
  'autoscaling/v2 HorizontalPodAutoscaler', 'policy/v1 PodDisruptionBudget', 'networking.k8s.io/v1 NetworkPolicy',
]);

/**
 * Asserts that every custom resource among `objects` is valid against its CRD, and that nothing
 * else is there but core Kubernetes kinds.
 */
export function expectValidAgainstCrds(validator: CrdValidator, objects: any[]): void {
  const errors: string[] = [];
  for (const obj of objects) {
    if (validator.knows(obj)) {
      errors.push(...validator.errors(obj));
    } else if (!CORE_KINDS.has(`${obj.apiVersion} ${obj.kind}`)) {
      errors.push(`${obj.apiVersion} ${obj.kind} ${obj.metadata?.name}: neither a CRD kind nor a known core kind`);
    }
  }
  expect(errors).toEqual([]);
}
