import { KubeObject } from '../finding';
import { arrayOf, fullNameOf, namespaceOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { hostsOverlap, withoutNamespace } from './hosts';
import { findingOf, list, MESSAGES, quote, Report } from './messages';

/** The gateway name that binds a VirtualService to the sidecars instead of a Gateway. */
export const MESH_GATEWAY = 'mesh';

/**
 * The Gateways a VirtualService binds to: each must exist (IST0101), and at least one of the
 * VirtualService's hosts must be among the hosts the Gateway exposes to the VirtualService's
 * namespace (IST0132), or the Gateway never routes to it.
 */
export function analyzeVirtualServiceGateways(context: AnalysisContext, report: Report): void {
  for (const vs of context.index.ofKind('VirtualService')) {
    const namespace = namespaceOf(vs);
    const hosts: string[] = arrayOf(vs.spec?.hosts).map(String);
    for (const ref of arrayOf(vs.spec?.gateways).map(String)) {
      if (ref === MESH_GATEWAY) {
        continue;
      }
      const gatewayName = ref.includes('/') ? ref : `${namespace}/${ref}`;
      const gateway = context.index.gateway(gatewayName);
      if (!gateway) {
        report(findingOf(MESSAGES.ReferencedResourceNotFound, vs, `Referenced gateway not found: ${quote(ref)}`));
        continue;
      }
      if (hosts.length > 0 && !exposesAny(gateway, namespace, hosts)) {
        report(findingOf(MESSAGES.VirtualServiceHostNotFoundInGateway, vs,
          `one or more host ${list(hosts)} defined in VirtualService ${fullNameOf(vs)} not found in Gateway ${gatewayName}.`));
      }
    }
  }
}

/**
 * True when `gateway` exposes one of `hosts` to VirtualServices in `namespace`. A server host
 * `ns/host` is for VirtualServices in `ns` only, `./host` for the Gateway's own namespace, and
 * `*\/host` or a plain `host` for every namespace.
 */
function exposesAny(gateway: KubeObject, namespace: string, hosts: string[]): boolean {
  const gatewayNamespace = namespaceOf(gateway);
  for (const server of arrayOf(gateway.spec?.servers)) {
    for (const serverHost of arrayOf(server?.hosts).map(String)) {
      if (!visibleTo(serverHost, gatewayNamespace, namespace)) {
        continue;
      }
      const host = withoutNamespace(serverHost);
      if (hosts.some((h) => hostsOverlap(host, h))) {
        return true;
      }
    }
  }
  return false;
}

function visibleTo(serverHost: string, gatewayNamespace: string, namespace: string): boolean {
  const slash = serverHost.indexOf('/');
  if (slash < 0) {
    return true;
  }
  const scope = serverHost.slice(0, slash);
  return scope === '*' || scope === namespace || (scope === '.' && gatewayNamespace === namespace);
}
