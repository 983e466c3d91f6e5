import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Exposure, ExposeOptions } from './exposure';
import { existingWorkloadProps, ExistingGatewayProps } from '../workload/existing-workload';
import { GatewayWorkloadBase, IGatewayWorkload } from '../workload/gateway-workload-base';
import { createGatewayWorkload } from '../workload/gateway-deployment';
import { GatewayServiceType, GatewayWorkloadOptions } from '../workload/gateway-workload-options';
import { GatewayRole } from '../workload/private/workload-kind';

/** A gateway workload that services are exposed through. */
export interface IIngressGateway extends IGatewayWorkload {
  /**
   * Exposes a service through this gateway: creates a Gateway that selects this workload and a
   * VirtualService bound to it that routes the hosts to the backend.
   *
   * @param id the construct id, and the default name of the Gateway and the VirtualService
   */
  expose(id: string, options: ExposeOptions): Exposure;
}

/** Props of an `IngressGateway`. */
export interface IngressGatewayProps extends GatewayWorkloadOptions {}

abstract class IngressGatewayBase extends GatewayWorkloadBase implements IIngressGateway {
  public expose(id: string, options: ExposeOptions): Exposure {
    return new Exposure(this, id, { ...options, workload: this });
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
    this.describe({ ...workload, serviceName: workload.name });
    this.resource = workload.resource;
    this.name = workload.name;
  }
}

class ExistingIngressGateway extends IngressGatewayBase {
  constructor(scope: Construct, id: string, props: ExistingGatewayProps) {
    super(scope, id);
    this.describe(existingWorkloadProps(this, props));
  }
}
