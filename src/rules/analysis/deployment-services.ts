import { KubeObject } from '../finding';
import { arrayOf, fullNameOf, MeshIndex, namespaceOf, podTemplateOf, ServiceInfo } from '../mesh-index';
import { appendTo } from '../multimap';
import { AnalysisContext } from './context';
import { isInMesh } from './in-mesh';
import { findingOf, list, MESSAGES, quote, Report } from './messages';

const GATEWAY_MANAGED_LABEL = 'gateway.istio.io/managed';
const WAYPOINT_CONTROLLER = 'istio.io-mesh-controller';

/**
 * IST0116 DeploymentAssociatedToMultipleServices: the Services that select a Deployment's pods
 * (in its namespace) use one port number with different protocols; and IST0137
 * DeploymentConflictingPorts: they send one `targetPort` (the port itself when not set) from
 * different ports. The sidecar can serve a pod port with one protocol only. Only Deployments
 * whose pods run a sidecar are read, and not the waypoints Istio makes; once per port.
 */
export function analyzeDeploymentServices(context: AnalysisContext, report: Report): void {
  for (const deployment of context.index.ofKind('Deployment')) {
    const template = podTemplateOf(deployment)!;
    const namespace = namespaceOf(deployment);
    if (deployment.metadata?.labels?.[GATEWAY_MANAGED_LABEL] === WAYPOINT_CONTROLLER || !isInMesh(template, namespace, context.index)) {
      continue;
    }
    const services = selectingServices(context.index, namespace, template.labels);
    reportProtocolConflicts(deployment, services, report);
    reportTargetPortConflicts(deployment, services, report);
  }
}

/** The Service objects of the input that select pods with `labels` in `namespace`; an empty selector selects none. */
function selectingServices(index: MeshIndex, namespace: string, labels: { readonly [key: string]: string }): KubeObject[] {
  return index.servicesOf({ namespace, labels })
    .map((service: ServiceInfo) => service.object)
    .filter((service): service is KubeObject => service !== undefined);
}

function reportProtocolConflicts(deployment: KubeObject, services: readonly KubeObject[], report: Report): void {
  const byPort = new Map<number, Map<string, string[]>>();
  for (const service of services) {
    for (const port of arrayOf(service.spec?.ports)) {
      const number = Number(port?.port);
      let byProtocol = byPort.get(number);
      if (byProtocol === undefined) {
        byProtocol = new Map();
        byPort.set(number, byProtocol);
      }
      appendTo(byProtocol, typeof port?.protocol === 'string' && port.protocol !== '' ? port.protocol : 'TCP', fullNameOf(service));
    }
  }
  for (const [port, byProtocol] of byPort) {
    if (byProtocol.size > 1) {
      report(findingOf(MESSAGES.DeploymentAssociatedToMultipleServices, deployment,
        `This deployment ${deployment.metadata?.name ?? ''} is associated with multiple services using port ${port} but different protocols: ${list([...byProtocol.values()].flat().sort())}`));
    }
  }
}

function reportTargetPortConflicts(deployment: KubeObject, services: readonly KubeObject[], report: Report): void {
  const byTargetPort = new Map<string, Map<number, string>>();
  for (const service of services) {
    for (const port of arrayOf(service.spec?.ports)) {
      const number = Number(port?.port);
      const targetPort = targetPortKey(port?.targetPort, number);
      let byPort = byTargetPort.get(targetPort);
      if (byPort === undefined) {
        byPort = new Map();
        byTargetPort.set(targetPort, byPort);
      }
      byPort.set(number, fullNameOf(service));
    }
  }
  for (const [targetPort, byPort] of byTargetPort) {
    if (byPort.size > 1) {
      report(findingOf(MESSAGES.DeploymentConflictingPorts, deployment,
        `This deployment ${deployment.metadata?.name ?? ''} is associated with multiple services ${list([...byPort.values()].sort())} using targetPort ${quote(targetPort)} but different ports: ${list([...byPort.keys()].sort((a, b) => a - b))}.`));
    }
  }
}

/** A `targetPort` as Kubernetes prints it, the port itself when it is not set (or 0). */
function targetPortKey(targetPort: unknown, port: number): string {
  const text = typeof targetPort === 'number' || typeof targetPort === 'string' ? String(targetPort) : '';
  return text === '' || text === '0' ? String(port) : text;
}
