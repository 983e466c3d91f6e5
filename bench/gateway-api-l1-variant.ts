import { Chart } from 'cdk8s';
import { Gateway, HttpRoute } from '../imports/gateway.networking.k8s.io';

/** Exposures per Gateway, as in `buildGatewayApiWithLibrary` (not imported: no library code is loaded). */
const EXPOSURES_PER_GATEWAY = 50;

/**
 * The same objects as `buildGatewayApiWithLibrary`, written with the generated L1 classes alone,
 * in the same order: each Gateway, then its routes.
 */
export function buildGatewayApiWithL1(chart: Chart, n: number): void {
  for (let first = 0; first < n; first += EXPOSURES_PER_GATEWAY) {
    const gatewayName = `edge-${first / EXPOSURES_PER_GATEWAY}`;
    const names = Array.from({ length: Math.min(EXPOSURES_PER_GATEWAY, n - first) }, (_, j) => `svc-${first + j}`);
    new Gateway(chart, gatewayName, {
      metadata: { name: gatewayName },
      spec: { gatewayClassName: 'istio', listeners: names.map((name) => ({ name, hostname: `${name}.example.com`, port: 80, protocol: 'HTTP' })) },
    });
    for (const name of names) {
      new HttpRoute(chart, `${name}-route`, {
        metadata: { name, namespace: 'apps' },
        spec: {
          parentRefs: [{ name: gatewayName, namespace: 'apps', sectionName: name }],
          hostnames: [`${name}.example.com`],
          rules: [{ backendRefs: [{ name, port: 8080 }] }],
        },
      });
    }
  }
}
