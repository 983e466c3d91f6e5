import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { EgressGateway, GatewayReplicas, GatewayServiceType, IExternalService, PortProtocol } from '../src';

/** Props of the step 4 chart. */
export interface EgressGatewayChartProps {
  /** The external service of step 3. */
  readonly httpbin: IExternalService;
}

/**
 * Walkthrough step 4: a dedicated egress gateway, and the mesh's traffic to httpbin.org sent
 * through it: sidecars -> egress gateway -> httpbin.org.
 */
export class EgressGatewayChart extends Chart {
  constructor(scope: Construct, id: string, props: EgressGatewayChartProps) {
    super(scope, id, { namespace: 'default', disableResourceNameHashes: true });

    const egress = new EgressGateway(this, 'egress', {
      ports: [{ name: 'http', port: 80, targetPort: 80, protocol: PortProtocol.TCP }],
      serviceType: GatewayServiceType.CLUSTER_IP,
      replicas: GatewayReplicas.fixed(1),
    });

    egress.route('httpbin-egress', { externalService: props.httpbin, port: 80 });
  }
}
