import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { Backend, GatewayDeployment, GatewayReplicas, GatewayServiceType, IngressGateway } from '../src';

/** Props of the step 2 chart. */
export interface DedicatedIngressGatewayChartProps {
  /**
   * How the gateway's workload is deployed.
   * @default GatewayDeployment.meshGateway()
   */
  readonly deployment?: GatewayDeployment;
}

/**
 * Walkthrough step 2: a dedicated ingress gateway on its own port, 8000, and a second service
 * exposed through it. The mesh's shared gateway is not touched.
 */
export class DedicatedIngressGatewayChart extends Chart {
  constructor(scope: Construct, id: string, props: DedicatedIngressGatewayChartProps = {}) {
    super(scope, id, { namespace: 'default', disableResourceNameHashes: true });

    const echo = new kplus.Service(this, 'echo', {
      metadata: { name: 'echo' },
      selector: kplus.Pods.select(this, 'echo-pods', { labels: { app: 'echo' } }),
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    });

    const gateway = new IngressGateway(this, 'echo-ingress', {
      deployment: props.deployment,
      ports: [{ name: 'http', port: 8000, targetPort: 8000 }],
      serviceType: GatewayServiceType.LOAD_BALANCER,
      replicas: GatewayReplicas.fixed(1),
    });

    gateway.expose('echo', {
      hosts: ['echo.example.com'],
      backend: Backend.fromService(echo),
    });
  }
}
