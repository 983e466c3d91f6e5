import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { createGatewayApiObject } from '../api-version';
import { ISTIO_GATEWAY_CLASS, istioDeployedWorkload } from '../private/istio-gateway-class';
import { validateGatewayName, validateNamespace } from '../private/names';
import { GatewayWorkloadBase, IGatewayWorkload } from '../workload/gateway-workload-base';
import { ExposeOptions } from './exposure';
import { GatewayApiExposure } from './gateway-api-exposure';

/**
 * A Kubernetes Gateway API Gateway that services are exposed through: the traffic API is chosen
 * by the gateway, and `expose` takes the same options as an `IngressGateway`'s.
 */
export interface IKubernetesGateway extends IGatewayWorkload {
  /** The Gateway's name, which routes name in their `parentRefs`. */
  readonly gatewayName: string;

  /**
   * Whether this construct emits the Gateway and so its listeners (true), or refers to a Gateway
   * owned elsewhere, whose listeners routes attach to by port (false).
   */
  readonly ownsListeners: boolean;

  /**
   * Exposes a service through this Gateway: adds a listener per host (when it owns the Gateway),
   * and an HTTPRoute, GRPCRoute, TLSRoute or TCPRoute attached to them that routes the hosts to
   * the backend.
   *
   * @param id the construct id, and the name of the route and the listeners
   */
  expose(id: string, options: ExposeOptions): GatewayApiExposure;
}

/** Props of a `KubernetesGateway`. */
export interface KubernetesGatewayProps {
  /**
   * The Gateway's name. Istio names the Deployment and the Service it creates `<name>-istio`.
   * @default - the construct id
   */
  readonly gatewayName?: string;

  /**
   * The Gateway's namespace: Istio deploys its workload there and reads certificate Secrets from it.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
}

/** Props of a Gateway API Gateway owned elsewhere. */
export interface ExistingKubernetesGatewayProps {
  /** The Gateway's name. */
  readonly gatewayName: string;

  /**
   * The Gateway's namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
}

abstract class KubernetesGatewayBase extends GatewayWorkloadBase implements IKubernetesGateway {
  public abstract readonly gatewayName: string;
  public abstract readonly ownsListeners: boolean;

  public expose(id: string, options: ExposeOptions): GatewayApiExposure {
    return new GatewayApiExposure(this, id, { ...options, gateway: this });
  }

  /** Describes the workload Istio deploys for the Gateway `name`. */
  /** @internal */
  protected _describeGateway(name: string, namespace: string | undefined): void {
    this._describe(istioDeployedWorkload(name, namespace));
  }
}

/**
 * A Gateway API Gateway of class `istio`: Istio deploys its Envoy workload and a Service named
 * `<name>-istio` in the Gateway's namespace. Its listeners are those of the exposures made through
 * it, in the order they were made.
 */
export class KubernetesGateway extends KubernetesGatewayBase {
  /**
   * A Gateway API Gateway that exists already (installed with the mesh, owned by another team).
   * Routes attach to its listeners by port; its listeners, and their TLS settings, are its owner's.
   */
  public static fromName(scope: Construct, id: string, props: ExistingKubernetesGatewayProps): IKubernetesGateway {
    return new ExistingKubernetesGateway(scope, id, props);
  }

  /** The Gateway (L1). */
  public readonly resource: ApiObject;
  public readonly gatewayName: string;
  public readonly ownsListeners = true;

  constructor(scope: Construct, id: string, props: KubernetesGatewayProps = {}) {
    super(scope, id);
    this.gatewayName = validateGatewayName(this, 'gatewayName', props.gatewayName ?? id);
    const namespace = validateNamespace(this, 'namespace', props.namespace);
    this._describeGateway(this.gatewayName, namespace);
    this.resource = createGatewayApiObject(this, 'Resource', 'Gateway', {
      metadata: { name: this.gatewayName, namespace },
      spec: {
        gatewayClassName: ISTIO_GATEWAY_CLASS,
        listeners: Lazy.any({ produce: () => this.exposures().flatMap((e) => e._listeners) }),
      },
    });
    this.node.addValidation({ validate: () => (this.exposures().length === 0 ? [`${this.node.path}: no listeners: expose a service through the Gateway`] : []) });
  }

  private exposures(): GatewayApiExposure[] {
    return this.node.findAll().filter((c): c is GatewayApiExposure => c instanceof GatewayApiExposure);
  }
}

class ExistingKubernetesGateway extends KubernetesGatewayBase {
  public readonly gatewayName: string;
  public readonly ownsListeners = false;

  constructor(scope: Construct, id: string, props: ExistingKubernetesGatewayProps) {
    super(scope, id);
    this.gatewayName = validateGatewayName(this, 'gatewayName', props.gatewayName);
    this._describeGateway(this.gatewayName, validateNamespace(this, 'namespace', props.namespace));
  }
}
