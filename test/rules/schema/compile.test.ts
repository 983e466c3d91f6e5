import { CRD_SCHEMA_INDEX } from '../../../imports/crd-schemas';
import { compileSchema } from '../../../src/rules/schema/compile';
import { crdSchemaOf } from '../../../src/rules/schema/crd-schemas';
import { withoutFields } from '../../../src/rules/schema/prune';
import { SchemaNode } from '../../../src/rules/schema/schema-node';
import { formatPath, SchemaWalk } from '../../../src/rules/schema/walk';

/** The violations and unknown fields of `value` against `schema`, as path and message lines. */
function check(schema: SchemaNode, value: unknown): { violations: string[]; unknown: string[] } {
  const walk = new SchemaWalk();
  compileSchema(schema)(value, walk);
  return {
    violations: (walk.violations ?? []).map((v) => (v.path ? `${v.path}: ${v.message}` : v.message)),
    unknown: (walk.unknownFields ?? []).map((f) => formatPath(f.path)),
  };
}

const clean = { violations: [], unknown: [] };

describe('compiled structural schemas', () => {
  test('each type admits its own values only', () => {
    const cases: Array<[SchemaNode['type'], unknown, unknown]> = [
      ['object', {}, []],
      ['array', [], {}],
      ['string', 'a', 1],
      ['integer', 3, 3.5],
      ['number', 3.5, '3.5'],
      ['boolean', false, 'false'],
    ];
    for (const [type, good, bad] of cases) {
      expect(check({ type }, good)).toStrictEqual(clean);
      expect(check({ type }, bad).violations).toHaveLength(1);
    }
  });

  test('nullable admits null; otherwise a null field is dropped and a null item is an error', () => {
    const schema: SchemaNode = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string', nullable: true }, list: { type: 'array', items: { type: 'string' } } },
    };
    expect(check(schema, { a: null, b: null })).toStrictEqual(clean);
    expect(check(schema, { list: ['x', null] }).violations).toStrictEqual(['list[1]: expected string, got null']);
    expect(check({ type: 'object', properties: { b: { type: 'string', nullable: true } }, required: ['b'] }, { b: null })).toStrictEqual(clean);
  });

  test('additionalProperties checks the values of a map, preserve-unknown-fields keeps any field', () => {
    const labels: SchemaNode = { type: 'object', additionalProperties: { type: 'string' } };
    expect(check(labels, { app: 'shop', 'app.kubernetes.io/name': 'shop' })).toStrictEqual(clean);
    expect(check(labels, { 'app.kubernetes.io/version': 2 }).violations).toStrictEqual(['["app.kubernetes.io/version"]: expected string, got integer 2']);
    expect(check({ 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true }, { any: { thing: 1 } })).toStrictEqual(clean);
    expect(check({ type: 'object', additionalProperties: true }, { any: 1 })).toStrictEqual(clean);
    expect(check({ type: 'object' }, { any: 1 })).toStrictEqual({ violations: [], unknown: ['any'] });
  });

  test('string bounds count code points, as the API server does', () => {
    expect(check({ type: 'string', maxLength: 2 }, '😀😀')).toStrictEqual(clean);
    expect(check({ type: 'string', maxLength: 2 }, 'abc').violations).toStrictEqual(['expected at most 2 characters, got 3']);
    expect(check({ type: 'string', minLength: 2 }, '😀').violations).toStrictEqual(['expected at least 2 characters, got 1']);
  });

  test('number bounds, exclusive or not', () => {
    expect(check({ type: 'integer', minimum: 1, maximum: 65535 }, 65535)).toStrictEqual(clean);
    expect(check({ type: 'integer', minimum: 1, maximum: 65535 }, 0).violations).toStrictEqual(['expected a number at least 1, got 0']);
    expect(check({ type: 'number', minimum: 0, exclusiveMinimum: true }, 0).violations).toStrictEqual(['expected a number greater than 0, got 0']);
    expect(check({ type: 'number', maximum: 1, exclusiveMaximum: true }, 1).violations).toStrictEqual(['expected a number less than 1, got 1']);
  });

  test('item and field counts', () => {
    expect(check({ type: 'array', minItems: 1 }, []).violations).toStrictEqual(['expected at least 1 items, got 0']);
    expect(check({ type: 'object', maxProperties: 1, additionalProperties: true }, { a: 1, b: 2 }).violations).toStrictEqual(['expected at most 1 fields, got 2']);
  });

  test('a value of the wrong type is not checked further', () => {
    expect(check({ type: 'array', minItems: 1, items: { type: 'string' } }, 'x').violations).toStrictEqual(['expected array, got string "x"']);
  });
});

test('every generated schema compiles, patterns included', () => {
  for (const key of Object.keys(CRD_SCHEMA_INDEX)) {
    const [apiVersion, kind] = key.split(' ');
    expect(typeof compileSchema(crdSchemaOf(apiVersion, kind)!)).toBe('function');
  }
});

describe('withoutFields', () => {
  test('copies only the path to each dropped field and leaves the input as it is', () => {
    const kept = { deep: [1, 2] };
    const input = { spec: { servers: [{ port: 1, portz: 2 }, { port: 3 }], kept }, other: { a: 1 } };
    const pruned = withoutFields(input, [['spec', 'servers', 0, 'portz'], ['spec', 'extra']]) as any;
    expect(pruned).toStrictEqual({ spec: { servers: [{ port: 1 }, { port: 3 }], kept }, other: { a: 1 } });
    expect(input.spec.servers[0]).toStrictEqual({ port: 1, portz: 2 });
    expect(pruned.other).toBe(input.other);
    expect(pruned.spec.kept).toBe(kept);
    expect(pruned.spec.servers[1]).toBe(input.spec.servers[1]);
  });
});
