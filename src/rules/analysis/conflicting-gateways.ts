import { KubeObject } from '../finding';
import { arrayOf, fullNameOf, selectorKey } from '../mesh-index';
import { AnalysisContext } from './context';
import { HostIndex, withoutNamespace } from './hosts';
import { findingOf, MESSAGES, Report } from './messages';

/**
 * IST0145 ConflictingGateways: two Gateways with the same selector serve overlapping hosts on
 * the same port. Envoy keeps only one of the two servers.
 */
export function analyzeConflictingGateways(context: AnalysisContext, report: Report): void {
  const servers: Array<{ gateway: KubeObject; name: string; server: any; hosts: HostIndex<string> }> = [];
  const byWorkloadPort = new Map<string, HostIndex<string>>();
  for (const gateway of context.index.ofKind('Gateway')) {
    const name = fullNameOf(gateway);
    const selector = selectorKey(gateway.spec?.selector);
    for (const server of arrayOf(gateway.spec?.servers)) {
      const key = `${selector}~${server?.port?.number}`;
      let hosts = byWorkloadPort.get(key);
      if (!hosts) {
        hosts = new HostIndex<string>();
        byWorkloadPort.set(key, hosts);
      }
      for (const host of arrayOf(server?.hosts)) {
        hosts.add(withoutNamespace(String(host)), name);
      }
      servers.push({ gateway, name, server, hosts });
    }
  }
  for (const { gateway, name, server, hosts } of servers) {
    let conflicting: Set<string> | undefined;
    for (const host of arrayOf(server?.hosts)) {
      for (const other of hosts.overlapping(withoutNamespace(String(host)))) {
        if (other !== name) {
          conflicting = conflicting ?? new Set<string>();
          conflicting.add(other);
        }
      }
    }
    if (conflicting) {
      report(findingOf(MESSAGES.ConflictingGateways, gateway,
        `Conflict with gateways ${[...conflicting].sort().join(',')} (workload selector ${selectorKey(gateway.spec?.selector)}, port ${server?.port?.number}, hosts ${arrayOf(server?.hosts).join(',')}).`));
    }
  }
}
