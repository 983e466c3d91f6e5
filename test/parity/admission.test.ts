import * as fs from 'fs';
import * as path from 'path';
import { checkObject } from '../../src/rules/webhook';
import { admissionCases } from './admission';
import { agreementFigure, differencesTable, judge } from './admission/report';
import { ADMISSION_DIFFERENCES } from './admission-differences';

const results = judge(admissionCases);
const figure = agreementFigure(results);
const listed = new Set(Object.keys(ADMISSION_DIFFERENCES));
const expectedToAgree = results.filter((r) => !listed.has(r.case.upstream));

describe(figure, () => {
  beforeAll(() => {
    // The figure the lead reads off a run, and records in docs/parity.md.
    console.log(figure);
  });

  test('there are at least 300 cases, each upstream case once', () => {
    const ids = admissionCases.map((c) => c.upstream);
    expect(ids.length).toBeGreaterThanOrEqual(300);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toStrictEqual([]);
  });

  test.each(expectedToAgree.map((r) => [r.case.upstream, r] as const))('%s', (_id, result) => {
    const messages = checkObject(result.case.object).map((f) => `${f.code} ${f.message}`);
    expect({ verdict: result.agrees ? result.case.verdict : result.ours, messages }).toStrictEqual({ verdict: result.case.verdict, messages });
  });

  test.each(Object.entries(ADMISSION_DIFFERENCES))('known difference %s still differs (%s)', (id) => {
    const result = results.find((r) => r.case.upstream === id);
    expect(result).toBeDefined();
    expect(result?.agrees).toBe(false);
  });

  test('docs/parity.md states the figure and lists the known differences', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'parity.md'), 'utf8');
    const admission = doc.slice(doc.indexOf('## Admission'), doc.indexOf('## Analysis'));
    expect(admission).toContain(`\`${figure}\``);
    expect(admission).toContain(differencesTable(ADMISSION_DIFFERENCES));
  });
});
