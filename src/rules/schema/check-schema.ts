import { Finding, FindingLevel, KubeObject } from '../finding';
import { ANALYZED_KINDS, DEFAULT_NAMESPACE } from '../mesh-index';
import { compileSchema, Validate } from './compile';
import { crdSchemaOf } from './crd-schemas';
import { BUILT_IN_OBJECT, withObjectFields } from './object-meta';
import { withoutFields } from './prune';
import { SchemaNode } from './schema-node';
import { formatPath, SchemaWalk, UnknownField } from './walk';

/** istioctl's code for an object the API server or Istio rejects. */
const SCHEMA_VALIDATION_ERROR = 'IST0106';
/** istioctl's code for an object that is admitted, but not as written. */
const SCHEMA_WARNING = 'IST0133';

/**
 * The validator of each kind by `apiVersion`, then `kind`, compiled the first time an object of
 * it is checked (`null`: objects of it are not checked). Two lookups by the object's own strings
 * find it without building a key, which counts when an app holds tens of thousands of objects.
 */
const validators = new Map<string, Map<string, Validate | null>>();
const compiledSchemas = new Map<SchemaNode, Validate>();

function validatorOf(obj: KubeObject): Validate | undefined {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  let byKind = validators.get(apiVersion);
  if (byKind === undefined) {
    byKind = new Map();
    validators.set(apiVersion, byKind);
  }
  let validate = byKind.get(obj.kind);
  if (validate === undefined) {
    validate = compile(crdSchemaOf(apiVersion, obj.kind), obj.kind);
    byKind.set(obj.kind, validate);
  }
  return validate ?? undefined;
}

/** The validator of a CRD's schema, shared by the versions that have the same one; else of the object fields of a kind the analysis reads. */
function compile(schema: SchemaNode | undefined, kind: string): Validate | null {
  if (schema === undefined) {
    return ANALYZED_KINDS.has(kind) ? compile(BUILT_IN_OBJECT, '') : null;
  }
  let validate = compiledSchemas.get(schema);
  if (validate === undefined) {
    validate = compileSchema(schema === BUILT_IN_OBJECT ? schema : withObjectFields(schema));
    compiledSchemas.set(schema, validate);
  }
  return validate;
}

/** What the API server, and istioctl analyze reading a file, make of an object. */
export interface SchemaReading {
  /** The object as the API server would store it (without the fields its schema does not declare); undefined when it would refuse it. */
  readonly stored?: KubeObject;
  /**
   * The object as istioctl analyze reads it from a file, which decodes it without the CRD's
   * schema: `stored`, or, when the API server refuses it only because required fields are
   * missing, the object as written (without undeclared fields), since leaving a field out
   * changes none of the others. Undefined when a value is of the wrong type, outside its enum or
   * bounds: what Go's decoder would refuse, or what the author evidently meant otherwise.
   */
  readonly readable?: KubeObject;
}

/**
 * Checks `obj` against its CRD's structural schema (or, for the built-in kinds the analysis reads,
 * its object fields), as the API server would before storing it, and adds what it finds to
 * `found`: IST0106 for a value of the wrong type, outside its enum or bounds, or a required field
 * that is missing; IST0133 for each field the schema does not declare.
 *
 * @returns the object as the API server would store it: `obj` itself, a copy without its unknown
 * fields, or undefined when the API server would refuse it
 */
export function checkSchema(obj: KubeObject, found: Finding[]): KubeObject | undefined {
  return readSchema(obj, found).stored;
}

/** `checkSchema`, and the object as istioctl analyze reads it. */
export function readSchema(obj: KubeObject, found: Finding[]): SchemaReading {
  const validate = validatorOf(obj);
  if (validate === undefined) {
    return { stored: obj, readable: obj };
  }
  const walk = new SchemaWalk();
  validate(obj, walk);
  const { violations, unknownFields } = walk;
  if (violations === undefined && unknownFields === undefined) {
    return { stored: obj, readable: obj };
  }
  const identity = identityOf(obj);
  for (const violation of violations ?? []) {
    found.push({ code: SCHEMA_VALIDATION_ERROR, level: FindingLevel.ERROR, ...identity, message: `${violation.path || obj.kind}: ${violation.message}` });
  }
  for (const field of unknownFields ?? []) {
    found.push({ code: SCHEMA_WARNING, level: FindingLevel.WARNING, ...identity, message: unknownFieldMessage(field) });
  }
  const pruned = unknownFields === undefined ? obj : withoutFields(obj, unknownFields.map((field) => field.path)) as KubeObject;
  if (violations === undefined) {
    return { stored: pruned, readable: pruned };
  }
  return { readable: violations.every((violation) => violation.missing) ? pruned : undefined };
}

function unknownFieldMessage(field: UnknownField): string {
  const declared = field.declared.length === 0 ? 'it declares no fields here' : `the fields here are ${field.declared.join(', ')}`;
  return `${formatPath(field.path)}: unknown field: the schema does not declare it (${declared}), `
    + 'so the API server drops it and kubectl apply --validate=strict refuses it';
}

/** The kind, name and namespace a finding names, read safely from an object whose metadata may be broken. */
function identityOf(obj: KubeObject): Pick<Finding, 'kind' | 'name' | 'namespace'> {
  const metadata: unknown = obj.metadata;
  const meta = metadata !== null && typeof metadata === 'object' ? metadata as { [key: string]: unknown } : {};
  return {
    kind: obj.kind,
    name: typeof meta.name === 'string' ? meta.name : '',
    namespace: typeof meta.namespace === 'string' ? meta.namespace : DEFAULT_NAMESPACE,
  };
}
