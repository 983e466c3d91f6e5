import { KubeObject } from '../finding';
import { arrayOf, MeshIndex, selectorKey, Workload } from '../mesh-index';
import { findingOf, MESSAGES, quote, Report } from './messages';
import { AnalysisContext } from './context';

/**
 * What a Gateway needs of the workload it selects: some pods match its selector (IST0101), the
 * Services of those pods expose each server port, as a Service port or as the targetPort one
 * forwards to (IST0162), and each `credentialName` Secret is in the workload's namespace
 * (IST0101), where the gateway reads it.
 */
export function analyzeGatewayWorkloads(context: AnalysisContext, report: Report): void {
  const index = context.index;
  // Many Gateways share one workload: gather its Service ports once per selector.
  const tcpPortsBySelector = new Map<string, Set<number>>();
  for (const gateway of index.istioGateways()) {
    const selector = gateway.spec?.selector ?? {};
    const workloads = index.selectWorkloads(selector);
    if (workloads.length === 0) {
      report(findingOf(MESSAGES.ReferencedResourceNotFound, gateway, `Referenced selector not found: ${quote(selectorKey(selector))}`));
      continue;
    }
    const key = selectorKey(selector);
    let tcpPorts = tcpPortsBySelector.get(key);
    if (!tcpPorts) {
      tcpPorts = servicePorts(index, workloads);
      tcpPortsBySelector.set(key, tcpPorts);
    }
    // A workload declared without ports says nothing of the Services the input does define.
    if (workloads.some((w) => !w.servicesUnknown)) {
      checkServerPorts(gateway, tcpPorts, report);
    }
    checkCredentials(context, gateway, workloads[0].namespace, report);
  }
}

/**
 * The TCP ports of the Services that select any of `workloads`, and the targetPorts they forward
 * to: a server listens on the pods' port, which istioctl accepts as well as the Service port.
 */
function servicePorts(index: MeshIndex, workloads: Workload[]): Set<number> {
  const tcpPorts = new Set<number>();
  for (const workload of workloads) {
    for (const service of index.servicesOf(workload)) {
      for (const port of service.ports) {
        if (port.protocol === 'TCP') {
          tcpPorts.add(port.number);
          if (port.targetPort !== undefined && port.targetPort !== 0) {
            tcpPorts.add(port.targetPort);
          }
        }
      }
    }
  }
  return tcpPorts;
}

function checkServerPorts(gateway: KubeObject, tcpPorts: Set<number>, report: Report): void {
  for (const server of arrayOf(gateway.spec?.servers)) {
    const number = server?.port?.number;
    if (typeof number === 'number' && !tcpPorts.has(number)) {
      report(findingOf(MESSAGES.GatewayPortNotDefinedOnService, gateway,
        `The gateway is listening on a target port (port ${number}) that is not defined in the Service associated with its workload instances (Pod selector ${selectorKey(gateway.spec?.selector)}). If you need to access the gateway port through the gateway Service, it will not be available.`));
    }
  }
}

/**
 * Each credential Secret must be in the input, in the workload's namespace. When Secrets are
 * assumed to exist elsewhere, one is still reported when the input defines a Secret of that name
 * in another namespace only: the gateway cannot read it there, and it is the one that was meant.
 */
function checkCredentials(context: AnalysisContext, gateway: KubeObject, workloadNamespace: string, report: Report): void {
  const index = context.index;
  for (const server of arrayOf(gateway.spec?.servers)) {
    const credentialName = server?.tls?.credentialName;
    if (typeof credentialName !== 'string' || credentialName === '') {
      continue;
    }
    const namespaced = credentialName.includes('/');
    const fullName = namespaced ? credentialName : `${workloadNamespace}/${credentialName}`;
    if (index.hasSecret(fullName)) {
      continue;
    }
    if (!context.assumeHostsAndSecretsExist || (!namespaced && index.hasSecretNamed(credentialName))) {
      report(findingOf(MESSAGES.ReferencedResourceNotFound, gateway, `Referenced credentialName not found: ${quote(credentialName)}`));
    } else {
      context.assumed.secrets.add(fullName);
    }
  }
}
