import { KubeObject } from '../finding';
import { arrayOf, namespaceOf, toFqdn } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, quote, Report } from './messages';

/** The Gateway servers on one port of a gateway's Service, and whether they terminate the mesh's mutual TLS. */
interface GatewayPort {
  readonly gateway: KubeObject;
  readonly mutual: boolean;
}

/**
 * A mesh hop to a gateway must speak what the gateway's server on that port expects: a server
 * with `ISTIO_MUTUAL` takes only the mesh's mutual TLS with the server's host as SNI, which the
 * sidecars send only where a DestinationRule tells them to (auto mTLS sends another SNI), and a
 * server without it cannot read a hop the sidecars wrap in `ISTIO_MUTUAL`. Each destination of a
 * VirtualService bound to `mesh` that names a gateway Service's port is checked against the
 * DestinationRule for the Service (its subset's settings for the port first): a mismatch either
 * way is reported (CIG0302), on the VirtualService. A port whose servers disagree is left alone.
 */
export function analyzeEgressMeshHops(context: AnalysisContext, report: Report): void {
  const ports = gatewayPorts(context);
  if (ports.size === 0) {
    return;
  }
  for (const vs of context.index.ofKind('VirtualService')) {
    const gateways: string[] = arrayOf(vs.spec?.gateways);
    if (gateways.length > 0 && !gateways.includes('mesh')) {
      continue;
    }
    const namespace = namespaceOf(vs);
    for (const kind of ['http', 'tls', 'tcp']) {
      for (const route of arrayOf(vs.spec?.[kind])) {
        for (const destination of arrayOf(route?.route).map((r) => r?.destination)) {
          checkHop(context, vs, namespace, destination, ports, report);
        }
      }
    }
  }
}

function checkHop(context: AnalysisContext, vs: KubeObject, namespace: string, destination: any, ports: Map<string, GatewayPort>, report: Report): void {
  const port = destination?.port?.number;
  if (typeof destination?.host !== 'string' || typeof port !== 'number') {
    return;
  }
  const host = toFqdn(namespace, destination.host);
  const server = ports.get(`${host}|${port}`);
  if (server === undefined) {
    return;
  }
  const subset = typeof destination.subset === 'string' ? destination.subset : undefined;
  const mode = hopTlsMode(context, host, port, subset);
  const gateway = `${namespaceOf(server.gateway)}/${server.gateway.metadata?.name ?? ''}`;
  const hop = `The mesh hop to ${quote(host)} port ${port}${subset === undefined ? '' : ` (subset ${quote(subset)})`}`;
  if (server.mutual && mode !== 'ISTIO_MUTUAL') {
    report(findingOf(MESSAGES.MeshHopTlsMismatch, vs, `${hop} is sent ${mode === undefined ? 'without TLS settings' : `with TLS mode ${mode}`}, but the server of Gateway ${gateway} on that port expects ISTIO_MUTUAL.`));
  } else if (!server.mutual && mode === 'ISTIO_MUTUAL') {
    report(findingOf(MESSAGES.MeshHopTlsMismatch, vs, `${hop} is sent in ISTIO_MUTUAL, but the server of Gateway ${gateway} on that port does not terminate the mesh's mutual TLS.`));
  }
}

/** The servers of every Istio Gateway by `<Service host>|<port>` of the Services in front of its pods. */
function gatewayPorts(context: AnalysisContext): Map<string, GatewayPort> {
  const ports = new Map<string, GatewayPort>();
  const disagreeing = new Set<string>();
  for (const gateway of context.index.istioGateways()) {
    const selector = gateway.spec?.selector;
    if (!selector || typeof selector !== 'object' || Object.keys(selector).length === 0) {
      continue;
    }
    const services = context.index.selectWorkloads(selector).flatMap((w) => context.index.servicesOf(w));
    for (const server of arrayOf(gateway.spec?.servers)) {
      const number = server?.port?.number;
      if (typeof number !== 'number') {
        continue;
      }
      const mutual = server?.tls?.mode === 'ISTIO_MUTUAL';
      for (const service of services) {
        const key = `${service.name}.${service.namespace}.svc.cluster.local|${number}`;
        const existing = ports.get(key);
        if (existing !== undefined && existing.mutual !== mutual) {
          disagreeing.add(key);
        }
        ports.set(key, existing ?? { gateway, mutual });
      }
    }
  }
  disagreeing.forEach((key) => ports.delete(key));
  return ports;
}

/**
 * The TLS mode the sidecars use for `host` port `port`: from the DestinationRule for the host,
 * the subset's port-level settings first, then its own, then the rule's port-level and its own.
 * The rule is the input's first for the host: sidecars in different namespaces may pick different
 * ones, which this check does not tell apart.
 */
function hopTlsMode(context: AnalysisContext, host: string, port: number, subset: string | undefined): string | undefined {
  const rule = context.index.ofKind('DestinationRule').find((dr) => typeof dr.spec?.host === 'string' && toFqdn(namespaceOf(dr), dr.spec.host) === host);
  if (rule === undefined) {
    return undefined;
  }
  const subsetPolicy = subset === undefined ? undefined : arrayOf(rule.spec?.subsets).find((s) => s?.name === subset)?.trafficPolicy;
  for (const policy of [subsetPolicy, rule.spec?.trafficPolicy]) {
    const portLevel = arrayOf(policy?.portLevelSettings).find((p) => p?.port?.number === port)?.tls?.mode;
    const mode = portLevel ?? policy?.tls?.mode;
    if (typeof mode === 'string') {
      return mode;
    }
  }
  return undefined;
}
