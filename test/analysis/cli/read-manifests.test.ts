import { ManifestError, readManifest } from '../../../src/analysis/cli/read-manifests';

/** The spec of the one object in `yaml`, a ServiceEntry whose spec is `spec`. */
function specOf(spec: string): any {
  const manifest = readManifest(`apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: db\nspec:\n${spec}`);
  expect(manifest.objects).toHaveLength(1);
  return manifest.objects[0].object.spec;
}

function errorOf(yaml: string): { line: number; message: string } {
  try {
    readManifest(yaml);
  } catch (e) {
    expect(e).toBeInstanceOf(ManifestError);
    return { line: (e as ManifestError).line, message: (e as ManifestError).message };
  }
  throw new Error('expected a ManifestError');
}

describe('scalars as go-yaml v2 resolves them (sigs.k8s.io/yaml)', () => {
  test('a colon inside a plain scalar of a flow sequence stays in it: [1.2.3.4, 001:db8::] is two addresses', () => {
    expect(specOf('  addresses: [1.2.3.4, 001:db8::, "2001:db8::1", a:b]').addresses).toStrictEqual(['1.2.3.4', '001:db8::', '2001:db8::1', 'a:b']);
    expect(specOf('  hosts: {a:}').hosts).toStrictEqual({ 'a:': null });
  });

  test('a colon and a blank still make a pair, in flow and block context alike', () => {
    expect(specOf('  addresses: [a: b]').addresses).toStrictEqual([{ a: 'b' }]);
    expect(specOf('  addresses:\n  - 2001:db8::\n').addresses).toStrictEqual([{ '2001:db8:': null }]);
  });

  test.each([
    ['yes', true], ['Yes', true], ['YES', true], ['y', true], ['Y', true], ['on', true], ['On', true], ['ON', true], ['true', true], ['True', true],
    ['no', false], ['No', false], ['n', false], ['N', false], ['off', false], ['OFF', false], ['false', false], ['FALSE', false],
    ['~', null], ['null', null], ['Null', null], ['NULL', null], ['', null],
    ['yEs', 'yEs'], ['tRUE', 'tRUE'], ['"yes"', 'yes'], ["'on'", 'on'], ['!!str yes', 'yes'],
  ])('the YAML 1.1 word %j is %j', (text, value) => {
    expect(specOf(`  location: ${text}`).location).toStrictEqual(value);
  });

  test.each([
    ['0777', 511], ['0o17', 15], ['0x1F', 31], ['-0x1F', -31], ['0b101', 5], ['+12', 12], ['1_000', 1000], ['08', 8], ['-0', 0],
    ['1.5', 1.5], ['1e3', 1000], ['1.', 1], ['.5', 0.5], ['+.5', 0.5], ['1.10', 1.1],
    ['9223372036854775807', 9223372036854775807], ['18446744073709551615', 18446744073709551615], ['99999999999999999999', 1e20],
    ['1.2.3.4', '1.2.3.4'], ['2001-12-14', '2001-12-14'], ['2001-12-14T21:59:43.10-05:00', '2001-12-14T21:59:43.10-05:00'],
    ['190:20:30', '190:20:30'], ['0x', '0x'], ['-x', '-x'], ['.', '.'], ['1e', '1e'], ['0o8', '0o8'], ['"0777"', '0777'], ['!!int "0777"', 511],
  ])('the number-like %j is %j', (text, value) => {
    expect(specOf(`  location: ${text}`).location).toStrictEqual(value);
  });

  test('a typed tag that does not fit its value is an error with its line', () => {
    expect(errorOf('kind: Service\nspec:\n  port: !!int abc\n')).toEqual({ line: 3, message: 'cannot decode "abc" as a int' });
  });

  test.each(['.nan', '.inf', '-.Inf'])('%s is refused, as JSON has no such number', (text) => {
    expect(errorOf(`kind: Service\nspec:\n  weight: ${text}\n`)).toEqual({ line: 3, message: `json: unsupported value: ${text}` });
  });

  test('a tag go-yaml does not know keeps the text; !!binary is decoded', () => {
    expect(specOf('  location: !custom 12\n  resolution: !!binary aGVsbG8=').location).toBe('12');
    expect(specOf('  resolution: !!binary aGVsbG8=').resolution).toBe('hello');
  });
});

describe('mappings as sigs.k8s.io/yaml writes them in JSON', () => {
  test('a key given twice keeps its last value, as kubectl apply does, with a warning naming the line', () => {
    const manifest = readManifest('kind: Service\nmetadata:\n  name: a\n  name: b\n');
    expect(manifest.objects[0].object.metadata).toStrictEqual({ name: 'b' });
    expect(manifest.warnings).toEqual(['4: key "name" is given twice: the last value counts, as for kubectl apply']);
  });

  test('keys that resolve to numbers or booleans are written as text; a null key is refused', () => {
    expect(specOf('  ports: {80: http, yes: 1, 1.5: x}').ports).toStrictEqual({ 80: 'http', true: 1, 1.5: 'x' });
    expect(errorOf('kind: Service\nspec:\n  ~: 1\n')).toEqual({ line: 3, message: 'unsupported map key null' });
  });

  test('a key named __proto__ is an ordinary key', () => {
    const spec = specOf('  __proto__: {polluted: true}');
    expect(Object.keys(spec)).toEqual(['__proto__']);
    expect(({} as any).polluted).toBeUndefined();
  });

  test('anchors and aliases copy the anchored value', () => {
    expect(specOf('  hosts: &h [a.example.com]\n  exportTo: *h').exportTo).toStrictEqual(['a.example.com']);
  });

  test('merge keys merge where they stand: later keys win, and in a list the earlier maps win', () => {
    const spec = specOf([
      '  base: &base {a: 1, b: 1}',
      '  other: &other {b: 2, c: 2}',
      '  after: {<<: *base, b: 3}',
      '  before: {b: 3, <<: *base}',
      '  list: {<<: [*base, *other]}',
    ].join('\n'));
    expect(spec.after).toStrictEqual({ a: 1, b: 3 });
    expect(spec.before).toStrictEqual({ b: 1, a: 1 });
    expect(spec.list).toStrictEqual({ b: 1, c: 2, a: 1 });
    expect(errorOf('kind: Service\nspec: {<<: 1}\n').message).toBe('map merge requires map or sequence of maps as the value');
  });

  test('a document whose aliases expand into millions of values is refused', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    }
    expect(errorOf(`kind: Service\n${levels.join('\n')}\n`).message).toBe('document contains excessive aliasing');
  });

  test.each([501, 20000])('a document nested %d levels deep is refused', (levels) => {
    expect(errorOf(`kind: Service\nspec: ${'['.repeat(levels)}${']'.repeat(levels)}\n`).message).toBe('nested deeper than 500 levels');
  });

  test('a document nested 400 levels deep is read', () => {
    expect(JSON.stringify(specOf(`  hosts: ${'['.repeat(400)}${']'.repeat(400)}`).hosts)).toBe(`${'['.repeat(400)}${']'.repeat(400)}`);
  });
});

describe('documents and objects', () => {
  test('reads every document, the items of Lists, JSON, and the line each object starts on', () => {
    const manifest = readManifest([
      '# a comment',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: a}',
      '---',
      '---',
      'kind: List',
      'items:',
      '- kind: Secret',
      '  metadata: {name: b}',
      '- {"kind": "Secret", "metadata": {"name": "c"}}',
      '--- 3',
      '--- {"kind": "Pod", "metadata": {"name": "d"}}',
    ].join('\n'));
    expect(manifest.objects.map((o) => [o.object.metadata?.name, o.line])).toEqual([['a', 2], ['b', 9], ['c', 11], ['d', 13]]);
  });

  test('a syntax error names its line', () => {
    expect(errorOf('kind: Service\nspec:\n  hosts: [a\n  other: b\n').line).toBeGreaterThanOrEqual(3);
  });
});
