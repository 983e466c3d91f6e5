import { arrayOf, podTemplateOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { isIstioControlPlane } from './control-plane';
import { findingOf, MESSAGES, Report } from './messages';

/** The user the sidecar proxy runs as: its own traffic is not captured, so an application running as it bypasses the sidecar. */
const PROXY_UID = 1337;

/** Containers Istio runs itself, which may run as the proxy's user. */
const ISTIO_CONTAINERS: ReadonlySet<string> = new Set(['istio-proxy', 'istio-operator']);

/** The kinds istioctl reads the pod spec of for IST0144. */
const KINDS = ['Pod', 'Deployment'];

/**
 * IST0144 InvalidApplicationUID: a Pod, or a Deployment's pod template, that runs as UID 1337,
 * set on the pod's `securityContext` or on a container's other than Istio's own. Once per object
 * (istioctl repeats it per field, with the same text). Objects of the control plane are skipped.
 */
export function analyzeApplicationUid(context: AnalysisContext, report: Report): void {
  for (const kind of KINDS) {
    for (const obj of context.index.ofKind(kind)) {
      const spec = podTemplateOf(obj)?.spec;
      if (isIstioControlPlane(obj) || !runsAsProxyUser(spec)) {
        continue;
      }
      report(findingOf(MESSAGES.InvalidApplicationUID, obj, 'User ID (UID) 1337 is reserved for the sidecar proxy.'));
    }
  }
}

function runsAsProxyUser(spec: any): boolean {
  return spec?.securityContext?.runAsUser === PROXY_UID
    || arrayOf(spec?.containers).some((c) => !ISTIO_CONTAINERS.has(c?.name) && c?.securityContext?.runAsUser === PROXY_UID);
}
