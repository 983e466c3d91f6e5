import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { MeshGateway, MeshGatewaySpecPortsTargetPort, MeshGatewaySpecServiceType, MeshGatewaySpecType } from '../../imports/istio.banzaicloud.io';
import { invalidInput } from '../private/errors';
import { rejectRuleErrors } from '../private/release-target';
import { checkMeshGateway } from '../rules/webhook/mesh-gateway';
import { validateNamespace, validateServiceName } from '../private/names';
import { GatewayPort, ResolvedGatewayPort, resolveGatewayPorts } from './gateway-port';

/** How the gateway's Service is exposed. */
export enum GatewayServiceType {
  /** Reachable inside the cluster only: the usual choice for egress. */
  CLUSTER_IP = 'ClusterIP',
  /** A port on every node. */
  NODE_PORT = 'NodePort',
  /** An external load balancer: the usual choice for ingress. */
  LOAD_BALANCER = 'LoadBalancer',
}

/** How many gateway pods run. */
export class GatewayReplicas {
  /** Exactly `count` pods. */
  public static fixed(count: number): GatewayReplicas {
    return new GatewayReplicas(count, count);
  }

  /** Between `min` and `max` pods, scaled by the operator's autoscaler. */
  public static autoscale(min: number, max: number): GatewayReplicas {
    return new GatewayReplicas(min, max);
  }

  private constructor(
    /** The fewest pods. */
    public readonly min: number,
    /** The most pods. */
    public readonly max: number,
  ) {}
}

/** The options of a gateway workload that the library creates as a MeshGateway. */
export interface MeshGatewayOptions {
  /**
   * The MeshGateway's name, which the operator also gives the gateway's Service and Deployment
   * and puts on its pods as the `gateway-name` label.
   * @default - the construct id
   */
  readonly name?: string;

  /**
   * The namespace of the MeshGateway and of the workload the operator creates.
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /**
   * The ports of the gateway's Service.
   * @default - one port, `http` on 80
   */
  readonly ports?: GatewayPort[];

  /**
   * How the gateway's Service is exposed.
   * @default - LoadBalancer for an ingress gateway, ClusterIP for an egress gateway
   */
  readonly serviceType?: GatewayServiceType;

  /**
   * How many gateway pods run.
   * @default GatewayReplicas.fixed(1)
   */
  readonly replicas?: GatewayReplicas;

  /**
   * Extra labels for the gateway pods. `gateway-name` and `gateway-type` are the operator's.
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * Annotations for the gateway pods.
   * @default - none
   */
  readonly podAnnotations?: { [key: string]: string };

  /**
   * Annotations for the gateway's Service, for example a cloud load balancer's settings.
   * @default - none
   */
  readonly serviceAnnotations?: { [key: string]: string };
}

/** Whether a MeshGateway receives traffic into the mesh or sends it out. */
export enum MeshGatewayType {
  /** Receives traffic from outside the mesh. */
  INGRESS = 'ingress',
  /** Sends the mesh's traffic out. */
  EGRESS = 'egress',
}

/** The labels the operator puts on a MeshGateway's pods. */
const GATEWAY_NAME_LABEL = 'gateway-name';
const GATEWAY_TYPE_LABEL = 'gateway-type';
const RESERVED_LABELS = [GATEWAY_NAME_LABEL, GATEWAY_TYPE_LABEL];
const DEFAULT_PORTS: GatewayPort[] = [{ name: 'http', port: 80 }];
const SERVICE_TYPES: Record<GatewayServiceType, MeshGatewaySpecServiceType> = {
  [GatewayServiceType.CLUSTER_IP]: MeshGatewaySpecServiceType.CLUSTER_IP,
  [GatewayServiceType.NODE_PORT]: MeshGatewaySpecServiceType.NODE_PORT,
  [GatewayServiceType.LOAD_BALANCER]: MeshGatewaySpecServiceType.LOAD_BALANCER,
};

/** A MeshGateway with its options resolved, ready to describe the workload it becomes. */
export interface MeshGatewayWorkload {
  readonly resource: ApiObject;
  readonly name: string;
  readonly namespace?: string;
  readonly ports: ResolvedGatewayPort[];
  readonly selectorLabels: { [key: string]: string };
}

/**
 * Creates the MeshGateway of a gateway workload under `scope`, with the id `Resource`.
 */
export function createMeshGateway(scope: Construct, type: MeshGatewayType, defaultServiceType: GatewayServiceType, options: MeshGatewayOptions): MeshGatewayWorkload {
  const name = validateServiceName(scope, 'name', options.name ?? scope.node.id);
  const namespace = validateNamespace(scope, 'namespace', options.namespace);
  const ports = resolveGatewayPorts(scope, 'ports', options.ports ?? DEFAULT_PORTS);
  if (ports.length === 0) {
    throw invalidInput(scope, 'ports', [], 'expected at least one port');
  }
  const replicas = options.replicas ?? GatewayReplicas.fixed(1);
  for (const label of RESERVED_LABELS) {
    if (options.labels?.[label] !== undefined) {
      throw invalidInput(scope, `labels["${label}"]`, options.labels[label], `the operator sets ${label} itself: leave it out`);
    }
  }
  const selectorLabels = { [GATEWAY_NAME_LABEL]: name, [GATEWAY_TYPE_LABEL]: type };
  const spec = {
    type: type === MeshGatewayType.INGRESS ? MeshGatewaySpecType.INGRESS : MeshGatewaySpecType.EGRESS,
    serviceType: SERVICE_TYPES[options.serviceType ?? defaultServiceType],
    minReplicas: replicas.min,
    maxReplicas: replicas.max,
    labels: options.labels,
    podAnnotations: options.podAnnotations,
    serviceAnnotations: options.serviceAnnotations,
    ports: ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort, protocol: p.protocol })),
  };
  rejectRuleErrors(scope, { apiVersion: MeshGateway.GVK.apiVersion, kind: MeshGateway.GVK.kind, metadata: { name, namespace }, spec }, checkMeshGateway, meshGatewayProp);
  const resource = new MeshGateway(scope, 'Resource', {
    metadata: { name, namespace },
    spec: { ...spec, ports: spec.ports.map((p) => ({ ...p, targetPort: MeshGatewaySpecPortsTargetPort.fromNumber(p.targetPort) })) },
  });
  return { resource, name, namespace: resource.metadata.namespace, ports, selectorLabels };
}

/** The option that sets a field of the MeshGateway, for errors. */
function meshGatewayProp(path: string): string {
  return path.replace(/^spec\.minReplicas$/, 'replicas.min').replace(/^spec\.maxReplicas$/, 'replicas.max').replace(/^metadata\./, '').replace(/^spec\./, '');
}
