import { Testing } from 'cdk8s';
import { Backend, IngressGateway, RouteDestination, ServerProtocol, ServerTls } from '../../src';
import { findObject } from '../support/objects';

const tls = ServerTls.simple({ credentialName: 'shop-cert' });

function passthroughExposure(host: string) {
  const chart = Testing.chart();
  const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
  return mesh.expose('dbs', { hosts: [host], port: 443, protocol: ServerProtocol.TLS, tls: ServerTls.passthrough() });
}

// The exposure asks the VirtualService rule which SNI hosts its hosts cover (Istio's SubsetOf).
describe('which SNI hosts an exposure\'s host covers', () => {
  const db = Backend.fromHost('db.data.svc.cluster.local', 5432);
  test.each<[string, string, boolean]>([
    ['db.example.com', 'db.example.com', true],
    ['*.example.com', 'db.example.com', true],
    ['*.example.com', 'a.b.example.com', true],
    ['*.example.com', '*.b.example.com', true],
    ['*', 'anything.example.org', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'db.example.org', false],
    ['db.example.com', 'api.example.com', false],
  ])('host %s covers SNI host %s: %s', (host, sni, covered) => {
    const add = () => passthroughExposure(host).addTlsRoute({ sniHosts: [sni], destinations: [RouteDestination.to(db)] });
    if (covered) {
      expect(add).not.toThrow();
    } else {
      expect(add).toThrow(`SNI host "${sni}" is not covered by any host of the virtual service: [${host}]`);
    }
  });
});

const backend = Backend.fromHost('web.shop.svc.cluster.local', 8080);

describe('TLS routes', () => {
  const blue = Backend.fromHost('db-blue.data.svc.cluster.local', 5432);
  const green = Backend.fromHost('db-green.data.svc.cluster.local', 5432);

  test('TLS routes by SNI host come before the default route to the backend', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    const dbs = mesh.expose('dbs', { hosts: ['*.db.example.com'], port: 443, protocol: ServerProtocol.TLS, tls: ServerTls.passthrough(), backend: blue });
    dbs.addTlsRoute({ sniHosts: ['green.db.example.com'], destinations: [RouteDestination.to(green)] });
    expect(findObject(Testing.synth(chart), 'VirtualService', 'dbs').spec.tls).toStrictEqual([
      { match: [{ port: 443, sniHosts: ['green.db.example.com'] }], route: [{ destination: { host: 'db-green.data.svc.cluster.local', port: { number: 5432 } } }] },
      { match: [{ port: 443, sniHosts: ['*.db.example.com'] }], route: [{ destination: { host: 'db-blue.data.svc.cluster.local', port: { number: 5432 } } }] },
    ]);
  });

  test('a TLS route on a port that does not pass TLS through is an error', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    const exposure = mesh.expose('web', { hosts: ['shop.example.com'], port: 443, tls, backend });
    expect(() => exposure.addTlsRoute({ sniHosts: ['shop.example.com'], destinations: [RouteDestination.to(blue)] }))
      .toThrow('test/mesh/web: invalid tlsRoutes[0] ["shop.example.com"]: tls routes need a server in TLS PASSTHROUGH mode, and this exposure serves HTTPS on port 443: give tls: ServerTls.passthrough()');
  });

  test('an SNI host the exposure does not serve, or one an earlier route takes, is an error', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    const dbs = mesh.expose('dbs', { hosts: ['*.db.example.com'], port: 443, protocol: ServerProtocol.TLS, tls: ServerTls.passthrough() });
    expect(() => dbs.addTlsRoute({ sniHosts: ['db.example.org'], destinations: [RouteDestination.to(blue)] }))
      .toThrow('test/mesh/dbs: invalid tlsRoutes[0].sniHosts[0] "db.example.org": SNI host "db.example.org" is not covered by any host of the virtual service: [*.db.example.com]');
    dbs.addTlsRoute({ sniHosts: ['a.db.example.com'], destinations: [RouteDestination.to(blue)] });
    expect(() => dbs.addTlsRoute({ sniHosts: ['a.db.example.com'], destinations: [RouteDestination.to(green)] }))
      .toThrow('test/mesh/dbs: invalid tlsRoutes[1].sniHosts[0] "a.db.example.com": tlsRoutes[0] already takes it: this route would never match it');
  });
});
