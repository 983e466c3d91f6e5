import { KubeObject } from '../finding';

/**
 * True for an object of Istio's own installation, as istioctl tells it: labelled `istio` (with any
 * value, as the gateways are) or `release: istio`. Analyzers of application workloads skip them.
 */
export function isIstioControlPlane(obj: KubeObject): boolean {
  const labels = obj.metadata?.labels ?? {};
  return Object.prototype.hasOwnProperty.call(labels, 'istio') || labels.release === 'istio';
}
