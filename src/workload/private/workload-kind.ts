import { ApiObject } from 'cdk8s';
import { GatewayServiceType, GatewayWorkloadOptions } from '../gateway-workload-options';
import { ResolvedGatewayPort } from '../gateway-port';

/** Whether a gateway receives traffic into the mesh or sends it out. */
export enum GatewayRole {
  /** Receives traffic from outside the mesh. */
  INGRESS = 'ingress',
  /** Sends the mesh's traffic out. */
  EGRESS = 'egress',
}

/** What an `IngressGateway` or `EgressGateway` asks of the kind that creates its workload. */
export interface WorkloadRequest {
  readonly role: GatewayRole;
  /** The Service type when the options give none. */
  readonly defaultServiceType: GatewayServiceType;
  readonly options: GatewayWorkloadOptions;
}

/** What a kind gives the gateway it created: how the workload is selected, reached and named. */
export interface CreatedWorkload {
  /** The workload's main object: the MeshGateway, the IstioMeshGateway or the Deployment. */
  readonly resource: ApiObject;
  /** The workload's name, which its Service also has. */
  readonly name: string;
  readonly namespace?: string;
  /** The labels of its pods that Gateways select it by. */
  readonly selectorLabels: { [key: string]: string };
  /** The ports of its Service, each with the targetPort the kind resolved. */
  readonly ports: ResolvedGatewayPort[];
}
