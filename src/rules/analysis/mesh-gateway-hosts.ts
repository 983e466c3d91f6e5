import { KubeObject } from '../finding';
import { arrayOf, fullNameOf, namespaceOf, toFqdn } from '../mesh-index';
import { AnalysisContext } from './context';
import { MESH_GATEWAY } from './virtualservice-gateways';
import { findingOf, MESSAGES, Report } from './messages';

/**
 * IST0109 ConflictingMeshGatewayVirtualServiceHosts: VirtualServices bound to the sidecars (no
 * gateways, or `mesh`) that claim the same host for the same namespaces. Sidecars do not merge
 * them, so which one wins is undefined.
 */
export function analyzeMeshGatewayHosts(context: AnalysisContext, report: Report): void {
  const byScopedHost = new Map<string, KubeObject[]>();
  for (const vs of context.index.ofKind('VirtualService')) {
    const gateways = arrayOf(vs.spec?.gateways);
    if (gateways.length > 0 && !gateways.includes(MESH_GATEWAY)) {
      continue;
    }
    const namespace = namespaceOf(vs);
    for (const scope of exportScopes(vs, namespace)) {
      for (const host of new Set(arrayOf(vs.spec?.hosts).map(String))) {
        const key = `${scope}/${toFqdn(namespace, host)}`;
        const list = byScopedHost.get(key);
        if (list) {
          list.push(vs);
        } else {
          byScopedHost.set(key, [vs]);
        }
      }
    }
  }
  for (const [key, services] of byScopedHost) {
    if (services.length < 2) {
      continue;
    }
    const names = services.map(fullNameOf).join(',');
    const host = key.slice(key.indexOf('/') + 1);
    for (const vs of services) {
      report(findingOf(MESSAGES.ConflictingMeshGatewayVirtualServiceHosts, vs,
        `The VirtualServices ${names} associated with mesh gateway define the same host ${host} which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.`));
    }
  }
}

function exportScopes(vs: KubeObject, namespace: string): string[] {
  const exportTo: string[] = arrayOf(vs.spec?.exportTo).map(String);
  if (exportTo.length === 0 || exportTo.includes('*')) {
    return ['*'];
  }
  return [...new Set(exportTo.map((e) => (e === '.' ? namespace : e)))];
}
