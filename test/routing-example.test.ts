import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from './support/crds';
import { findObject } from './support/objects';
import { synthWalkthrough, toYaml } from './support/synth';

const objects = synthWalkthrough().get('06-routing')!;

describe('example 06-routing', () => {
  test('matches the snapshot', () => {
    expect(toYaml(objects)).toMatchSnapshot();
  });

  test('serves the shop over HTTPS from the secret, TLS 1.2 at least, and redirects plain HTTP', () => {
    const mesh = findObject(objects, 'MeshGateway', 'shop-ingress');
    const gateway = findObject(objects, 'Gateway', 'shop');
    expect(gateway.spec.selector).toStrictEqual({ 'gateway-name': mesh.metadata.name, 'gateway-type': mesh.spec.type });
    expect(gateway.spec.servers).toStrictEqual([
      {
        hosts: ['shop.example.com'],
        port: { number: 443, name: 'https', protocol: 'HTTPS' },
        tls: { mode: 'SIMPLE', credentialName: 'shop-example-com-tls', minProtocolVersion: 'TLSV1_2' },
      },
      { hosts: ['shop.example.com'], port: { number: 80, name: 'http', protocol: 'HTTP' }, tls: { httpsRedirect: true } },
    ]);
    for (const server of gateway.spec.servers) {
      expect(mesh.spec.ports.find((p: any) => p.port === server.port.number)?.name).toBe(server.port.name);
    }
  });

  test('routes /api/ with retries and a timeout before the storefront', () => {
    const vs = findObject(objects, 'VirtualService', 'shop');
    const api = findObject(objects, 'Service', 'api');
    expect(vs.spec.gateways).toEqual(['shop']);
    expect(vs.spec.hosts).toEqual(findObject(objects, 'Gateway', 'shop').spec.servers[0].hosts);
    expect(vs.spec.http.map((r: any) => r.name)).toEqual(['api', 'storefront']);
    expect(vs.spec.http[0]).toStrictEqual({
      name: 'api',
      match: [{ uri: { prefix: '/api/' } }],
      route: [{ destination: { host: 'api.shop.svc.cluster.local', port: { number: 9090 } } }],
      timeout: '5s',
      retries: { attempts: 3, perTryTimeout: '1.5s', retryOn: 'gateway-error,connect-failure' },
    });
    expect(api.spec.ports.map((p: any) => p.port)).toContain(vs.spec.http[0].route[0].destination.port.number);
  });

  test('splits the storefront 90/10 between subsets the DestinationRule defines', () => {
    const vs = findObject(objects, 'VirtualService', 'shop');
    const rule = findObject(objects, 'DestinationRule', 'storefront-versions');
    const split = vs.spec.http[1].route;
    expect(split.map((r: any) => [r.destination.subset, r.weight])).toStrictEqual([['stable', 90], ['canary', 10]]);
    expect(rule.spec.subsets).toStrictEqual([{ name: 'stable', labels: { version: 'v1' } }, { name: 'canary', labels: { version: 'v2' } }]);
    for (const r of split) {
      expect(r.destination.host).toBe(rule.spec.host);
      expect(rule.spec.subsets.map((s: any) => s.name)).toContain(r.destination.subset);
    }
  });

  test('passes payments TLS through and routes it by SNI', () => {
    const gateway = findObject(objects, 'Gateway', 'payments');
    const vs = findObject(objects, 'VirtualService', 'payments');
    expect(gateway.spec.servers).toStrictEqual([
      { hosts: ['payments.example.com'], port: { number: 9443, name: 'tls-passthrough', protocol: 'TLS' }, tls: { mode: 'PASSTHROUGH' } },
    ]);
    expect(vs.spec.http).toBeUndefined();
    expect(vs.spec.tls).toStrictEqual([{
      match: [{ port: 9443, sniHosts: ['payments.example.com'] }],
      route: [{ destination: { host: 'payments.payments.svc.cluster.local', port: { number: 443 } } }],
    }]);
  });
});

describeWithCrds('example 06-routing against the CRD schemas', () => {
  test('every custom resource is valid', () => {
    expectValidAgainstCrds(new CrdValidator(), objects);
  });
});
