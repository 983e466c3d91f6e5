import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Exposure, ExposeOptions } from './exposure';
import { invalidInput } from '../private/errors';
import { existingWorkloadProps, ExistingGatewayProps } from '../workload/existing-workload';
import { GatewayWorkloadBase, IGatewayWorkload } from '../workload/gateway-workload-base';
import { createGatewayWorkload } from '../workload/gateway-deployment';
import { GatewayServiceType, GatewayWorkloadOptions } from '../workload/gateway-workload-options';
import { GatewayRole } from '../workload/private/workload-kind';

/** A gateway workload that services are exposed through. */
export interface IIngressGateway extends IGatewayWorkload {
  /**
   * Exposes a service through this gateway: creates a Gateway that selects this workload and a
   * VirtualService bound to it that routes the hosts to the backend. The exposure is a child of
   * this gateway, in its chart and namespace: for a gateway that another chart owns (a platform's
   * shared gateway), make the exposure in the team's chart with
   * `new Exposure(teamChart, id, { ingressGateway, ... })`.
   *
   * @param id the construct id, and the default name of the Gateway and the VirtualService
   */
  expose(id: string, options: ExposeOptions): Exposure;
}

/** Props of an `IngressGateway`. */
export interface IngressGatewayProps extends GatewayWorkloadOptions {}

abstract class IngressGatewayBase extends GatewayWorkloadBase implements IIngressGateway {
  public expose(id: string, options: ExposeOptions): Exposure {
    if (this.node.tryFindChild(id) !== undefined) {
      // Two teams' expose('web') on a shared gateway meet here.
      throw invalidInput(this, 'id', id, `the gateway has a child ${id} already; an exposure made with expose() is a child of the gateway, in its chart: make a team's exposure in the team's chart with new Exposure(teamChart, id, { ingressGateway, ... })`);
    }
    return new Exposure(this, id, { ...options, ingressGateway: this });
  }
}

/**
 * A dedicated ingress gateway, whose workload is deployed as `deployment` chooses: by default a
 * MeshGateway of type `ingress`, which the Banzai Cloud istio-operator turns into an Envoy
 * Deployment and a Service, with pods labelled `gateway-name: <name>` and `gateway-type: ingress`.
 */
export class IngressGateway extends IngressGatewayBase {
  /**
   * An ingress gateway workload that exists already, such as the mesh's default
   * `istio: ingressgateway`. Creates no workload; services can be exposed through it.
   */
  public static fromSelector(scope: Construct, id: string, props: ExistingGatewayProps): IIngressGateway {
    return new ExistingIngressGateway(scope, id, props);
  }

  /**
   * The workload's main object (L1): the MeshGateway, the IstioMeshGateway, or the Deployment of
   * an injected gateway.
   */
  public readonly resource: ApiObject;

  /** The workload's name, which is also the name of its Service. */
  public readonly name: string;

  constructor(scope: Construct, id: string, props: IngressGatewayProps = {}) {
    super(scope, id);
    const workload = createGatewayWorkload(this, { role: GatewayRole.INGRESS, defaultServiceType: GatewayServiceType.LOAD_BALANCER, options: props });
    this._describe({ ...workload, serviceName: workload.name });
    this.resource = workload.resource;
    this.name = workload.name;
  }
}

class ExistingIngressGateway extends IngressGatewayBase {
  constructor(scope: Construct, id: string, props: ExistingGatewayProps) {
    super(scope, id);
    this._describe(existingWorkloadProps(this, props));
  }
}
