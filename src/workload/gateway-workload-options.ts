import * as kplus from 'cdk8s-plus-27';
import { GatewayDeployment } from './gateway-deployment';
import { GatewayPort } from './gateway-port';
import { GatewayDisruptionBudget, GatewayReplicas } from './gateway-replicas';
import { GatewayAffinity, GatewayToleration, GatewayTopologySpread } from './gateway-scheduling';

/** How the gateway's Service is exposed. */
export enum GatewayServiceType {
  /** Reachable inside the cluster only: the usual choice for egress. */
  CLUSTER_IP = 'ClusterIP',
  /** A port on every node. */
  NODE_PORT = 'NodePort',
  /** An external load balancer: the usual choice for ingress. */
  LOAD_BALANCER = 'LoadBalancer',
}

/** Where the gateway's Service sends traffic that arrives on a node from outside the cluster. */
export enum GatewayExternalTrafficPolicy {
  /** To any gateway pod; the client's IP is lost on the way. */
  CLUSTER = 'Cluster',
  /** To gateway pods on the same node only, which keeps the client's IP. */
  LOCAL = 'Local',
}

/**
 * The options of a gateway workload the library creates, whatever its kind. Each kind says them
 * in its own words; an option a kind cannot express is an error that names the kind and the
 * option.
 */
export interface GatewayWorkloadOptions {
  /**
   * How the workload is deployed: a Banzai Cloud MeshGateway, a Cisco IstioMeshGateway, or an
   * upstream Istio gateway by injection.
   * @default GatewayDeployment.meshGateway()
   */
  readonly deployment?: GatewayDeployment;

  /**
   * The workload's name, which also names its Service (and, for an injected gateway, its
   * Deployment, ServiceAccount, Role and the rest).
   * @default - the construct id
   */
  readonly name?: string;

  /**
   * The namespace of the workload and its Service.
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /**
   * The ports of the gateway's Service. A port's `targetPort` defaults as the kind's operator
   * or chart does.
   * @default - `http` on 80 for a MeshGateway; `http2` on 80 and `https` on 443 for the other
   * kinds, as Istio's gateways name them
   */
  readonly ports?: GatewayPort[];

  /**
   * How the gateway's Service is exposed.
   * @default - LoadBalancer for an ingress gateway, ClusterIP for an egress gateway
   */
  readonly serviceType?: GatewayServiceType;

  /**
   * How many gateway pods run.
   * @default - GatewayReplicas.fixed(1); GatewayReplicas.autoscale(1, 5) for an injected
   * gateway, as Istio's gateway chart
   */
  readonly replicas?: GatewayReplicas;

  /**
   * How many pods a voluntary disruption may take down: a PodDisruptionBudget for an injected
   * gateway, the operator's for an IstioMeshGateway. A MeshGateway cannot express it.
   * @default - no disruption budget
   */
  readonly disruptionBudget?: GatewayDisruptionBudget;

  /**
   * Extra labels for the gateway pods. The labels the workload is selected by are the kind's.
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

  /**
   * The CPU and memory of the gateway's proxy container.
   * @default - the kind's: the operator's defaults; for an injected gateway, Istio's gateway
   * chart's (requests 100m CPU and 128Mi, limits 2000m and 1024Mi)
   */
  readonly resources?: kplus.ContainerResources;

  /**
   * Node labels the gateway pods run on.
   * @default - any node
   */
  readonly nodeSelector?: { [key: string]: string };

  /**
   * The taints the gateway pods tolerate.
   * @default - none
   */
  readonly tolerations?: GatewayToleration[];

  /**
   * Node affinity and anti-affinity among the gateway's pods.
   * @default - none
   */
  readonly affinity?: GatewayAffinity;

  /**
   * Constraints that spread the gateway pods across zones or nodes. A MeshGateway cannot
   * express them: use `affinity.spreadAcross`.
   * @default - none
   */
  readonly topologySpread?: GatewayTopologySpread[];

  /**
   * The IP the cloud load balancer takes, for a LoadBalancer Service.
   * @default - one the cloud assigns
   */
  readonly loadBalancerIp?: string;

  /**
   * The class of load balancer implementation, for a LoadBalancer Service. Only an injected
   * gateway can express it.
   * @default - the cluster's default load balancer
   */
  readonly loadBalancerClass?: string;

  /**
   * Where traffic from outside the cluster is sent: GatewayExternalTrafficPolicy.LOCAL keeps the
   * client's IP. For a NodePort or LoadBalancer Service.
   * @default - Kubernetes' default, GatewayExternalTrafficPolicy.CLUSTER
   */
  readonly externalTrafficPolicy?: GatewayExternalTrafficPolicy;

  /**
   * Whether the gateway's proxy runs as root, which lets it listen on ports below 1024. Only a
   * MeshGateway or an IstioMeshGateway can: an injected gateway runs as non-root and listens on
   * low ports through the `net.ipv4.ip_unprivileged_port_start` sysctl, as Istio's chart does.
   * @default false
   */
  readonly runAsRoot?: boolean;
}
