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
  const gateways = context.index.ofKind('Gateway');
  const byWorkloadPort = new Map<string, HostIndex<string>>();
  for (const gateway of gateways) {
    const name = fullNameOf(gateway);
    for (const server of arrayOf(gateway.spec?.servers)) {
      const key = workloadPortKey(gateway, server);
      let hosts = byWorkloadPort.get(key);
      if (!hosts) {
        hosts = new HostIndex<string>();
        byWorkloadPort.set(key, hosts);
      }
      for (const host of arrayOf(server?.hosts)) {
        hosts.add(withoutNamespace(String(host)), name);
      }
    }
  }
  for (const gateway of gateways) {
    const name = fullNameOf(gateway);
    for (const server of arrayOf(gateway.spec?.servers)) {
      const hosts = byWorkloadPort.get(workloadPortKey(gateway, server))!;
      const conflicting = new Set<string>();
      for (const host of arrayOf(server?.hosts)) {
        for (const other of hosts.overlapping(withoutNamespace(String(host)))) {
          if (other !== name) {
            conflicting.add(other);
          }
        }
      }
      if (conflicting.size > 0) {
        report(findingOf(MESSAGES.ConflictingGateways, gateway,
          `Conflict with gateways ${[...conflicting].sort().join(',')} (workload selector ${selectorKey(gateway.spec?.selector)}, port ${server?.port?.number}, hosts ${arrayOf(server?.hosts).join(',')}).`));
      }
    }
  }
}

function workloadPortKey(gateway: KubeObject, server: any): string {
  return `${selectorKey(gateway.spec?.selector)}~${server?.port?.number}`;
}
