import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { ExitStatus, main } from '../../src/analysis/cli';
import { analyze } from '../../src/rules/analyze';
import { analysisFixtureNames, fixtureObjects } from '../support/fixtures';

/** Valid objects of every kind the rules read: the webhook rules' mesh and every analysis fixture. */
const SEEDS: any[] = [
  ...parseAllDocuments(fs.readFileSync(path.join(__dirname, '..', 'rules', 'webhook', 'fixtures', 'valid-mesh.yaml'), 'utf8')).map((d) => d.toJS()),
  ...analysisFixtureNames().flatMap(fixtureObjects),
].filter((o) => o && typeof o.kind === 'string');

/** Every path into `value`: object keys and array indexes, the root included. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      paths.push(...pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key]));
    }
  }
  return paths;
}

/** A copy of `obj` with the value at `at` replaced by `value`. */
function replaced(obj: any, at: (string | number)[], value: unknown): any {
  if (at.length === 0) {
    return value;
  }
  const copy = Array.isArray(obj) ? [...obj] : { ...obj };
  copy[at[0]] = replaced(obj[at[0]], at.slice(1), value);
  return copy;
}

/** A seed object with a wrong value (any JSON value) at one of its paths, the root and `kind` included. */
const mutatedObject = fc.tuple(fc.nat({ max: SEEDS.length - 1 }), fc.nat(), fc.jsonValue({ maxDepth: 3 })).map(([seed, pathChoice, value]) => {
  const obj = SEEDS[seed];
  const paths = pathsOf(obj).filter((p) => p.length > 0 && p[0] !== 'kind');
  return replaced(obj, paths[pathChoice % paths.length], value);
});

/** Runs the CLI in process on `stdin`, as `analyze -`. */
function runOnStdin(stdin: string, ...options: string[]): { status: ExitStatus; out: string; err: string } {
  let out = '';
  let err = '';
  const status = main(['analyze', ...options, '-'], { out: (t) => { out += t; }, err: (t) => { err += t; } }, () => stdin);
  return { status, out, err };
}

/** What the CLI must end with, whatever the input: findings and 0 or 1, or 2 and one file:line message. */
function expectOrderlyEnd(result: { status: ExitStatus; out: string; err: string }): void {
  expect(result.err).not.toMatch(/internal error|\n\s+at /);
  if (result.status === ExitStatus.BAD_INPUT) {
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^error: -:\d+: [^\n]+\n$/);
  } else {
    expect([ExitStatus.OK, ExitStatus.ERROR_FINDINGS]).toContain(result.status);
    expect(result.out).toMatch(/^(No validation issues found when analyzing \d+ objects\.\n|((Error|Warning|Info) \[(IST|CIG)\d{4}\] \([^\n]*\n)+)$/);
  }
}

describe('the rules never throw on any JSON value', () => {
  test('a wrong value at any path of valid objects of every kind: findings, no exception', () => {
    fc.assert(fc.property(fc.array(mutatedObject, { minLength: 1, maxLength: 6 }), (objects) => {
      expect(() => analyze(objects)).not.toThrow();
      expect(() => analyze(objects, { assumeHostsAndSecretsExist: true, defaultGateway: false })).not.toThrow();
    }), { numRuns: 1500, seed: 11 });
  });

  test('every seed with its spec, metadata or whole self replaced by each kind of JSON value', () => {
    const values = [null, 0, -1, 1.5, '', 'x', true, [], [null], {}, { a: [] }];
    for (const seed of SEEDS) {
      for (const value of values) {
        for (const at of [['spec'], ['metadata'], ['metadata', 'name'], ['metadata', 'labels'], ['apiVersion']]) {
          expect(() => analyze([replaced(seed, at, value), seed])).not.toThrow();
        }
      }
    }
  });
});

describe('the CLI never crashes', () => {
  test('on mutated objects written as YAML or JSON', () => {
    fc.assert(fc.property(fc.array(mutatedObject, { minLength: 1, maxLength: 4 }), fc.boolean(), (objects, json) => {
      const text = json ? objects.map((o) => JSON.stringify(o)).join('\n---\n') : objects.map((o) => stringify(o)).join('---\n');
      expectOrderlyEnd(runOnStdin(text));
    }), { numRuns: 300, seed: 11 });
  });

  test('on random text and hostile YAML', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: fc.constantFrom('[', ']', '{', '}', ':', ',', '-', ' ', '\n', '&a', '*a', '!!', '<<', '?', '|', '>', '#', '"', "'", 'kind', 'Gateway', 'spec', 'items', '---', '%YAML 1.1'), maxLength: 120 }),
      fc.jsonValue().map((v) => `kind: Gateway\nspec: ${JSON.stringify(v)}\n`),
    );
    fc.assert(fc.property(hostile, (text) => {
      expectOrderlyEnd(runOnStdin(text));
    }), { numRuns: 1000, seed: 11 });
  });

  test.each([
    ['binary data', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1')],
    ['a NUL byte', 'kind: Gateway\nmetadata:\n  name: "a\u0000b"\n'],
    ['deep flow nesting', `kind: Gateway\nspec: ${'['.repeat(100000)}\n`],
    ['deep block nesting', `kind: Gateway\nspec:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')}\n`],
    ['an alias bomb', ['kind: Gateway', 'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n')],
    ['an alias that contains itself', 'kind: Gateway\nspec: &s {a: *s}\n'],
    ['a List of wrong items', 'kind: List\nitems: [1, null, "x", {kind: 3}, {kind: Gateway, spec: 7}]\n'],
  ])('on %s, with a bounded time', (_, text) => {
    const started = Date.now();
    expectOrderlyEnd(runOnStdin(text));
    // A bound against hangs and exponential blowups (well under a second on an idle machine),
    // loose enough for a loaded one: the benchmark measures speed.
    expect(Date.now() - started).toBeLessThan(60000);
  });

  test('on a document of 20,000 objects, with a bounded time', () => {
    const gateway = SEEDS.find((o) => o.kind === 'Gateway');
    const objectOf = (i: number) => ({
      ...gateway,
      metadata: { name: `g${i}`, namespace: 'edge' },
      spec: { ...gateway.spec, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: [`g${i}.example.com`] }] },
    });
    const text = Array.from({ length: 20000 }, (_, i) => JSON.stringify(objectOf(i))).join('\n---\n');
    const started = Date.now();
    expectOrderlyEnd(runOnStdin(text));
    // A bound against hangs and quadratic blowups (about 6 s on an idle machine, minutes if
    // quadratic), not a speed target: the benchmark measures speed.
    expect(Date.now() - started).toBeLessThan(90000);
  });

  test('as a process: binary data on stdin ends with status 2 and one message, no stack trace', () => {
    const cli = path.join(__dirname, '..', '..', 'lib', 'src', 'analysis', 'cli.js');
    const result = spawnSync(process.execPath, [cli, 'analyze', '-'], { input: Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x7b, 0x5b, 0x3a]), encoding: 'utf8' });
    expect([0, 1, 2]).toContain(result.status);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
