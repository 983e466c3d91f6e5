import { SchemaNode } from './schema-node';
import { SchemaWalk } from './walk';

/** Checks one value against the schema it was compiled from, recording what it finds on `walk`. */
export type Validate = (value: unknown, walk: SchemaWalk) => void;

/** The test of each scalar type a schema can declare, named as messages name it. */
const SCALAR_TESTS: { readonly [type: string]: (value: unknown) => boolean } = {
  'string': (value) => typeof value === 'string',
  'integer': Number.isInteger,
  'number': (value) => typeof value === 'number',
  'boolean': (value) => typeof value === 'boolean',
  'integer or string': (value) => typeof value === 'string' || Number.isInteger(value),
};

function isPlainObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `value` as a message shows what was found: its JSON type, and its value when short. */
export function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'object') {
    return 'object';
  }
  const type = Number.isInteger(value) ? 'integer' : typeof value;
  return `${type} ${JSON.stringify(value)}`;
}

/**
 * Compiles `node` into a tree of validators, one per schema node, so that checking an object
 * walks it once and reads no schema keyword again. The API server's own order is followed: a
 * null field that the schema does not declare nullable is dropped before validation (so it
 * counts as absent), as is a field the schema does not declare (reported as unknown).
 */
export function compileSchema(node: SchemaNode): Validate {
  const constraints = constraintsOf(node);
  const nullable = node.nullable === true;
  if (node['x-kubernetes-int-or-string']) {
    return compileScalar('integer or string', nullable, constraints);
  }
  switch (node.type) {
    case 'object':
      return compileObject(node, nullable, constraints);
    case 'array':
      return compileArray(node, nullable, constraints);
    case undefined:
      return compileAny(nullable, constraints);
    default:
      return compileScalar(node.type, nullable, constraints);
  }
}

/** Reports `value` as not of `type`, unless it is null and null is allowed. */
function wrongType(value: unknown, type: string, nullable: boolean, walk: SchemaWalk): void {
  if (!(value === null && nullable)) {
    walk.violation(`expected ${type}, got ${describeValue(value)}`);
  }
}

function compileScalar(type: string, nullable: boolean, constraints: readonly Validate[]): Validate {
  if (type === 'string' && constraints.length === 0) {
    // most fields are plain strings: check them without a call per test
    return (value, walk) => {
      if (typeof value !== 'string') {
        wrongType(value, type, nullable, walk);
      }
    };
  }
  const isType = SCALAR_TESTS[type];
  return (value, walk) => {
    if (!isType(value)) {
      wrongType(value, type, nullable, walk);
      return;
    }
    for (let i = 0; i < constraints.length; i++) {
      constraints[i](value, walk);
    }
  };
}

/** A node without a type (`x-kubernetes-preserve-unknown-fields` alone): any value, within its constraints. */
function compileAny(nullable: boolean, constraints: readonly Validate[]): Validate {
  return (value, walk) => {
    if (value === null && nullable) {
      return;
    }
    for (let i = 0; i < constraints.length; i++) {
      constraints[i](value, walk);
    }
  };
}

/** A declared field: its validator, and whether null is a value of it rather than its absence. */
interface Field {
  readonly validate: Validate;
  readonly nullable: boolean;
}

function fieldOf(node: SchemaNode): Field {
  return { validate: compileSchema(node), nullable: node.nullable === true };
}

function compileObject(node: SchemaNode, nullable: boolean, constraints: readonly Validate[]): Validate {
  const fields = new Map<string, Field>(Object.entries(node.properties ?? {}).map(([name, sub]) => [name, fieldOf(sub)]));
  const declared = [...fields.keys()];
  const additional = typeof node.additionalProperties === 'object' ? fieldOf(node.additionalProperties) : undefined;
  const keepsUnknown = node.additionalProperties === true || node['x-kubernetes-preserve-unknown-fields'] === true;
  const required = node.required ?? [];
  return (value, walk) => {
    if (!isPlainObject(value)) {
      wrongType(value, 'object', nullable, walk);
      return;
    }
    for (let i = 0; i < constraints.length; i++) {
      constraints[i](value, walk);
    }
    const object = value as { readonly [key: string]: unknown };
    for (const key in object) {
      const field = fields.get(key) ?? additional;
      const child = object[key];
      if (field === undefined) {
        if (!keepsUnknown) {
          walk.unknownField(key, declared);
        }
      } else if (child !== undefined && (child !== null || field.nullable)) {
        walk.path.push(key);
        field.validate(child, walk);
        walk.path.pop();
      }
    }
    for (let i = 0; i < required.length; i++) {
      const name = required[i];
      const child = object[name];
      if (child === undefined || (child === null && !fields.get(name)?.nullable)) {
        walk.path.push(name);
        walk.missingField();
        walk.path.pop();
      }
    }
  };
}

function compileArray(node: SchemaNode, nullable: boolean, constraints: readonly Validate[]): Validate {
  const validateItem = node.items ? compileSchema(node.items) : undefined;
  return (value, walk) => {
    if (!Array.isArray(value)) {
      wrongType(value, 'array', nullable, walk);
      return;
    }
    for (let i = 0; i < constraints.length; i++) {
      constraints[i](value, walk);
    }
    if (validateItem === undefined) {
      return;
    }
    for (let i = 0; i < value.length; i++) {
      walk.path.push(i);
      validateItem(value[i], walk);
      walk.path.pop();
    }
  };
}

/** The value constraints of `node` that apply to values of its type. */
function constraintsOf(node: SchemaNode): Validate[] {
  const constraints: Validate[] = [];
  if (node.enum) {
    const allowed = new Set(node.enum);
    const names = node.enum.map((v) => JSON.stringify(v)).join(', ');
    constraints.push((value, walk) => {
      if (!allowed.has(value)) {
        walk.violation(`expected one of ${names}, got ${describeValue(value)}`);
      }
    });
  }
  constraints.push(...stringConstraints(node), ...numberConstraints(node), ...countConstraints(node));
  return constraints;
}

/** Length in Unicode code points, as the API server counts. */
function codePoints(text: string): number {
  return Array.from(text).length;
}

function stringConstraints(node: SchemaNode): Validate[] {
  const constraints: Validate[] = [];
  const { minLength, maxLength, pattern } = node;
  if (minLength !== undefined || maxLength !== undefined) {
    constraints.push((value, walk) => {
      if (typeof value !== 'string') {
        return;
      }
      // a code point takes one or two UTF-16 units: count code points only when that can matter
      if (maxLength !== undefined && value.length > maxLength && codePoints(value) > maxLength) {
        walk.violation(`expected at most ${maxLength} characters, got ${codePoints(value)}`);
      }
      if (minLength !== undefined && value.length < 2 * minLength && codePoints(value) < minLength) {
        walk.violation(`expected at least ${minLength} characters, got ${codePoints(value)}`);
      }
    });
  }
  if (pattern !== undefined) {
    const regex = new RegExp(pattern);
    constraints.push((value, walk) => {
      if (typeof value === 'string' && !regex.test(value)) {
        walk.violation(`expected a string matching ${JSON.stringify(pattern)}, got ${JSON.stringify(value)}`);
      }
    });
  }
  return constraints;
}

function numberConstraints(node: SchemaNode): Validate[] {
  const constraints: Validate[] = [];
  const { minimum, maximum } = node;
  if (minimum !== undefined) {
    const exclusive = node.exclusiveMinimum === true;
    constraints.push((value, walk) => {
      if (typeof value === 'number' && (exclusive ? value <= minimum : value < minimum)) {
        walk.violation(`expected a number ${exclusive ? 'greater than' : 'at least'} ${minimum}, got ${value}`);
      }
    });
  }
  if (maximum !== undefined) {
    const exclusive = node.exclusiveMaximum === true;
    constraints.push((value, walk) => {
      if (typeof value === 'number' && (exclusive ? value >= maximum : value > maximum)) {
        walk.violation(`expected a number ${exclusive ? 'less than' : 'at most'} ${maximum}, got ${value}`);
      }
    });
  }
  return constraints;
}

/** Bounds on the number of items of a list or of fields of an object. */
function countConstraints(node: SchemaNode): Validate[] {
  const constraints: Validate[] = [];
  const bound = (min: number | undefined, max: number | undefined, what: string, count: (value: unknown) => number | undefined) => {
    if (min === undefined && max === undefined) {
      return;
    }
    constraints.push((value, walk) => {
      const n = count(value);
      if (n === undefined) {
        return;
      }
      if (min !== undefined && n < min) {
        walk.violation(`expected at least ${min} ${what}, got ${n}`);
      }
      if (max !== undefined && n > max) {
        walk.violation(`expected at most ${max} ${what}, got ${n}`);
      }
    });
  };
  bound(node.minItems, node.maxItems, 'items', (value) => (Array.isArray(value) ? value.length : undefined));
  bound(node.minProperties, node.maxProperties, 'fields', (value) => (isPlainObject(value) ? Object.keys(value as object).length : undefined));
  return constraints;
}
