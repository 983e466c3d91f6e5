import { Chart } from 'cdk8s';
import { Backend, KubernetesGateway } from '../src';

/** Exposures per Gateway: a Gateway holds at most 64 listeners. */
export const EXPOSURES_PER_GATEWAY = 50;

/**
 * The Gateway API benchmark's chart built with the library: N exposures, 50 to a
 * `KubernetesGateway`, each an HTTP listener and an HTTPRoute to its backend.
 */
export function buildGatewayApiWithLibrary(chart: Chart, n: number): void {
  let gateway: KubernetesGateway | undefined;
  for (let i = 0; i < n; i++) {
    if (i % EXPOSURES_PER_GATEWAY === 0) {
      gateway = new KubernetesGateway(chart, `edge-${i / EXPOSURES_PER_GATEWAY}`);
    }
    gateway!.expose(`svc-${i}`, {
      hosts: [`svc-${i}.example.com`],
      backend: Backend.fromHost(`svc-${i}.apps.svc.cluster.local`, 8080),
    });
  }
}
