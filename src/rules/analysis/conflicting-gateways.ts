import { arrayOf, fullNameOf, selectorKey } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, Report } from './messages';
import { relatedSelectors } from './related-selectors';

/** The Gateways that serve a host on one selector and port, with the address each binds it to. */
type ServersByHost = Map<string, Array<{ readonly gateway: string; readonly bind: string }>>;

/**
 * IST0145 ConflictingGateways: Gateways on the same gateway pods (the same selector, or
 * selectors istioctl relates: see `relatedSelectors`) that serve the same host, bound to the same
 * address, on the same port. Envoy keeps only one of the two servers.
 *
 * As istioctl does, hosts are compared as written (`*.example.com` and `a.example.com` are two
 * hosts: Envoy merges HTTP servers by host), and of the servers a Gateway has on one port only
 * the last is compared with other Gateways.
 */
export function analyzeConflictingGateways(context: AnalysisContext, report: Report): void {
  const gateways = context.index.istioGateways();
  const byWorkloadPort = new Map<string, ServersByHost>();
  for (const gateway of gateways) {
    const name = fullNameOf(gateway);
    const lastServerOnPort = new Map<number, any>();
    for (const server of arrayOf(gateway.spec?.servers)) {
      lastServerOnPort.set(portOf(server), server);
    }
    for (const [port, server] of lastServerOnPort) {
      const key = workloadPortKey(selectorKey(gateway.spec?.selector), port);
      let servers = byWorkloadPort.get(key);
      if (!servers) {
        servers = new Map();
        byWorkloadPort.set(key, servers);
      }
      for (const host of new Set(arrayOf(server?.hosts).map(String))) {
        const entry = { gateway: name, bind: bindOf(server) };
        const list = servers.get(host);
        if (list) {
          list.push(entry);
        } else {
          servers.set(host, [entry]);
        }
      }
    }
  }
  const related = relatedSelectors(context.index, gateways.map((g) => g.spec?.selector ?? {}));
  for (const gateway of gateways) {
    const name = fullNameOf(gateway);
    const selector = selectorKey(gateway.spec?.selector);
    for (const server of arrayOf(gateway.spec?.servers)) {
      const conflicting = conflictsOf(name, server, related.get(selector) ?? [selector], byWorkloadPort);
      if (conflicting.size > 0) {
        report(findingOf(MESSAGES.ConflictingGateways, gateway,
          `Conflict with gateways ${[...conflicting].sort().join(',')} (workload selector ${selector}, port ${portOf(server)}, hosts ${arrayOf(server?.hosts).join(',')}).`));
      }
    }
  }
}

function conflictsOf(name: string, server: any, selectors: readonly string[], byWorkloadPort: Map<string, ServersByHost>): Set<string> {
  const conflicting = new Set<string>();
  const bind = bindOf(server);
  for (const selector of selectors) {
    const servers = byWorkloadPort.get(workloadPortKey(selector, portOf(server)));
    if (!servers) {
      continue;
    }
    for (const host of arrayOf(server?.hosts).map(String)) {
      for (const other of servers.get(host) ?? []) {
        if (other.gateway !== name && other.bind === bind) {
          conflicting.add(other.gateway);
        }
      }
    }
  }
  return conflicting;
}

function workloadPortKey(selector: string, port: number): string {
  return `${selector}~${port}`;
}

/** The server's port number; istioctl reads a server without one as port 0. */
function portOf(server: any): number {
  return typeof server?.port?.number === 'number' ? server.port.number : 0;
}

function bindOf(server: any): string {
  return typeof server?.bind === 'string' ? server.bind : '';
}
