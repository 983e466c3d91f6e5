import { AdmissionCase, Verdict } from './case';
import { agrees, ourVerdict } from './verdict';

/** One case with our verdict on it. */
export interface AdmissionResult {
  readonly case: AdmissionCase;
  readonly ours: Verdict;
  readonly agrees: boolean;
}

/** Our verdict on each case. */
export function judge(cases: readonly AdmissionCase[]): AdmissionResult[] {
  return cases.map((c) => {
    const ours = ourVerdict(c);
    return { case: c, ours, agrees: agrees(c, ours) };
  });
}

/** The suite's one-line figure: `parity admission: N cases, M agree (P%)`. */
export function agreementFigure(results: readonly AdmissionResult[]): string {
  const agreeing = results.filter((r) => r.agrees).length;
  const percent = ((100 * agreeing) / results.length).toFixed(1);
  return `parity admission: ${results.length} cases, ${agreeing} agree (${percent}%)`;
}

/** The known differences as docs/parity.md lists them: a Markdown table of case and reason. */
export function differencesTable(differences: { readonly [upstream: string]: string }): string {
  const rows = Object.entries(differences).map(([upstream, reason]) => `| ${escapeCell(upstream)} | ${escapeCell(reason)} |`);
  return ['| Upstream case | Reason |', '| --- | --- |', ...rows].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
