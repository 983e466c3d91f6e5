import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { invalidInput } from '../private/errors';
import { validateGatewayName } from '../private/names';
import { EGRESS_HOSTS_GATEWAY_ID, EgressHostsGateway } from './private/egress-hosts-gateway';
import { EgressRoute, EgressRouteOptions } from './egress-route';
import { existingWorkloadProps, ExistingGatewayProps } from '../workload/existing-workload';
import { GatewayWorkloadBase, GatewayWorkloadBaseProps, IGatewayWorkload } from '../workload/gateway-workload-base';
import { createGatewayWorkload } from '../workload/gateway-deployment';
import { GatewayServiceType, GatewayWorkloadOptions } from '../workload/gateway-workload-options';
import { GatewayRole } from '../workload/private/workload-kind';

/**
 * A gateway workload that the mesh's traffic to external services leaves through. It owns one
 * Gateway, which accepts exactly the hosts routed through it.
 */
export interface IEgressGateway extends IGatewayWorkload {
  /** The name of the egress Gateway, which VirtualServices bind their routes to. */
  readonly gatewayName: string;

  /**
   * The egress Gateway (L1).
   * @default - none until a route accepts a host: a Gateway without servers is invalid
   */
  readonly gateway?: ApiObject;

  /**
   * Whether the sidecars reach this gateway over the mesh's mutual TLS (`ISTIO_MUTUAL`), which
   * proves the calling workload's identity to the gateway.
   */
  readonly meshMutualTls: boolean;

  /**
   * Sends the mesh's traffic for an external service through this gateway. The route is a child
   * of this gateway, in its chart and namespace: for a gateway that another chart owns (a
   * platform's shared gateway), make the route in the team's chart with
   * `new EgressRoute(teamChart, id, { egressGateway, ... })`.
   *
   * @param id the construct id, and the default name of the VirtualService
   */
  route(id: string, options: EgressRouteOptions): EgressRoute;
}

/** Props of an `EgressGateway`. */
export interface EgressGatewayProps extends GatewayWorkloadOptions {
  /**
   * The name of the egress Gateway.
   * @default - the workload's name
   */
  readonly gatewayName?: string;

  /**
   * Carries the mesh hop, from the sidecars to this gateway, in the mesh's mutual TLS
   * (`ISTIO_MUTUAL`): each routed host gets a server on the gateway port (443 unless a route
   * names another) that terminates it, and the sidecars reach it through a subset of the
   * DestinationRule `<gatewayName>-mtls` that sends the host as SNI. The gateway then knows
   * which workload called, which allow-lists (`allowFrom` of a route) need. Give the workload
   * the port, such as `{ name: 'https', port: 443 }`.
   * @default false: the mesh hop is sent as the route's mode carries it, in plain text for HTTP
   */
  readonly meshMutualTls?: boolean;
}

/** Props of an egress gateway workload that exists already. */
export interface ExistingEgressGatewayProps extends ExistingGatewayProps {
  /**
   * The name of the egress Gateway this chart creates for the workload.
   * @default - the construct id
   */
  readonly gatewayName?: string;

  /**
   * Carries the mesh hop, from the sidecars to this gateway, in the mesh's mutual TLS
   * (`ISTIO_MUTUAL`): each routed host gets a server on the gateway port (443 unless a route
   * names another) that terminates it, and the sidecars reach it through a subset of the
   * DestinationRule `<gatewayName>-mtls` that sends the host as SNI. The gateway then knows
   * which workload called, which allow-lists (`allowFrom` of a route) need. Give the workload
   * the port, such as `{ name: 'https', port: 443 }`.
   * @default false: the mesh hop is sent as the route's mode carries it, in plain text for HTTP
   */
  readonly meshMutualTls?: boolean;
}

abstract class EgressGatewayBase extends GatewayWorkloadBase implements IEgressGateway {
  private hostsGateway?: EgressHostsGateway;
  private mutualTls = false;

  public get meshMutualTls(): boolean {
    return this.mutualTls;
  }

  public get gatewayName(): string {
    return this.egressGateway.name;
  }

  /** The egress Gateway (L1), once a route was added. */
  public get gateway(): ApiObject | undefined {
    return this.egressGateway.resource;
  }

  public route(id: string, options: EgressRouteOptions): EgressRoute {
    if (this.node.tryFindChild(id) !== undefined) {
      // Two teams' route('api') on a shared gateway meet here.
      throw invalidInput(this, 'id', id, `the gateway has a child ${id} already; a route made with route() is a child of the gateway, in its chart: make a team's route in the team's chart with new EgressRoute(teamChart, id, { egressGateway, ... })`);
    }
    return new EgressRoute(this, id, { ...options, egressGateway: this });
  }

  /**
   * Describes the workload to the shared code and names the egress Gateway.
   *
   * @internal
   */
  protected _describeEgress(props: GatewayWorkloadBaseProps, gatewayName: string, meshMutualTls: boolean): void {
    this._describe(props);
    this.mutualTls = meshMutualTls;
    this.hostsGateway = new EgressHostsGateway(this, EGRESS_HOSTS_GATEWAY_ID, validateGatewayName(this, 'gatewayName', gatewayName), props.namespace, meshMutualTls);
  }

  private get egressGateway(): EgressHostsGateway {
    if (!this.hostsGateway) {
      throw new Error(`${this.node.path}: egress gateway used before its constructor described it`);
    }
    return this.hostsGateway;
  }
}

/**
 * A dedicated egress gateway, whose workload is deployed as `deployment` chooses: by default a
 * MeshGateway of type `egress`, which the Banzai Cloud istio-operator turns into an Envoy
 * Deployment and a ClusterIP Service, with pods labelled `gateway-name: <name>` and
 * `gateway-type: egress`. Routes added with `route()` share its one Gateway.
 */
export class EgressGateway extends EgressGatewayBase {
  /**
   * An egress gateway workload that exists already, such as the mesh's default
   * `istio: egressgateway`. Creates no workload; routes through it create its Gateway. Give
   * `serviceName` and `namespace`: the mesh's traffic is sent to the workload's Service.
   */
  public static fromSelector(scope: Construct, id: string, props: ExistingEgressGatewayProps): IEgressGateway {
    return new ExistingEgressGateway(scope, id, props);
  }

  /**
   * The workload's main object (L1): the MeshGateway, the IstioMeshGateway, or the Deployment of
   * an injected gateway.
   */
  public readonly resource: ApiObject;

  /** The workload's name, which is also the name of its Service. */
  public readonly name: string;

  constructor(scope: Construct, id: string, props: EgressGatewayProps = {}) {
    super(scope, id);
    const workload = createGatewayWorkload(this, { role: GatewayRole.EGRESS, defaultServiceType: GatewayServiceType.CLUSTER_IP, options: props });
    this._describeEgress({ ...workload, serviceName: workload.name }, props.gatewayName ?? workload.name, props.meshMutualTls ?? false);
    this.resource = workload.resource;
    this.name = workload.name;
  }
}

class ExistingEgressGateway extends EgressGatewayBase {
  constructor(scope: Construct, id: string, props: ExistingEgressGatewayProps) {
    super(scope, id);
    this._describeEgress(existingWorkloadProps(this, props), props.gatewayName ?? id, props.meshMutualTls ?? false);
  }
}
