import { celProgram, CelProgram } from './cel-environment';
import { SchemaNode } from './schema-node';
import { SchemaWalk } from './walk';

/** Evaluates the CEL rules of a schema on one value, recording the rules it breaks on `walk`. */
export type CelCheck = (value: unknown, walk: SchemaWalk) => void;

/** Property names CEL cannot spell as they are; the API server escapes them as `__name__` (`__namespace__`). */
const CEL_KEYWORDS = new Set('true false null in as break const continue else for function if import let loop package namespace return var void while'.split(' '));

/** A declared property's name as CEL rules select it, escaped as the API server escapes it. */
export function celPropertyName(name: string): string {
  if (CEL_KEYWORDS.has(name)) {
    return `__${name}__`;
  }
  return name.replace(/__/g, '__underscores__').replace(/\./g, '__dot__').replace(/-/g, '__dash__').replace(/\//g, '__slash__');
}

function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `value` with the schema's defaults filled in where a field is absent, as the API server stores
 * it before it evaluates any rule (`kind: Service` and `group: ""` of a backendRef, `mode:
 * Terminate` of a listener's TLS). `value` itself is not changed.
 */
export function withDefaults(value: unknown, node: SchemaNode): unknown {
  if (Array.isArray(value)) {
    return node.items === undefined ? value : value.map((item) => withDefaults(item, node.items!));
  }
  if (!isPlainObject(value)) {
    return value;
  }
  const out: { [key: string]: unknown } = {};
  for (const key of Object.keys(value)) {
    const sub = node.properties?.[key] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    out[key] = sub === undefined ? value[key] : withDefaults(value[key], sub);
  }
  for (const [key, sub] of Object.entries(node.properties ?? {})) {
    if ((out[key] === undefined || out[key] === null) && sub.default !== undefined) {
      out[key] = withDefaults(sub.default, sub);
    }
  }
  return out;
}

/**
 * `value` as CEL reads it under the API server: objects as maps of their declared fields (names
 * escaped; nulls and undeclared fields dropped, as the API server drops them), integers as CEL
 * ints, other numbers as doubles.
 */
function toCel(value: unknown, node: SchemaNode): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => toCel(item, node.items ?? {}));
  }
  if (isPlainObject(value)) {
    const map = new Map<string, unknown>();
    if (node.properties !== undefined) {
      for (const [name, sub] of Object.entries(node.properties)) {
        if (value[name] !== undefined && value[name] !== null) {
          map.set(celPropertyName(name), toCel(value[name], sub));
        }
      }
    } else {
      const sub = typeof node.additionalProperties === 'object' ? node.additionalProperties : {};
      for (const key of Object.keys(value)) {
        map.set(key, toCel(value[key], sub));
      }
    }
    return map;
  }
  if (typeof value === 'number' && Number.isInteger(value) && node.type !== 'number') {
    return BigInt(value);
  }
  return value;
}

interface PlannedRule {
  readonly rule: string;
  readonly message: string;
  readonly program: CelProgram;
}

/**
 * Compiles the CEL rules of `node` and of the nodes below it into one check, planning each rule
 * once. Undefined when no node holds a rule: objects of such schemas (Istio's) cost nothing here.
 * A rule is evaluated where its node's value is present, once per item of a list and per value of
 * a map, as the API server evaluates it.
 */
export function compileCelRules(node: SchemaNode): CelCheck | undefined {
  const rules: PlannedRule[] = (node['x-kubernetes-validations'] ?? []).map((r) => ({
    rule: r.rule,
    message: r.message ?? `failed rule: ${r.rule}`,
    program: celProgram(r.rule),
  }));
  const properties: Array<[string, CelCheck]> = [];
  for (const [name, sub] of Object.entries(node.properties ?? {})) {
    const check = compileCelRules(sub);
    if (check !== undefined) {
      properties.push([name, check]);
    }
  }
  const items = node.items === undefined ? undefined : compileCelRules(node.items);
  const values = typeof node.additionalProperties === 'object' ? compileCelRules(node.additionalProperties) : undefined;
  if (rules.length === 0 && properties.length === 0 && items === undefined && values === undefined) {
    return undefined;
  }
  return (value, walk) => {
    if (value === undefined || value === null) {
      return;
    }
    if (rules.length > 0) {
      const self = toCel(value, node);
      for (const { rule, message, program } of rules) {
        const outcome = program(self);
        if (outcome === false) {
          walk.violation(message);
        } else if (typeof outcome === 'string') {
          walk.violation(`the CRD's rule ${JSON.stringify(rule)} cannot be evaluated: ${outcome}`);
        }
      }
    }
    if (Array.isArray(value)) {
      if (items !== undefined) {
        value.forEach((item, i) => descend(walk, i, item, items));
      }
    } else if (isPlainObject(value)) {
      for (const [name, check] of properties) {
        descend(walk, name, value[name], check);
      }
      if (values !== undefined && node.properties === undefined) {
        for (const key of Object.keys(value)) {
          descend(walk, key, value[key], values);
        }
      }
    }
  };
}

function descend(walk: SchemaWalk, segment: string | number, value: unknown, check: CelCheck): void {
  walk.path.push(segment);
  check(value, walk);
  walk.path.pop();
}
