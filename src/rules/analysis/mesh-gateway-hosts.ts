import { KubeObject } from '../finding';
import { arrayOf, fullNameOf, namespaceOf, toFqdn } from '../mesh-index';
import { AnalysisContext } from './context';
import { HostIndex } from './hosts';
import { MESH_GATEWAY } from './virtualservice-gateways';
import { findingOf, MESSAGES, Report } from './messages';

const EXPORT_TO_ALL = '*';

/**
 * IST0109 ConflictingMeshGatewayVirtualServiceHosts: VirtualServices bound to the sidecars (no
 * gateways, or `mesh`) that claim the same host for the same namespaces. Sidecars do not merge
 * them, so which one wins is undefined. A host is claimed per scope: `*` when exported to every
 * namespace, else each namespace of `exportTo`. A host claimed for some namespaces conflicts with
 * the same host claimed for every namespace, and with any host exported to every namespace that
 * overlaps it (`*.example.com` covers `*.shop.example.com`).
 */
export function analyzeMeshGatewayHosts(context: AnalysisContext, report: Report): void {
  const byScopedHost = new Map<string, KubeObject[]>();
  const exportedToAll = new HostIndex<string>();
  for (const vs of context.index.ofKind('VirtualService')) {
    const gateways = arrayOf(vs.spec?.gateways);
    if (gateways.length > 0 && !gateways.includes(MESH_GATEWAY)) {
      continue;
    }
    const namespace = namespaceOf(vs);
    for (const scope of exportScopes(vs, namespace)) {
      for (const host of arrayOf(vs.spec?.hosts).map(String)) {
        const fqdn = toFqdn(namespace, host);
        const key = `${scope}/${fqdn}`;
        const list = byScopedHost.get(key);
        if (list) {
          list.push(vs);
        } else {
          byScopedHost.set(key, [vs]);
          if (scope === EXPORT_TO_ALL) {
            exportedToAll.add(fqdn, key);
          }
        }
      }
    }
  }
  // istioctl reports each VirtualService once, with the first conflict found; it walks a Go map,
  // in no set order, so here the first conflict is that of the first host in input order.
  const reported = new Set<KubeObject>();
  for (const [key, claimants] of byScopedHost) {
    const separator = key.indexOf('/');
    const conflicting = key.slice(0, separator) === EXPORT_TO_ALL
      ? claimants
      : [...claimants, ...[...new Set(exportedToAll.overlapping(key.slice(separator + 1)))].flatMap((k) => byScopedHost.get(k)!)];
    if (conflicting.length < 2) {
      continue;
    }
    // As istioctl does, a VirtualService that claims the host twice is listed twice.
    const names = conflicting.map(fullNameOf).sort().join(',');
    for (const vs of conflicting) {
      if (reported.has(vs)) {
        continue;
      }
      reported.add(vs);
      report(findingOf(MESSAGES.ConflictingMeshGatewayVirtualServiceHosts, vs,
        `The VirtualServices ${names} associated with mesh gateway define the same host ${key} which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.`));
    }
  }
}

function exportScopes(vs: KubeObject, namespace: string): string[] {
  const exportTo: string[] = arrayOf(vs.spec?.exportTo).map(String);
  if (exportTo.length === 0 || exportTo.includes(EXPORT_TO_ALL)) {
    return [EXPORT_TO_ALL];
  }
  return [...new Set(exportTo.map((e) => (e === '.' ? namespace : e)))];
}
