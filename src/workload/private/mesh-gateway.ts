import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { MeshGateway } from '../../../imports/istio.banzaicloud.io';
import { invalidInput } from '../../private/errors';
import { validateNamespace, validateServiceName } from '../../private/names';
import { rejectRuleErrors } from '../../private/release-target';
import { checkMeshGateway } from '../../rules/webhook/mesh-gateway';
import { GatewayPort, resolveGatewayPorts } from '../gateway-port';
import { GatewayReplicas } from '../gateway-replicas';
import { GatewayRole, CreatedWorkload, WorkloadRequest } from './workload-kind';
import { renderAffinity, renderResources, renderTolerations } from './pod-settings';
import { rejectReservedLabels, rejectUnsupportedOptions } from './unsupported-options';

const KIND = 'MeshGateway';
/** The labels the operator puts on a MeshGateway's pods. */
const GATEWAY_NAME_LABEL = 'gateway-name';
const GATEWAY_TYPE_LABEL = 'gateway-type';
const DEFAULT_PORTS: GatewayPort[] = [{ name: 'http', port: 80 }];
const UNSUPPORTED = [
  { option: 'topologySpread', instead: 'use affinity.spreadAcross, or GatewayDeployment.istioMeshGateway() or .injected()' },
  { option: 'disruptionBudget', instead: 'use GatewayDeployment.istioMeshGateway() or .injected()' },
  { option: 'loadBalancerClass', instead: 'use GatewayDeployment.injected()' },
] as const;

/**
 * Creates the Banzai Cloud MeshGateway of a gateway workload under `scope`, with the id
 * `Resource`. The operator names the gateway's Service and Deployment after it and labels its
 * pods `gateway-name` and `gateway-type`; a port's targetPort is the port unless given, as the
 * operator reads it.
 */
export function createMeshGateway(scope: Construct, request: WorkloadRequest): CreatedWorkload {
  const options = request.options;
  rejectUnsupportedOptions(scope, KIND, options, UNSUPPORTED);
  const name = validateServiceName(scope, 'name', options.name ?? scope.node.id);
  const namespace = validateNamespace(scope, 'namespace', options.namespace);
  const ports = resolveGatewayPorts(scope, 'ports', options.ports ?? DEFAULT_PORTS);
  if (ports.length === 0) {
    throw invalidInput(scope, 'ports', [], 'expected at least one port');
  }
  rejectReservedLabels(scope, KIND, options.labels, [GATEWAY_NAME_LABEL, GATEWAY_TYPE_LABEL]);
  const replicas = options.replicas ?? GatewayReplicas.fixed(1);
  const selectorLabels = { [GATEWAY_NAME_LABEL]: name, [GATEWAY_TYPE_LABEL]: request.role };
  const obj = {
    apiVersion: MeshGateway.GVK.apiVersion,
    kind: MeshGateway.GVK.kind,
    metadata: { name, namespace },
    spec: {
      type: request.role === GatewayRole.INGRESS ? 'ingress' : 'egress',
      serviceType: options.serviceType ?? request.defaultServiceType,
      minReplicas: replicas.min,
      maxReplicas: replicas.max,
      labels: options.labels,
      podAnnotations: options.podAnnotations,
      serviceAnnotations: options.serviceAnnotations,
      loadBalancerIP: options.loadBalancerIp,
      serviceExternalTrafficPolicy: options.externalTrafficPolicy,
      runAsRoot: options.runAsRoot,
      resources: renderResources(options.resources),
      nodeSelector: options.nodeSelector,
      tolerations: renderTolerations(scope, options.tolerations),
      affinity: renderAffinity(scope, options.affinity, selectorLabels),
      ports: ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort, protocol: p.protocol })),
    },
  };
  rejectRuleErrors(scope, obj, checkMeshGateway, meshGatewayProp);
  const resource = new ApiObject(scope, 'Resource', obj);
  return { resource, name, namespace: resource.metadata.namespace, ports, selectorLabels };
}

const PROPS: { [field: string]: string } = {
  'spec.minReplicas': 'replicas.min',
  'spec.maxReplicas': 'replicas.max',
  'spec.loadBalancerIP': 'loadBalancerIp',
  'spec.serviceExternalTrafficPolicy': 'externalTrafficPolicy',
};

/** The option that sets a field of the MeshGateway, for errors. */
function meshGatewayProp(path: string): string {
  return PROPS[path] ?? path.replace(/^metadata\./, '').replace(/^spec\./, '');
}
