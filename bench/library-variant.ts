import { Chart } from 'cdk8s';
import { Backend, IngressGateway } from '../src';

/** The benchmark's chart built with the library: N exposures through one ingress gateway. */
export function buildWithLibrary(chart: Chart, n: number): void {
  const ingress = new IngressGateway(chart, 'edge', { ports: [{ name: 'http', port: 80 }] });
  for (let i = 0; i < n; i++) {
    ingress.expose(`svc-${i}`, {
      hosts: [`svc-${i}.example.com`],
      backend: Backend.fromHost(`svc-${i}.apps.svc.cluster.local`, 8080),
    });
  }
}
