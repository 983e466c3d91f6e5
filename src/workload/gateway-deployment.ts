import { Construct } from 'constructs';
import { createInjectedGateway } from './private/injected-gateway';
import { createIstioMeshGateway } from './private/istio-mesh-gateway';
import { createMeshGateway } from './private/mesh-gateway';
import { CreatedWorkload, WorkloadRequest } from './private/workload-kind';

/** The Cisco IstioControlPlane an IstioMeshGateway belongs to. */
export interface IstioControlPlaneReference {
  /** The IstioControlPlane's name, such as `cp-v117x`. */
  readonly name: string;

  /**
   * The IstioControlPlane's namespace.
   * @default "istio-system"
   */
  readonly namespace?: string;
}

/** Options of a gateway created as a Cisco IstioMeshGateway. */
export interface IstioMeshGatewayDeploymentOptions {
  /** The control plane the operator attaches the gateway to. */
  readonly controlPlane: IstioControlPlaneReference;
}

/** Options of an upstream Istio gateway deployed by injection. */
export interface InjectedGatewayDeploymentOptions {
  /**
   * The control plane revision whose injector fills in the proxy (the `istio.io/rev` label).
   * @default - the default revision
   */
  readonly revision?: string;
}

/**
 * How a gateway's workload is deployed. Every kind gives the Gateway its selector, the Service
 * host and the ports; they differ in the objects they emit.
 */
export abstract class GatewayDeployment {
  /**
   * A Banzai Cloud MeshGateway (istio.banzaicloud.io/v1beta1), which the istio-operator turns
   * into a Deployment, a Service and an autoscaler, with pods labelled `gateway-name: <name>`
   * and `gateway-type: ingress|egress`.
   */
  public static meshGateway(): GatewayDeployment {
    return new MeshGatewayDeployment();
  }

  /**
   * A Cisco IstioMeshGateway (servicemesh.cisco.com/v1alpha1), which Cisco's istio-operator
   * turns into a Deployment, a Service, an autoscaler and a disruption budget, with pods labelled
   * `gateway-name: <name>` and `gateway-type: ingress|egress`.
   */
  public static istioMeshGateway(options: IstioMeshGatewayDeploymentOptions): GatewayDeployment {
    return new IstioMeshGatewayDeployment(options);
  }

  /**
   * An upstream Istio gateway deployed by injection, as Istio's `gateway` Helm chart lays it
   * out: a Deployment whose `istio-proxy` container the injector fills in from its `gateway`
   * template, a Service, a ServiceAccount with a Role to read the gateway's TLS Secrets, a
   * HorizontalPodAutoscaler and, when asked for, a PodDisruptionBudget. Its pods are labelled
   * `app: <name>` and `istio: <name without an istio- prefix>`.
   */
  public static injected(options: InjectedGatewayDeploymentOptions = {}): GatewayDeployment {
    return new InjectedGatewayDeployment(options);
  }

  /** The kind's name, as errors name it: `MeshGateway`, `IstioMeshGateway` or `injected gateway`. */
  public abstract readonly kind: string;

  /**
   * Creates the workload under `scope`.
   * @internal
   */
  public abstract _create(scope: Construct, request: WorkloadRequest): CreatedWorkload;
}

class MeshGatewayDeployment extends GatewayDeployment {
  public readonly kind = 'MeshGateway';

  public _create(scope: Construct, request: WorkloadRequest): CreatedWorkload {
    return createMeshGateway(scope, request);
  }
}

class IstioMeshGatewayDeployment extends GatewayDeployment {
  public readonly kind = 'IstioMeshGateway';

  constructor(private readonly options: IstioMeshGatewayDeploymentOptions) {
    super();
  }

  public _create(scope: Construct, request: WorkloadRequest): CreatedWorkload {
    return createIstioMeshGateway(scope, request, this.options);
  }
}

class InjectedGatewayDeployment extends GatewayDeployment {
  public readonly kind = 'injected gateway';

  constructor(private readonly options: InjectedGatewayDeploymentOptions) {
    super();
  }

  public _create(scope: Construct, request: WorkloadRequest): CreatedWorkload {
    return createInjectedGateway(scope, request, this.options);
  }
}

/** Creates the workload of a gateway under `scope`, as the kind its options choose. */
export function createGatewayWorkload(scope: Construct, request: WorkloadRequest): CreatedWorkload {
  return (request.options.deployment ?? GatewayDeployment.meshGateway())._create(scope, request);
}
