import { KubeObject } from '../src/rules/finding';

/*
 * Inputs for timing the analysis alone, as parsed manifests: the shapes where a quadratic
 * cross-check would show first.
 */

/** `routes` exposures on the default gateway, each a Gateway, a VirtualService, a Service and a DestinationRule. */
export function servicePerRoute(routes: number): KubeObject[] {
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
      { apiVersion: 'v1', kind: 'Service', metadata: { name: `app${i}`, namespace }, spec: { selector: { app: `app${i}` }, ports: [{ name: 'http', port: 80 }] } },
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

/**
 * One Gateway with a server per route, as `IngressGateway.expose` makes it, and a VirtualService
 * per route bound to it. Every tenth VirtualService is for the wildcard host `*.example.com`,
 * which overlaps every exposed host: checking it must not walk them all.
 */
export function sharedGateway(routes: number): KubeObject[] {
  const servers = [];
  const objects: KubeObject[] = [];
  for (let i = 0; i < routes; i++) {
    servers.push({ port: { number: 80, name: `http-${i}`, protocol: 'HTTP' }, hosts: [i % 2 === 0 ? `app${i}.example.com` : `apps/app${i}.example.com`] });
    objects.push({
      apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: `vs${i}`, namespace: 'apps' },
      spec: { hosts: [i % 10 === 0 ? '*.example.com' : `app${i}.example.com`], gateways: ['edge/shared'], http: [{ directResponse: { status: 204 } }] },
    });
  }
  objects.push({ apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'shared', namespace: 'edge' }, spec: { selector: { istio: 'ingressgateway' }, servers } });
  return objects;
}


/**
 * One VirtualService with `routes` HTTP routes, matching by regex and header, and a host per ten
 * routes, bound to one Gateway: the per-object rules on a single large object.
 */
export function oneLargeVirtualService(routes: number): KubeObject[] {
  const hosts = Array.from({ length: Math.max(1, Math.floor(routes / 10)) }, (_, i) => `h${i}.example.com`);
  const http = Array.from({ length: routes }, (_, i) => ({
    match: [{ uri: { regex: `^/r${i % 50}/.*` }, headers: { 'x-id': { exact: String(i) } } }],
    route: [{ destination: { host: `svc-${i}.shop.svc.cluster.local`, port: { number: 80 } } }],
  }));
  return [
    { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'g', namespace: 'edge' }, spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts }] } },
    { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'big', namespace: 'edge' }, spec: { hosts, gateways: ['g'], http } },
  ];
}
