import { IstioRelease } from '../../../src/rules/istio-release';
import { checkObject } from '../../../src/rules/webhook';
import { AdmissionCase, Verdict } from './case';

/** istioctl's codes of the per-object rules: rejected, admitted with a warning. */
const REJECT = 'IST0106';
const WARN = 'IST0133';

/**
 * The verdict of our per-object rules on `c`'s object, at the release the upstream tests were
 * learned from (Istio's main branch, `IstioRelease.MAIN`); cross-object findings are the analysis layer's.
 */
export function ourVerdict(c: AdmissionCase): Verdict {
  const codes = checkObject(c.object, IstioRelease.MAIN).map((f) => f.code);
  if (codes.includes(REJECT)) {
    return 'reject';
  }
  return codes.includes(WARN) ? 'warn' : 'admit';
}

/** Whether our verdict agrees with upstream's: a warning agrees with `admit` where upstream asserts errors only. */
export function agrees(c: AdmissionCase, ours: Verdict): boolean {
  return ours === c.verdict || (c.errorsOnly && c.verdict === 'admit' && ours === 'warn');
}
