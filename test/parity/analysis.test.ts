import * as fs from 'fs';
import * as path from 'path';
import { ANALYSIS_DIFFERENCES } from './analysis-differences';
import { APPLICABLE_CASES, INAPPLICABLE_CASES, UPSTREAM_COMMIT } from './analysis/cases';
import { actualFindings, expectedFindings, fixtureObjects } from './analysis/run-case';

/** The number of cases in the upstream `testGrid` of TestAnalyzers at UPSTREAM_COMMIT. */
const UPSTREAM_CASE_COUNT = 104;

const FIXTURES = path.join(__dirname, 'analysis', 'fixtures');
const MESH_CONFIGS = path.join(__dirname, 'analysis', 'mesh-configs');
const PARITY_DOC = path.join(__dirname, '..', '..', 'docs', 'parity.md');

const exactCases = APPLICABLE_CASES.filter((c) => !(c.upstream in ANALYSIS_DIFFERENCES));
const differingCases = APPLICABLE_CASES.filter((c) => c.upstream in ANALYSIS_DIFFERENCES);

/** The agreement figure, as the suite prints it and docs/parity.md records it. */
function analysisFigure(): string {
  const applicable = APPLICABLE_CASES.length;
  const exact = exactCases.length;
  return `parity analysis: ${applicable} applicable cases, ${exact} exact (${(Math.round((exact / applicable) * 1000) / 10).toFixed(1)}%)`;
}

describe('the analysis parity suite against istioctl analyze (analyzers_test.go)', () => {
  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(analysisFigure());
  });

  test.each(exactCases.map((c) => [c.upstream, c] as const))('%s: the same findings as istioctl', (_name, parityCase) => {
    expect(actualFindings(parityCase)).toEqual(expectedFindings(parityCase));
  });

  test('each listed difference still differs', () => {
    for (const parityCase of differingCases) {
      expect({ upstream: parityCase.upstream, findings: actualFindings(parityCase) }).not.toEqual({ upstream: parityCase.upstream, findings: expectedFindings(parityCase) });
    }
  });
});

describe('the analysis parity case table', () => {
  test('covers every upstream case once, applicable or not', () => {
    expect(APPLICABLE_CASES.length + INAPPLICABLE_CASES.length).toBe(UPSTREAM_CASE_COUNT);
    const keys = [...APPLICABLE_CASES, ...INAPPLICABLE_CASES].map((c) => `${c.upstream} ${c.testdata.join(' ')}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('names each applicable case uniquely, so that the differences can name it', () => {
    const names = APPLICABLE_CASES.map((c) => c.upstream);
    expect(new Set(names).size).toBe(names.length);
  });

  test('lists as differences only applicable cases', () => {
    const names = new Set(APPLICABLE_CASES.map((c) => c.upstream));
    expect(Object.keys(ANALYSIS_DIFFERENCES).filter((name) => !names.has(name))).toEqual([]);
  });

  test('compares each case on codes it expects or that its analyzer reports', () => {
    for (const parityCase of APPLICABLE_CASES) {
      const codes = new Set(parityCase.codes);
      expect({ upstream: parityCase.upstream, outside: parityCase.expected.filter((line) => !codes.has(line.split(' ')[0])) })
        .toEqual({ upstream: parityCase.upstream, outside: [] });
    }
  });

  test('has a mesh config for each case whose upstream case gives a meshConfigFile, naming that case, and no other', () => {
    const used = APPLICABLE_CASES.filter((c) => c.meshConfig !== undefined);
    expect(fs.readdirSync(MESH_CONFIGS).map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual(used.map((c) => c.meshConfig).sort());
    for (const parityCase of used) {
      expect({ meshConfig: parityCase.meshConfig, named: fs.readFileSync(path.join(MESH_CONFIGS, `${parityCase.meshConfig}.yaml`), 'utf8').includes(`"${parityCase.upstream.split(' ')[0]}`) })
        .toEqual({ meshConfig: parityCase.meshConfig, named: true });
      expect(parityCase.testdata.some((t) => t.endsWith(`/${parityCase.meshConfig}.yaml`))).toBe(true);
    }
  });

  test('has a fixture for each applicable case that names the upstream case and its testdata, and no other fixture', () => {
    const used = new Set(APPLICABLE_CASES.map((c) => c.fixture));
    expect(fs.readdirSync(FIXTURES).map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual([...used].sort());
    for (const parityCase of APPLICABLE_CASES) {
      const header = fs.readFileSync(path.join(FIXTURES, `${parityCase.fixture}.yaml`), 'utf8').split('\n')
        .filter((line) => line.startsWith('#')).join(' ').replace(/\s*#\s*/g, ' ');
      expect({ fixture: parityCase.fixture, names: header.includes(`"${parityCase.upstream}"`) && header.includes(parityCase.testdata[0]) })
        .toEqual({ fixture: parityCase.fixture, names: true });
      expect(fixtureObjects(parityCase.fixture).length).toBeGreaterThan(0);
    }
  });
});

describe('docs/parity.md, section Analysis', () => {
  let section = '';
  beforeAll(() => {
    const doc = fs.readFileSync(PARITY_DOC, 'utf8');
    section = doc.slice(doc.indexOf('## Analysis'));
  });

  test(`records the figure (${analysisFigure()}) and the Istio commit`, () => {
    expect(section).toContain(analysisFigure());
    expect(section).toContain(UPSTREAM_COMMIT);
  });

  test('marks each applicable case exact or differing, as the suite finds it', () => {
    const rows = [...section.matchAll(/^\| (exact|differs) \| (.+?) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(rows.sort()).toEqual([
      ...exactCases.map((c) => `exact ${c.upstream}`),
      ...differingCases.map((c) => `differs ${c.upstream}`),
    ].sort());
  });

  test('lists exactly the differences of analysis-differences.ts, with their reasons', () => {
    const listed = [...section.matchAll(/^\| difference \| (.+?) \| (.+) \|$/gm)].map((m) => `${m[1]}: ${m[2]}`);
    expect(listed.sort()).toEqual(Object.entries(ANALYSIS_DIFFERENCES).map(([name, reason]) => `${name}: ${reason}`).sort());
  });

  test('lists every inapplicable case', () => {
    const listed = [...section.matchAll(/^\| inapplicable \| (.+?) \|/gm)].length;
    expect(listed).toBe(INAPPLICABLE_CASES.length);
  });
});
