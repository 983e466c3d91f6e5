import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { EgressGateway, GatewayDeployment, GatewayReplicas, GatewayServiceType, IExternalService, PortProtocol } from '../src';

/** Props of the step 4 chart. */
export interface EgressGatewayChartProps {
  /** The external service of step 3. */
  readonly httpbin: IExternalService;

  /**
   * How the egress gateway's workload is deployed.
   * @default GatewayDeployment.meshGateway()
   */
  readonly deployment?: GatewayDeployment;
}

/**
 * Walkthrough step 4: a dedicated egress gateway, and the mesh's traffic to httpbin.org sent
 * through it: sidecars -> egress gateway -> httpbin.org.
 */
export class EgressGatewayChart extends Chart {
  constructor(scope: Construct, id: string, props: EgressGatewayChartProps) {
    super(scope, id, { namespace: 'default', disableResourceNameHashes: true });

    // The port forwards to the port the kind's workload listens on: 80 itself for a MeshGateway
    // and an injected gateway, 8080 for an IstioMeshGateway, which runs as non-root.
    const egress = new EgressGateway(this, 'egress', {
      deployment: props.deployment,
      ports: [{ name: 'http', port: 80, protocol: PortProtocol.TCP }],
      serviceType: GatewayServiceType.CLUSTER_IP,
      replicas: GatewayReplicas.fixed(1),
    });

    egress.route('httpbin-egress', { externalService: props.httpbin, port: 80 });
  }
}
