/**
 * The applicable upstream analyzer cases (by their upstream name, see analysis/cases.ts) whose
 * findings still differ from istioctl's, with the reason. The suite checks that each one still
 * differs, so fixing one forces its removal here (and from docs/parity.md).
 */
export const ANALYSIS_DIFFERENCES: { readonly [upstream: string]: string } = {};
