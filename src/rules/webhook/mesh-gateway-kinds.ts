/**
 * Rules shared by MeshGateway and IstioMeshGateway, whose operators turn them into a Service, a
 * Deployment and an autoscaler: what those would reject is rejected here. What the CRDs' schemas
 * require (the gateway and Service types, the replica counts, that ports are given) the schema
 * layer has checked before these rules run.
 */
import { isDns1035Label } from './kubernetes-names';
import { isDnsLabel } from './names';
import { portProblem } from './net';
import { forEachItem } from './items';
import { Report } from './report';
import { isSet, listAt, numberAt, stringAt } from './values';

const SERVICE_PROTOCOLS = new Set(['TCP', 'UDP', 'SCTP']);
const IANA_SERVICE_NAME = /^(?=.*[a-z])[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_SERVICE_NAME = 63;
const MAX_PORT_NAME = 15;

/** Reports a gateway name that cannot name the Service the operator creates after it. */
export function checkServiceName(report: Report, name: string): void {
  if (!isDns1035Label(name)) {
    report.error('metadata.name', `"${name}" cannot name the gateway's Service: use lowercase letters, digits and "-", starting with a letter, at most ${MAX_SERVICE_NAME} characters`);
  }
}

/**
 * Why a Service of `serviceType` cannot take a load balancer's IP or class: Kubernetes accepts
 * them on a LoadBalancer Service only.
 */
export function loadBalancerFieldProblem(serviceType: string): string | undefined {
  return serviceType === 'LoadBalancer' ? undefined : `a ${serviceType} Service has no load balancer: use the LoadBalancer type`;
}

/**
 * Why a Service of `serviceType` cannot take an external traffic policy: Kubernetes accepts one
 * on Services reachable from outside the cluster only, NodePort and LoadBalancer.
 */
export function externalTrafficPolicyProblem(serviceType: string): string | undefined {
  return serviceType === 'NodePort' || serviceType === 'LoadBalancer' ? undefined : `a ${serviceType} Service takes no traffic from outside the cluster: use NodePort or LoadBalancer`;
}

/**
 * Reports the load balancer's IP and the external traffic policy of the gateway's Service where
 * its type cannot take them.
 */
export function checkServiceTraffic(report: Report, serviceType: string, loadBalancerIp: { path: string; value: unknown }, trafficPolicy: { path: string; value: unknown }): void {
  if (isSet(loadBalancerIp.value)) {
    report.errorIf(loadBalancerIp.path, loadBalancerFieldProblem(serviceType));
  }
  if (isSet(trafficPolicy.value)) {
    report.errorIf(trafficPolicy.path, externalTrafficPolicyProblem(serviceType));
  }
}

/** Why a replica range is one no autoscaler can honour: its minimum above its maximum. */
export function replicaRangeProblem(min: number, max: number): string | undefined {
  return min > max ? `the minimum number of replicas (${min}) is greater than the maximum (${max})` : undefined;
}

/** Reports a minimum above its maximum, which the operator's autoscaler cannot honour. */
export function checkReplicaRange(report: Report, minPath: string, min: unknown, max: unknown): void {
  if (typeof min === 'number' && typeof max === 'number') {
    report.errorIf(minPath, replicaRangeProblem(min, max));
  }
}

/**
 * Reports the ports of the gateway's Service that Kubernetes would reject: port numbers, names
 * (required and unique when there are several), protocols, target ports, and node ports on a
 * Service that is not a NodePort or LoadBalancer.
 */
export function checkServicePorts(report: Report, path: string, value: unknown, serviceType: string): void {
  const ports = listAt(value);
  const names = new Set<string>();
  const numbers = new Set<string>();
  forEachItem(report, path, ports, 'a port', (port, where) => {
    report.errorIf(`${where}.port`, portProblem(port.port));
    const protocol = stringAt(port.protocol) || 'TCP';
    if (!SERVICE_PROTOCOLS.has(protocol)) {
      report.error(`${where}.protocol`, `"${protocol}" is not a Service protocol: use TCP, UDP or SCTP`);
    }
    const key = `${port.port}/${protocol}`;
    if (numbers.has(key)) {
      report.error(`${where}.port`, `port ${port.port}/${protocol} is defined more than once`);
    }
    numbers.add(key);
    const name = stringAt(port.name);
    if (name === '' && ports.length > 1) {
      report.error(`${where}.name`, 'each port needs a name when the Service has several ports');
    } else if (name !== '' && (name.length > MAX_SERVICE_NAME || !isDnsLabel(name) || name !== name.toLowerCase())) {
      report.error(`${where}.name`, `invalid port name "${name}": use lowercase letters, digits and "-"`);
    }
    if (name !== '' && names.has(name)) {
      report.error(`${where}.name`, `port name "${name}" is used more than once`);
    }
    names.add(name);
    checkTargetPort(report, `${where}.targetPort`, port.targetPort);
    if (numberAt(port.nodePort) !== 0) {
      if (serviceType === 'ClusterIP') {
        report.error(`${where}.nodePort`, 'a nodePort cannot be set on a ClusterIP Service: use NodePort or LoadBalancer');
      } else {
        report.errorIf(`${where}.nodePort`, portProblem(port.nodePort));
      }
    }
  });
}

function checkTargetPort(report: Report, path: string, target: unknown): void {
  if (!isSet(target)) {
    return;
  }
  if (typeof target === 'number') {
    report.errorIf(path, portProblem(target));
  } else if (typeof target !== 'string' || target.length > MAX_PORT_NAME || !IANA_SERVICE_NAME.test(target) || target.includes('--')) {
    report.error(path, `invalid targetPort ${JSON.stringify(target)}: use a port number or a container port name of at most ${MAX_PORT_NAME} characters`);
  }
}
