import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { IstioAnalysis } from '../analysis/istio-analysis';
import { invalidInput, rejectIf } from '../private/errors';
import { validateNamespace, validateObjectName } from '../private/names';
import { ipSubnetProblem } from '../rules/webhook/net';
import { IGatewayWorkload } from '../workload/gateway-workload-base';
import { PortProtocol } from '../workload/gateway-port';

/** Pods that locked-down workloads may reach, on some ports. */
export interface LockdownPeer {
  /** The namespace of the pods. */
  readonly namespace: string;

  /** The labels the pods carry. */
  readonly labels: { [key: string]: string };

  /**
   * The ports the pods listen on (container ports: a NetworkPolicy sees traffic to a Service
   * after it was sent to a pod).
   */
  readonly ports: kplus.NetworkPolicyPort[];
}

/** Props of an `EgressLockdown`. */
export interface EgressLockdownProps {
  /** The egress gateway whose pods alone may reach the outside. Its namespace and ports must be known. */
  readonly egressGateway: IGatewayWorkload;

  /**
   * The namespaces whose workloads may leave the cluster only through the egress gateway. Each
   * gets a NetworkPolicy that selects all of its pods. The gateway's own namespace cannot be one.
   */
  readonly namespaces: string[];

  /**
   * The cluster's DNS servers.
   * @default - kube-system pods labelled `k8s-app: kube-dns` (CoreDNS and kube-dns both carry it), UDP and TCP 53
   */
  readonly dns?: LockdownPeer;

  /**
   * Istio's control plane, which sidecars fetch their configuration and certificates from.
   * @default - istio-system pods labelled `app: istiod`, TCP 15012 (XDS and CA over TLS)
   */
  readonly controlPlane?: LockdownPeer;

  /**
   * Namespaces whose pods the locked-down workloads may reach directly (their sidecars connect to
   * pod addresses).
   * @default - the locked-down namespaces themselves
   */
  readonly inClusterNamespaces?: string[];

  /**
   * Further in-cluster address blocks they may reach, such as the Kubernetes API server's or the
   * nodes' (`10.0.0.0/8`).
   * @default - none
   */
  readonly inClusterCidrs?: string[];

  /**
   * The name of each namespace's NetworkPolicy.
   * @default - the construct id
   */
  readonly name?: string;
}

const DEFAULT_DNS_PORT = 53;
const DEFAULT_XDS_PORT = 15012;

/**
 * NetworkPolicies that make the egress gateway the only way out: workloads of the named
 * namespaces may open connections only to the egress gateway's pods, the cluster's DNS, Istio's
 * control plane and in-cluster addresses, so that a pod that skips its sidecar (or has none)
 * cannot reach the internet directly, as Istio's security guidance recommends. The egress
 * gateway's pods are not restricted.
 *
 * It needs a network plugin that enforces NetworkPolicy (Calico, Cilium, ...); without one the
 * policies are stored and ignored.
 */
export class EgressLockdown extends Construct {
  /** The NetworkPolicy of each locked-down namespace, in the order of `namespaces`. */
  public readonly policies: kplus.NetworkPolicy[];

  constructor(scope: Construct, id: string, props: EgressLockdownProps) {
    super(scope, id);
    IstioAnalysis.enable(this);
    const gateway = props.egressGateway;
    const gatewayNamespace = gateway.namespace;
    if (gatewayNamespace === undefined) {
      throw invalidInput(this, 'egressGateway', gateway.node.path, 'the egress gateway\'s namespace must be known: set it on the gateway');
    }
    if (gateway.ports.length === 0) {
      throw invalidInput(this, 'egressGateway', gateway.node.path, 'the egress gateway\'s ports must be known: give them to the gateway');
    }
    if (props.namespaces.length === 0) {
      throw invalidInput(this, 'namespaces', props.namespaces, 'name at least one namespace to lock down');
    }
    const namespaces = props.namespaces.map((ns, i) => validateNamespace(this, `namespaces[${i}]`, ns) as string);
    const duplicate = namespaces.find((ns, i) => namespaces.indexOf(ns) !== i);
    if (duplicate !== undefined) {
      throw invalidInput(this, 'namespaces', props.namespaces, `${duplicate} is named twice`);
    }
    const gatewayIndex = namespaces.indexOf(gatewayNamespace);
    if (gatewayIndex >= 0) {
      throw invalidInput(this, `namespaces[${gatewayIndex}]`, gatewayNamespace, 'the egress gateway runs there and must reach the outside: lock down the namespaces of the workloads instead');
    }
    const inClusterNamespaces = (props.inClusterNamespaces ?? namespaces).map((ns, i) => validateNamespace(this, `inClusterNamespaces[${i}]`, ns) as string);
    const inClusterCidrs = props.inClusterCidrs ?? [];
    inClusterCidrs.forEach((cidr, i) => rejectIf(this, `inClusterCidrs[${i}]`, cidr, ipSubnetProblem(cidr)));
    const name = validateObjectName(this, 'name', props.name ?? id);

    const gatewayPeer: LockdownPeer = {
      namespace: gatewayNamespace,
      labels: gateway.selectorLabels,
      ports: gateway.ports.map((p) => kplus.NetworkPolicyPort.of({ port: p.targetPort, protocol: p.protocol === PortProtocol.UDP ? kplus.NetworkProtocol.UDP : kplus.NetworkProtocol.TCP })),
    };
    const dns = props.dns ?? {
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns' },
      ports: [kplus.NetworkPolicyPort.udp(DEFAULT_DNS_PORT), kplus.NetworkPolicyPort.tcp(DEFAULT_DNS_PORT)],
    };
    const controlPlane = props.controlPlane ?? { namespace: 'istio-system', labels: { app: 'istiod' }, ports: [kplus.NetworkPolicyPort.tcp(DEFAULT_XDS_PORT)] };
    this.policies = namespaces.map((namespace) => {
      const policyScope = new Construct(this, namespace);
      const rules: kplus.NetworkPolicyRule[] = [
        peerRule(policyScope, 'EgressGateway', gatewayPeer),
        peerRule(policyScope, 'Dns', dns),
        peerRule(policyScope, 'ControlPlane', controlPlane),
        { peer: kplus.Pods.select(policyScope, 'InClusterPods', { namespaces: kplus.Namespaces.select(policyScope, 'InClusterNamespaces', { names: inClusterNamespaces }) }) },
        ...inClusterCidrs.map((cidr, i) => ({ peer: cidr.includes(':') ? kplus.NetworkPolicyIpBlock.ipv6(policyScope, `Cidr${i}`, cidr) : kplus.NetworkPolicyIpBlock.ipv4(policyScope, `Cidr${i}`, cidr) })),
      ];
      return new kplus.NetworkPolicy(policyScope, 'Resource', {
        metadata: { name, namespace },
        selector: kplus.Pods.all(policyScope, 'AllPods'),
        egress: { default: kplus.NetworkPolicyTrafficDefault.DENY, rules },
      });
    });
  }
}

function peerRule(scope: Construct, id: string, peer: LockdownPeer): kplus.NetworkPolicyRule {
  const namespaces = kplus.Namespaces.select(scope, `${id}Namespace`, { names: [peer.namespace] });
  return { peer: kplus.Pods.select(scope, id, { labels: peer.labels, namespaces }), ports: peer.ports };
}
