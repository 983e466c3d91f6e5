import { Chart } from 'cdk8s';
import { MeshGateway, MeshGatewaySpecPortsTargetPort, MeshGatewaySpecServiceType, MeshGatewaySpecType } from '../imports/istio.banzaicloud.io';
import {
  GatewayV1Beta1, ServiceEntryV1Beta1, ServiceEntryV1Beta1SpecLocation, ServiceEntryV1Beta1SpecResolution, VirtualServiceV1Beta1,
} from '../imports/networking.istio.io';

function meshGateway(chart: Chart, name: string, type: MeshGatewaySpecType, serviceType: MeshGatewaySpecServiceType): void {
  new MeshGateway(chart, name, {
    metadata: { name },
    spec: {
      type,
      serviceType,
      minReplicas: 1,
      maxReplicas: 1,
      ports: [{ name: 'http', port: 80, targetPort: MeshGatewaySpecPortsTargetPort.fromNumber(80), protocol: 'TCP' }],
    },
  });
}

/**
 * The same objects as `buildWithLibrary`, written with the generated L1 classes alone: what a
 * team would write without the library. No library code is loaded.
 */
export function buildWithL1(chart: Chart, n: number): void {
  const ingressSelector = { 'gateway-name': 'edge', 'gateway-type': 'ingress' };
  const externalHost = (i: number) => `api-${i}.partner.example`;

  meshGateway(chart, 'edge', MeshGatewaySpecType.INGRESS, MeshGatewaySpecServiceType.LOAD_BALANCER);
  for (let i = 0; i < n; i++) {
    const name = `svc-${i}`;
    const hosts = [`${name}.example.com`];
    new GatewayV1Beta1(chart, `${name}-gateway`, {
      metadata: { name },
      spec: { selector: ingressSelector, servers: [{ hosts, port: { number: 80, name: 'http', protocol: 'HTTP' } }] },
    });
    new VirtualServiceV1Beta1(chart, `${name}-virtual-service`, {
      metadata: { name },
      spec: { hosts, gateways: [name], http: [{ route: [{ destination: { host: `${name}.apps.svc.cluster.local`, port: { number: 8080 } } }] }] },
    });
  }

  meshGateway(chart, 'egress', MeshGatewaySpecType.EGRESS, MeshGatewaySpecServiceType.CLUSTER_IP);
  // The library lists a server's hosts sorted, so that the order routes are added in never shows.
  new GatewayV1Beta1(chart, 'egress-gateway', {
    metadata: { name: 'egress' },
    spec: {
      selector: { 'gateway-name': 'egress', 'gateway-type': 'egress' },
      servers: [{ hosts: Array.from({ length: n }, (_, i) => externalHost(i)).sort(), port: { number: 80, name: 'http', protocol: 'HTTP' } }],
    },
  });
  for (let i = 0; i < n; i++) {
    new VirtualServiceV1Beta1(chart, `ext-${i}-egress`, {
      metadata: { name: `ext-${i}-egress` },
      spec: {
        hosts: [externalHost(i)],
        gateways: ['egress', 'mesh'],
        http: [
          { match: [{ gateways: ['mesh'], port: 80 }], route: [{ destination: { host: 'egress.apps.svc.cluster.local', port: { number: 80 } } }] },
          { match: [{ gateways: ['egress'], port: 80 }], route: [{ destination: { host: externalHost(i), port: { number: 80 } } }] },
        ],
      },
    });
  }

  for (let i = 0; i < n; i++) {
    new ServiceEntryV1Beta1(chart, `ext-${i}`, {
      metadata: { name: `ext-${i}` },
      spec: {
        hosts: [externalHost(i)],
        ports: [{ number: 80, name: 'http', protocol: 'HTTP' }],
        resolution: ServiceEntryV1Beta1SpecResolution.DNS,
        location: ServiceEntryV1Beta1SpecLocation.MESH_UNDERSCORE_EXTERNAL,
      },
    });
  }
}
