import { KubeObject } from '../finding';
import { ownedHostsByNamespace } from '../host-ownership';
import { apiGroupOf, arrayOf, namespaceOf } from '../mesh-index';
import { isHostSubsetOf } from '../webhook/names';
import { AnalysisContext } from './context';
import { HostIndex, withoutNamespace } from './hosts';
import { findingOf, list, MESSAGES, quote, Report } from './messages';
import { MESH_GATEWAY } from './virtualservice-gateways';

const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute'];

/** A host an object claims for its namespace, and how. */
interface Claim {
  readonly obj: KubeObject;
  readonly host: string;
  /** What the object does with the host, for the message. */
  readonly use: 'exposes' | 'sends egress to';
}

/**
 * CIG0401 HostNotOwned: under a host ownership policy, a namespace may expose (through an Istio
 * Gateway server, a VirtualService bound to a gateway, a Gateway API listener or route) and send
 * egress to (a MESH_EXTERNAL ServiceEntry, a VirtualService of the sidecars for its host) only
 * hosts it owns. A claimed host is owned when an owned host covers it; a claimed wildcard needs an
 * owned wildcard that covers it. Namespaces the policy does not name are not policed.
 */
export function analyzeHostOwnership(context: AnalysisContext, report: Report): void {
  const owned = ownedHostsByNamespace(context.hostOwnership);
  if (owned.size === 0) {
    return;
  }
  for (const claim of claims(context)) {
    const hosts = owned.get(namespaceOf(claim.obj));
    if (hosts !== undefined && !hosts.some((h) => isHostSubsetOf(claim.host, h))) {
      report(findingOf(MESSAGES.HostNotOwned, claim.obj,
        `Namespace ${quote(namespaceOf(claim.obj))} ${claim.use} host ${quote(claim.host)}, which it does not own: it owns ${list(hosts)}.`));
    }
  }
}

/** Every host claimed, each once per object, in input order. */
function claims(context: AnalysisContext): Claim[] {
  const index = context.index;
  const found: Claim[] = [];
  const claim = (obj: KubeObject, hosts: readonly string[], use: Claim['use']) => {
    for (const host of new Set(hosts)) {
      found.push({ obj, host, use });
    }
  };
  const external = new HostIndex<true>();
  const serviceEntries = index.ofKind('ServiceEntry').filter((se) => apiGroupOf(se) === 'networking.istio.io' && se.spec?.location !== 'MESH_INTERNAL');
  for (const se of serviceEntries) {
    const hosts = stringsOf(se.spec?.hosts);
    hosts.forEach((host) => external.add(host, true));
    claim(se, hosts, 'sends egress to');
  }
  for (const gateway of index.ofKind('Gateway')) {
    if (apiGroupOf(gateway) === 'networking.istio.io') {
      claim(gateway, arrayOf(gateway.spec?.servers).flatMap((server) => stringsOf(server?.hosts)).map(withoutNamespace), 'exposes');
    } else if (apiGroupOf(gateway) === GATEWAY_API_GROUP) {
      claim(gateway, arrayOf(gateway.spec?.listeners).map((listener) => listener?.hostname).filter(isString), 'exposes');
    }
  }
  for (const vs of index.ofKind('VirtualService')) {
    const gateways = stringsOf(vs.spec?.gateways);
    const hosts = stringsOf(vs.spec?.hosts);
    if (gateways.some((g) => g !== MESH_GATEWAY)) {
      claim(vs, hosts, 'exposes');
    } else {
      claim(vs, hosts.filter((host) => external.overlapping(host).length > 0), 'sends egress to');
    }
  }
  for (const kind of ROUTE_KINDS) {
    for (const route of index.ofKind(kind).filter((r) => apiGroupOf(r) === GATEWAY_API_GROUP)) {
      claim(route, stringsOf(route.spec?.hostnames), 'exposes');
    }
  }
  return found;
}

function stringsOf(value: unknown): string[] {
  return arrayOf(value).filter(isString);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
