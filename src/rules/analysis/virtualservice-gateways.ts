import { KubeObject } from '../finding';
import { arrayOf, fullNameOf, namespaceOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { HostIndex, hostsOverlap, withoutNamespace } from './hosts';
import { findingOf, list, MESSAGES, quote, Report } from './messages';
import { isInternalGatewayReference } from './virtualservice-internal-gateways';

/** The gateway name that binds a VirtualService to the sidecars instead of a Gateway. */
export const MESH_GATEWAY = 'mesh';

/**
 * The Gateways a VirtualService binds to (Istio Gateways, or Gateway API Gateways of the same
 * name, as istioctl looks them up): each must exist (IST0101), and at least one of the
 * VirtualService's hosts must be among the hosts the Gateway exposes to the VirtualService's
 * namespace (IST0132), or the Gateway never routes to it. A Gateway that does not exist exposes
 * no host, and a VirtualService without hosts has none to expose, so both draw IST0132 as well,
 * as istioctl reports them.
 */
export function analyzeVirtualServiceGateways(context: AnalysisContext, report: Report): void {
  const exposedHosts = new ExposedHostsCache();
  for (const vs of context.index.ofKind('VirtualService')) {
    const namespace = namespaceOf(vs);
    const hosts: string[] = arrayOf(vs.spec?.hosts).map(String);
    for (const ref of arrayOf(vs.spec?.gateways).map(String)) {
      // A Gateway generated for a Kubernetes Gateway is never in the input: IST0165 reports it.
      if (ref === MESH_GATEWAY || isInternalGatewayReference(ref)) {
        continue;
      }
      const gatewayName = ref.includes('/') ? ref : `${namespace}/${ref}`;
      const gateway = context.index.gateway(gatewayName);
      const kubernetesGateway = gateway ? undefined : context.index.kubernetesGateway(gatewayName);
      if (!gateway && !kubernetesGateway) {
        report(findingOf(MESSAGES.ReferencedResourceNotFound, vs, `Referenced gateway not found: ${quote(ref)}`));
      }
      const hostFound = gateway
        ? exposedHosts.of(gateway, namespace).matchesAny(hosts)
        : kubernetesGateway !== undefined && listenersServeAny(kubernetesGateway, hosts);
      if (!hostFound) {
        report(findingOf(MESSAGES.VirtualServiceHostNotFoundInGateway, vs,
          `one or more host ${list(hosts)} defined in VirtualService ${fullNameOf(vs)} not found in Gateway ${gatewayName}.`));
      }
    }
  }
}

/**
 * The hosts a Gateway exposes to VirtualServices of one namespace. A server host `ns/host` is for
 * VirtualServices in `ns` only, `./host` for the Gateway's own namespace, and `*\/host` or a
 * plain `host` for every namespace. The hosts are indexed, so that checking a VirtualService
 * costs the same whether the Gateway lists one host or ten thousand (an egress Gateway lists
 * every routed host), wildcard hosts included.
 */
class ExposedHosts {
  private readonly hosts = new HostIndex<true>();

  constructor(gateway: KubeObject, namespace: string) {
    const gatewayNamespace = namespaceOf(gateway);
    for (const server of arrayOf(gateway.spec?.servers)) {
      for (const serverHost of arrayOf(server?.hosts).map(String)) {
        if (visibleTo(serverHost, gatewayNamespace, namespace)) {
          this.hosts.add(withoutNamespace(serverHost), true);
        }
      }
    }
  }

  /** True when one of `hosts` overlaps an exposed host. */
  public matchesAny(hosts: string[]): boolean {
    return hosts.some((host) => this.hosts.overlapping(host).length > 0);
  }
}

/** `ExposedHosts` built once per Gateway and VirtualService namespace. */
class ExposedHostsCache {
  private readonly byGateway = new Map<KubeObject, Map<string, ExposedHosts>>();

  public of(gateway: KubeObject, namespace: string): ExposedHosts {
    let byNamespace = this.byGateway.get(gateway);
    if (!byNamespace) {
      byNamespace = new Map();
      this.byGateway.set(gateway, byNamespace);
    }
    let exposed = byNamespace.get(namespace);
    if (!exposed) {
      exposed = new ExposedHosts(gateway, namespace);
      byNamespace.set(namespace, exposed);
    }
    return exposed;
  }
}

/**
 * True when a listener of a Gateway API Gateway serves one of `hosts`: a listener without
 * hostname serves every host. istioctl compares the hostnames whatever namespaces the listeners
 * allow routes from.
 */
function listenersServeAny(gateway: KubeObject, hosts: string[]): boolean {
  const listeners = arrayOf(gateway.spec?.listeners);
  if (listeners.some((l) => typeof l?.hostname !== 'string' || l.hostname === '')) {
    return true;
  }
  return listeners.some((l) => hosts.some((host) => hostsOverlap(l.hostname, host)));
}

function visibleTo(serverHost: string, gatewayNamespace: string, namespace: string): boolean {
  const slash = serverHost.indexOf('/');
  if (slash < 0) {
    return true;
  }
  const scope = serverHost.slice(0, slash);
  return scope === '*' || scope === namespace || (scope === '.' && gatewayNamespace === namespace);
}
