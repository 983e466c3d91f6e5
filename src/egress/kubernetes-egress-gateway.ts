import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { GatewaySpecListeners } from '../../imports/gateway.networking.k8s.io';
import { createGatewayApiObject } from '../api-version';
import { ISTIO_GATEWAY_CLASS, istioDeployedWorkload } from '../private/istio-gateway-class';
import { validateGatewayName, validateNamespace } from '../private/names';
import { GatewayWorkloadBase } from '../workload/gateway-workload-base';
import { bindWorkloadHost } from '../workload/private/workload-bindings';
import type { EgressRouteOptions } from './egress-route';
import { GatewayApiEgressRoute } from './gateway-api-egress-route';
import { rejectPortReuse } from './private/gateway-port-use';

/** The annotation that sets the type of the Service Istio deploys for a Gateway. */
const SERVICE_TYPE_ANNOTATION = 'networking.istio.io/service-type';

/** Props of a `KubernetesEgressGateway`. */
export interface KubernetesEgressGatewayProps {
  /**
   * The Gateway's name. Istio names the Deployment and the Service it creates `<name>-istio`.
   * @default - the construct id
   */
  readonly gatewayName?: string;

  /**
   * The Gateway's namespace: Istio deploys its workload there.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
}

/** A listener, the host it carries and the route that added it. */
interface EgressListener {
  readonly listener: GatewaySpecListeners;
  readonly host: string;
  readonly owner: string;
}

/**
 * An egress gateway in the Kubernetes Gateway API: a Gateway of class `istio`, whose workload and
 * ClusterIP Service (`<name>-istio`) Istio deploys. The traffic API is chosen by the gateway:
 * `route()` takes the same options as an `EgressGateway`'s and emits Gateway API routes instead of
 * an Istio Gateway and VirtualService. The Gateway has a listener per routed host and port, in the
 * order the routes were made.
 */
export class KubernetesEgressGateway extends GatewayWorkloadBase {
  /** The Gateway (L1). */
  public readonly resource: ApiObject;

  /** The Gateway's name, which the routes on the gateway name in their `parentRefs`. */
  public readonly gatewayName: string;

  private readonly listeners: EgressListener[] = [];

  constructor(scope: Construct, id: string, props: KubernetesEgressGatewayProps = {}) {
    super(scope, id);
    this.gatewayName = validateGatewayName(this, 'gatewayName', props.gatewayName ?? id);
    const namespace = validateNamespace(this, 'namespace', props.namespace);
    this._describe(istioDeployedWorkload(this.gatewayName, namespace));
    this.resource = createGatewayApiObject(this, 'Resource', 'Gateway', {
      // Istio deploys a LoadBalancer Service by default: an egress gateway is reached from inside the cluster only.
      metadata: { name: this.gatewayName, namespace, annotations: { [SERVICE_TYPE_ANNOTATION]: 'ClusterIP' } },
      spec: {
        gatewayClassName: ISTIO_GATEWAY_CLASS,
        listeners: Lazy.any({ produce: () => this.listeners.map((l) => l.listener) }),
      },
    });
    this.node.addValidation({ validate: () => (this.listeners.length === 0 ? [`${this.node.path}: no listeners: route an external service through the gateway`] : []) });
  }

  /**
   * Sends the mesh's traffic for an external service through this gateway: adds a listener for
   * the host on the gateway port, a route attached to the external service's ServiceEntry that
   * sends the mesh's traffic to the gateway's Service, and a route on the listener that sends it
   * to the external host.
   *
   * @param id the construct id, and the name of the listener and (with suffixes) of the routes
   */
  public route(id: string, options: EgressRouteOptions): GatewayApiEgressRoute {
    return new GatewayApiEgressRoute(this, id, { ...options, egressGateway: this });
  }

  /**
   * Adds the listener of the route `owner`, which sends `host` through `listener.port`.
   *
   * @throws when another route serves the host on the port, when the port speaks another
   * protocol, or when it is a TCP port of another host
   * @internal
   */
  public _addListener(owner: Construct, host: string, listener: GatewaySpecListeners): void {
    const onPort = this.listeners.filter((l) => l.listener.port === listener.port);
    const existing = onPort.length === 0 ? undefined : { protocol: onPort[0].listener.protocol, hosts: onPort.map((l) => l.host), firstOwner: onPort[0].owner };
    rejectPortReuse(owner, this, listener.port, listener.protocol, host, existing);
    bindWorkloadHost(this, owner, 'host', host, listener.port);
    this.listeners.push({ listener, host, owner: owner.node.path });
  }
}
