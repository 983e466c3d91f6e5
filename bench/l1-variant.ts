import { Chart } from 'cdk8s';
import { MeshGateway, MeshGatewaySpecPortsTargetPort, MeshGatewaySpecServiceType, MeshGatewaySpecType } from '../imports/istio.banzaicloud.io';
import { GatewayV1Beta1, VirtualServiceV1Beta1 } from '../imports/networking.istio.io';

/**
 * The same objects as `buildWithLibrary`, written with the generated L1 classes alone: what a
 * team would write without the library. No library code is loaded.
 */
export function buildWithL1(chart: Chart, n: number): void {
  const selector = { 'gateway-name': 'edge', 'gateway-type': 'ingress' };
  new MeshGateway(chart, 'edge', {
    metadata: { name: 'edge' },
    spec: {
      type: MeshGatewaySpecType.INGRESS,
      serviceType: MeshGatewaySpecServiceType.LOAD_BALANCER,
      minReplicas: 1,
      maxReplicas: 1,
      ports: [{ name: 'http', port: 80, targetPort: MeshGatewaySpecPortsTargetPort.fromNumber(80), protocol: 'TCP' }],
    },
  });
  for (let i = 0; i < n; i++) {
    const name = `svc-${i}`;
    const hosts = [`${name}.example.com`];
    new GatewayV1Beta1(chart, `${name}-gateway`, {
      metadata: { name },
      spec: { selector, servers: [{ hosts, port: { number: 80, name: 'http', protocol: 'HTTP' } }] },
    });
    new VirtualServiceV1Beta1(chart, `${name}-virtual-service`, {
      metadata: { name },
      spec: { hosts, gateways: [name], http: [{ route: [{ destination: { host: `${name}.apps.svc.cluster.local`, port: { number: 8080 } } }] }] },
    });
  }
}
