import { KubeObject } from '../finding';
import { arrayOf, fullNameOf, namespaceOf, toFqdn } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, Report } from './messages';
import { MESH_GATEWAY } from './virtualservice-gateways';

/**
 * IST0140 IngressRouteRulesNotAffected: a VirtualService bound to a Gateway routes HTTP to a host
 * without a subset, while a VirtualService for the sidecars picks a subset of that host for its
 * own routes. A gateway applies only the VirtualServices bound to it, so its requests reach every
 * pod of the host, whatever the sidecars' VirtualService says.
 *
 * Hosts are compared fully qualified, each in its VirtualService's namespace; each pair of
 * VirtualServices is reported once, and a VirtualService bound to a Gateway and to `mesh` is not
 * paired with itself.
 */
export function analyzeVirtualServiceIngressSubsets(context: AnalysisContext, report: Report): void {
  const virtualServices = context.index.ofKind('VirtualService');
  const subsetRoutersByHost = subsetRoutersOfHosts(virtualServices);
  if (subsetRoutersByHost.size === 0) {
    return;
  }
  for (const vs of virtualServices) {
    if (!boundToGateway(vs)) {
      continue;
    }
    const namespace = namespaceOf(vs);
    const self = fullNameOf(vs);
    const routers = new Set<string>();
    for (const destination of httpDestinations(vs)) {
      if (!hasSubset(destination)) {
        for (const router of subsetRoutersByHost.get(toFqdn(namespace, String(destination?.host ?? ''))) ?? []) {
          // A VirtualService bound to both applies its subset routes to the gateway as well.
          if (router !== self) {
            routers.add(router);
          }
        }
      }
    }
    for (const router of [...routers].sort()) {
      report(findingOf(MESSAGES.IngressRouteRulesNotAffected, vs,
        `Subset in virtual service ${router} has no effect on ingress gateway ${self} requests`));
    }
  }
}

/**
 * The VirtualServices for the sidecars that route one of their own hosts to a subset of it, by
 * that host (fully qualified).
 */
function subsetRoutersOfHosts(virtualServices: readonly KubeObject[]): Map<string, string[]> {
  const routers = new Map<string, string[]>();
  for (const vs of virtualServices) {
    if (!appliesToSidecars(vs)) {
      continue;
    }
    const namespace = namespaceOf(vs);
    const ownHosts = new Set(arrayOf(vs.spec?.hosts).map((h) => toFqdn(namespace, String(h))));
    const routed = new Set<string>();
    for (const destination of httpDestinations(vs)) {
      const host = toFqdn(namespace, String(destination?.host ?? ''));
      if (hasSubset(destination) && ownHosts.has(host)) {
        routed.add(host);
      }
    }
    for (const host of routed) {
      const list = routers.get(host);
      if (list) {
        list.push(fullNameOf(vs));
      } else {
        routers.set(host, [fullNameOf(vs)]);
      }
    }
  }
  return routers;
}

function httpDestinations(vs: KubeObject): any[] {
  return arrayOf(vs.spec?.http).flatMap((rule) => arrayOf(rule?.route).map((route) => route?.destination));
}

function hasSubset(destination: any): boolean {
  return typeof destination?.subset === 'string' && destination.subset !== '';
}

function gatewaysOf(vs: KubeObject): string[] {
  return arrayOf(vs.spec?.gateways).map(String);
}

function boundToGateway(vs: KubeObject): boolean {
  return gatewaysOf(vs).some((g) => g !== MESH_GATEWAY);
}

function appliesToSidecars(vs: KubeObject): boolean {
  const gateways = gatewaysOf(vs);
  return gateways.length === 0 || gateways.includes(MESH_GATEWAY);
}
