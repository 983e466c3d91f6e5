import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { IstioMeshGateway } from '../../../imports/servicemesh.cisco.com';
import { invalidInput } from '../../private/errors';
import { validateNamespace, validateServiceName } from '../../private/names';
import { rejectRuleErrors } from '../../private/release-target';
import { checkIstioMeshGateway } from '../../rules/webhook/istio-mesh-gateway';
import { IstioMeshGatewayDeploymentOptions } from '../gateway-deployment';
import { GatewayPort, resolveGatewayPorts } from '../gateway-port';
import { GatewayReplicas } from '../gateway-replicas';
import { CreatedWorkload, WorkloadRequest } from './workload-kind';
import { renderAffinity, renderResources, renderTolerations, renderTopologySpread, validateDisruptionBudget } from './pod-settings';
import { rejectReservedLabels, rejectUnsupportedOptions } from './unsupported-options';

const KIND = 'IstioMeshGateway';
/** The labels Cisco's operator puts on an IstioMeshGateway's pods. */
const GATEWAY_NAME_LABEL = 'gateway-name';
const GATEWAY_TYPE_LABEL = 'gateway-type';
const DEFAULT_CONTROL_PLANE_NAMESPACE = 'istio-system';
const DEFAULT_PORTS: GatewayPort[] = [{ name: 'http2', port: 80 }, { name: 'https', port: 443 }];
/** The first port a process that is not root may listen on, without the unprivileged-port sysctl. */
const FIRST_UNPRIVILEGED_PORT = 1024;
/** How far an unprivileged gateway moves a low port: 80 to 8080, 443 to 8443, as Istio's own gateways. */
const UNPRIVILEGED_PORT_OFFSET = 8000;
const UNSUPPORTED = [
  { option: 'loadBalancerClass', instead: 'the operator\'s Service has no load balancer class; use GatewayDeployment.injected()' },
] as const;

/**
 * Creates the Cisco IstioMeshGateway of a gateway workload under `scope`, with the id
 * `Resource`. The operator runs the proxy as non-root unless `runAsRoot`, so a port below 1024
 * forwards to the port 8000 above it unless its targetPort is given.
 */
export function createIstioMeshGateway(scope: Construct, request: WorkloadRequest, kindOptions: IstioMeshGatewayDeploymentOptions): CreatedWorkload {
  const options = request.options;
  rejectUnsupportedOptions(scope, KIND, options, UNSUPPORTED);
  const name = validateServiceName(scope, 'name', options.name ?? scope.node.id);
  const namespace = validateNamespace(scope, 'namespace', options.namespace);
  const runAsRoot = options.runAsRoot ?? false;
  const ports = resolveGatewayPorts(scope, 'ports', (options.ports ?? DEFAULT_PORTS).map((p) => ({
    ...p,
    targetPort: p.targetPort ?? (runAsRoot || p.port >= FIRST_UNPRIVILEGED_PORT ? p.port : p.port + UNPRIVILEGED_PORT_OFFSET),
  })));
  if (ports.length === 0) {
    throw invalidInput(scope, 'ports', [], 'expected at least one port');
  }
  const controlPlaneName = kindOptions.controlPlane.name;
  if (controlPlaneName.trim() === '') {
    throw invalidInput(scope, 'deployment.controlPlane.name', controlPlaneName, 'expected the name of the IstioControlPlane the operator attaches the gateway to');
  }
  const controlPlaneNamespace = validateNamespace(scope, 'deployment.controlPlane.namespace', kindOptions.controlPlane.namespace) ?? DEFAULT_CONTROL_PLANE_NAMESPACE;
  rejectReservedLabels(scope, KIND, options.labels, [GATEWAY_NAME_LABEL, GATEWAY_TYPE_LABEL]);
  const replicas = options.replicas ?? GatewayReplicas.fixed(1);
  const budget = validateDisruptionBudget(scope, options.disruptionBudget);
  const selectorLabels = { [GATEWAY_NAME_LABEL]: name, [GATEWAY_TYPE_LABEL]: request.role };
  const obj = {
    apiVersion: IstioMeshGateway.GVK.apiVersion,
    kind: IstioMeshGateway.GVK.kind,
    metadata: { name, namespace },
    spec: {
      type: request.role,
      istioControlPlane: { name: controlPlaneName, namespace: controlPlaneNamespace },
      runAsRoot: options.runAsRoot,
      deployment: {
        podMetadata: options.labels === undefined && options.podAnnotations === undefined ? undefined : { labels: options.labels, annotations: options.podAnnotations },
        replicas: replicas.autoscaled ? { min: replicas.min, max: replicas.max } : { count: replicas.min, min: replicas.min, max: replicas.max },
        resources: renderResources(options.resources),
        nodeSelector: options.nodeSelector,
        tolerations: renderTolerations(scope, options.tolerations),
        affinity: renderAffinity(scope, options.affinity, selectorLabels),
        topologySpreadConstraints: renderTopologySpread(scope, options.topologySpread, selectorLabels),
        podDisruptionBudget: budget === undefined ? undefined : { minAvailable: budget.minAvailableCount, maxUnavailable: budget.maxUnavailableCount },
      },
      service: {
        type: options.serviceType ?? request.defaultServiceType,
        metadata: options.serviceAnnotations === undefined ? undefined : { annotations: options.serviceAnnotations },
        loadBalancerIP: options.loadBalancerIp,
        externalTrafficPolicy: options.externalTrafficPolicy,
        ports: ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort, protocol: p.protocol })),
      },
    },
  };
  rejectRuleErrors(scope, obj, checkIstioMeshGateway, istioMeshGatewayProp);
  const resource = new ApiObject(scope, 'Resource', obj);
  return { resource, name, namespace: resource.metadata.namespace, ports, selectorLabels };
}

const PROPS: { [field: string]: string } = {
  'spec.deployment.replicas.min': 'replicas.min',
  'spec.deployment.replicas.max': 'replicas.max',
  'spec.service.loadBalancerIP': 'loadBalancerIp',
  'spec.service.externalTrafficPolicy': 'externalTrafficPolicy',
  'spec.service.type': 'serviceType',
};

/** The option that sets a field of the IstioMeshGateway, for errors. */
function istioMeshGatewayProp(path: string): string {
  return PROPS[path] ?? path.replace(/^metadata\./, '').replace(/^spec\.(service|deployment)\./, '').replace(/^spec\./, '');
}
