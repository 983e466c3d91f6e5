import { KubeObject } from '../finding';
import { arrayOf } from '../mesh-index';
import { isKnownProtocol } from '../webhook/protocol';
import { AnalysisContext } from './context';
import { isIstioControlPlane } from './control-plane';
import { findingOf, MESSAGES, Report } from './messages';

const GATEWAY_MANAGED_LABEL = 'gateway.istio.io/managed';
/** The controllers whose Services Istio makes itself (gateways, waypoints, east-west gateways). */
const ISTIO_GATEWAY_CONTROLLERS: ReadonlySet<string> = new Set(['istio.io-gateway-controller', 'istio.io-mesh-controller', 'istio.io-eastwest-controller']);

/** The `appProtocol` values Kubernetes defines, which Istio reads as a protocol of its own. */
const KUBERNETES_APP_PROTOCOLS: ReadonlySet<string> = new Set(['kubernetes.io/h2c', 'kubernetes.io/ws', 'kubernetes.io/wss']);

/** Ports whose protocol Istio takes to be TCP when the name does not say: SMTP, DNS, MySQL, MongoDB. */
const WELL_KNOWN_TCP_PORTS: ReadonlySet<number> = new Set([25, 53, 3306, 27017]);

const GRPC_WEB = 'grpc-web';

/**
 * IST0118 PortNameIsNotUnderNamingConvention: a Service port whose protocol Istio cannot tell
 * from its `appProtocol` or its name (`<protocol>[-<suffix>]`), so that it falls back to
 * detecting it; and IST0150 ExternalNameServiceTypeInvalidPortName, the same, or a port named
 * plain `tcp`, on an ExternalName Service, whose traffic the sidecar then may not forward. Once
 * per port. Services of the control plane (labelled `istio`, or `release: istio`) and those
 * Istio's gateway controllers make are skipped, as istioctl skips them.
 */
export function analyzeServicePortNames(context: AnalysisContext, report: Report): void {
  for (const service of context.index.ofKind('Service')) {
    if (isIstioControlPlane(service) || ISTIO_GATEWAY_CONTROLLERS.has(service.metadata?.labels?.[GATEWAY_MANAGED_LABEL] ?? '')) {
      continue;
    }
    const externalName = service.spec?.type === 'ExternalName';
    for (const port of arrayOf(service.spec?.ports)) {
      if (isProtocolKnown(port) && !(externalName && port?.name === 'tcp')) {
        continue;
      }
      report(externalName ? externalNameFinding(service) : findingOf(MESSAGES.PortNameIsNotUnderNamingConvention, service,
        `Port name ${port?.name ?? ''} (port: ${portNumber(port?.port)}, targetPort: ${targetPortText(port?.targetPort)}) doesn't follow the naming convention of Istio port.`));
    }
  }
}

function externalNameFinding(service: KubeObject) {
  return findingOf(MESSAGES.ExternalNameServiceTypeInvalidPortName, service,
    'Port name for ExternalName service is invalid. Proxy may prevent tcp named ports and unmatched traffic for ports serving TCP protocol from being forwarded correctly');
}

/**
 * True when Istio reads a protocol off the Service port, as its Kubernetes controller does: UDP
 * as declared; else from `appProtocol` when set, otherwise the name, up to its first `-`
 * (`grpc-web` whole); else TCP on a well-known port.
 */
function isProtocolKnown(port: any): boolean {
  if (port?.protocol === 'UDP') {
    return true;
  }
  const appProtocol = port?.appProtocol;
  if (typeof appProtocol === 'string' && KUBERNETES_APP_PROTOCOLS.has(appProtocol)) {
    return true;
  }
  const name = typeof appProtocol === 'string' ? appProtocol : typeof port?.name === 'string' ? port.name : '';
  if (name.slice(0, GRPC_WEB.length).toLowerCase() === GRPC_WEB) {
    return true;
  }
  const dash = name.indexOf('-');
  return isKnownProtocol(dash < 0 ? name : name.slice(0, dash)) || WELL_KNOWN_TCP_PORTS.has(Number(port?.port));
}

function portNumber(port: unknown): number {
  return typeof port === 'number' ? port : 0;
}

/** A `targetPort` as Kubernetes prints it: the number or the name; `0` when not set. */
function targetPortText(targetPort: unknown): string {
  return typeof targetPort === 'number' || typeof targetPort === 'string' ? String(targetPort) : '0';
}
