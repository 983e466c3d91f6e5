import { Chart } from 'cdk8s';
import { Backend, EgressGateway, ExternalService, ExternalServiceProtocol, IngressGateway } from '../src';

/**
 * The benchmark's chart built with the library: N exposures through one ingress gateway, and N
 * external services each routed through one egress gateway.
 */
export function buildWithLibrary(chart: Chart, n: number): void {
  const ingress = new IngressGateway(chart, 'edge', { ports: [{ name: 'http', port: 80 }] });
  const egress = new EgressGateway(chart, 'egress', { ports: [{ name: 'http', port: 80 }] });
  for (let i = 0; i < n; i++) {
    ingress.expose(`svc-${i}`, {
      hosts: [`svc-${i}.example.com`],
      backend: Backend.fromHost(`svc-${i}.apps.svc.cluster.local`, 8080),
    });
    const external = new ExternalService(chart, `ext-${i}`, {
      hosts: [`api-${i}.partner.example`],
      ports: [{ number: 80, name: 'http', protocol: ExternalServiceProtocol.HTTP }],
    });
    egress.route(`ext-${i}-egress`, { externalService: external });
  }
}
