import { analyze } from '../../src/rules/analyze';
import { KubeObject } from '../../src/rules/finding';

/** `routes` exposures on the default gateway, each a Gateway, a VirtualService, a Service and a DestinationRule. */
function mesh(routes: number): KubeObject[] {
  const objects: KubeObject[] = [];
  for (let i = 0; i < routes; i++) {
    const namespace = `team${i % 50}`;
    objects.push(
      {
        apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: `gw${i}`, namespace },
        spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: [`app${i}.example.com`], tls: { mode: 'SIMPLE', credentialName: `cert${i}` } }] },
      },
      {
        apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: `vs${i}`, namespace },
        spec: {
          hosts: [`app${i}.example.com`], gateways: [`gw${i}`],
          http: [
            { match: [{ uri: { prefix: '/v2' } }], route: [{ destination: { host: `app${i}`, subset: 'v2', port: { number: 80 } } }] },
            { route: [{ destination: { host: `app${i}`, port: { number: 80 } } }] },
          ],
        },
      },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: `app${i}`, namespace }, spec: { selector: { app: `app${i}` }, ports: [{ port: 80 }] } },
      { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: `app${i}`, namespace }, spec: { host: `app${i}`, subsets: [{ name: 'v2', labels: { version: 'v2' } }] } },
    );
  }
  // One wildcard Gateway on the same workload and port, so that host lookups take the wildcard path.
  objects.push({
    apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'wildcard', namespace: 'edge' },
    spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['*.example.org'], tls: { mode: 'PASSTHROUGH' } }] },
  });
  return objects;
}

function bestTimeMs(objects: KubeObject[]): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = process.hrtime.bigint();
    analyze(objects, { assumeHostsAndSecretsExist: true });
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

test('analysis time grows linearly with the input: 4x the objects, well under 8x the time', () => {
  const small = mesh(2500);
  const large = mesh(10000);
  expect(large.length).toBe(40001);
  expect(analyze(large, { assumeHostsAndSecretsExist: true })).toEqual([]);
  const smallMs = bestTimeMs(small);
  const largeMs = bestTimeMs(large);
  expect(largeMs / smallMs).toBeLessThan(8);
  expect(largeMs).toBeLessThan(3000);
});

/** One Gateway with a server per route, as `IngressGateway.expose` makes it, and a VirtualService per route bound to it. */
function sharedGateway(routes: number): KubeObject[] {
  const servers = [];
  const objects: KubeObject[] = [];
  for (let i = 0; i < routes; i++) {
    servers.push({ port: { number: 80, name: `http-${i}`, protocol: 'HTTP' }, hosts: [i % 2 === 0 ? `app${i}.example.com` : `apps/app${i}.example.com`] });
    objects.push({
      apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: `vs${i}`, namespace: 'apps' },
      spec: { hosts: [`app${i}.example.com`], gateways: ['edge/shared'], http: [{ directResponse: { status: 204 } }] },
    });
  }
  objects.push({ apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'shared', namespace: 'edge' }, spec: { selector: { istio: 'ingressgateway' }, servers } });
  return objects;
}

test('VirtualServices bound to one Gateway with a server per route are checked in linear time', () => {
  const large = sharedGateway(10000);
  expect(analyze(large, { assumeHostsAndSecretsExist: true })).toEqual([]);
  const smallMs = bestTimeMs(sharedGateway(2500));
  const largeMs = bestTimeMs(large);
  expect(largeMs / smallMs).toBeLessThan(8);
  expect(largeMs).toBeLessThan(3000);
});
