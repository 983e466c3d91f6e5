import { Testing } from 'cdk8s';
import { Backend, IngressGateway, ServerProtocol, ServerTls } from '../src';
import { findObject } from './support/objects';

const backend = Backend.fromHost('web.shop.svc.cluster.local', 8080);
const tls = ServerTls.simple({ credentialName: 'shop-cert' });

describe('Exposure: HTTPS redirect', () => {
  test('an existing gateway with unknown ports redirects from port 80', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    const web = mesh.expose('web', { hosts: ['shop.example.com'], port: 443, tls, backend });
    expect(web.httpsRedirectPort).toBe(80);
    const servers = findObject(Testing.synth(chart), 'Gateway', 'web').spec.servers;
    expect(servers[1]).toStrictEqual({ hosts: ['shop.example.com'], port: { number: 80, name: 'http', protocol: 'HTTP' }, tls: { httpsRedirect: true } });
  });

  test('the redirect uses the workload port named http-*, under its name', () => {
    const chart = Testing.chart();
    const gateway = new IngressGateway(chart, 'edge', { ports: [{ name: 'https', port: 8443 }, { name: 'http-plain', port: 8080 }] });
    gateway.expose('web', { hosts: ['shop.example.com'], port: 8443, tls, backend });
    expect(findObject(Testing.synth(chart), 'Gateway', 'web').spec.servers[1].port).toStrictEqual({ number: 8080, name: 'http-plain', protocol: 'HTTP' });
  });

  test('httpsRedirectPort picks the port explicitly', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    mesh.expose('web', { hosts: ['shop.example.com'], port: 443, tls, backend, httpsRedirectPort: 8080 });
    expect(findObject(Testing.synth(chart), 'Gateway', 'web').spec.servers[1].port.number).toBe(8080);
  });

  test('httpsRedirect: false serves HTTPS only', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    const web = mesh.expose('web', { hosts: ['shop.example.com'], port: 443, tls, backend, httpsRedirect: false });
    expect(web.httpsRedirectPort).toBeUndefined();
    expect(findObject(Testing.synth(chart), 'Gateway', 'web').spec.servers.map((s: any) => s.port.number)).toEqual([443]);
  });

  test('the redirect claims the hosts on the HTTP port: a plain HTTP exposure of the same host conflicts', () => {
    const chart = Testing.chart();
    const gateway = new IngressGateway(chart, 'edge', { ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] });
    gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls, backend });
    expect(() => gateway.expose('plain', { hosts: ['shop.example.com'], port: 80, backend }))
      .toThrow('test/edge/plain: invalid hosts "shop.example.com": test/edge/web already serves host shop.example.com on port 80 of gateway workload test/edge');
  });

  test('a gateway without an http port needs the redirect port named or switched off', () => {
    const chart = Testing.chart();
    const gateway = new IngressGateway(chart, 'edge', { ports: [{ name: 'https', port: 443 }] });
    expect(() => gateway.expose('web', { hosts: ['shop.example.com'], tls, backend }))
      .toThrow('test/edge/web: invalid httpsRedirectPort (not set): gateway workload test/edge has no port named http or http-*: name the port to redirect from, or set httpsRedirect: false');
    gateway.expose('ok', { hosts: ['other.example.com'], tls, backend, httpsRedirect: false });
  });

  test('the redirect port must differ from the HTTPS port', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    expect(() => mesh.expose('web', { hosts: ['shop.example.com'], port: 443, tls, backend, httpsRedirectPort: 443 }))
      .toThrow('test/mesh/web: invalid httpsRedirectPort 443: the HTTPS server already listens on port 443: expected the gateway\'s plain HTTP port');
  });

  test('httpsRedirect on a plain HTTP exposure is an error', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    expect(() => mesh.expose('web', { hosts: ['shop.example.com'], port: 80, backend, httpsRedirect: true }))
      .toThrow('test/mesh/web: invalid httpsRedirect true: redirects to HTTPS, and this exposure serves HTTP: set protocol to ServerProtocol.HTTPS or leave httpsRedirect out');
  });

  test('httpsRedirectPort without the redirect is an error', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    expect(() => mesh.expose('web', { hosts: ['shop.example.com'], port: 443, tls, backend, httpsRedirect: false, httpsRedirectPort: 80 }))
      .toThrow('test/mesh/web: invalid httpsRedirectPort 80: applies only with httpsRedirect');
  });
});

describe('Exposure: protocol and TLS go together', () => {
  test('HTTPS without TLS settings is an error', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    expect(() => mesh.expose('web', { hosts: ['shop.example.com'], port: 443, protocol: ServerProtocol.HTTPS, backend }))
      .toThrow('test/mesh/web: invalid tls (not set): a HTTPS server needs TLS settings: ServerTls.simple({ credentialName }), mutual, istioMutual or passthrough');
  });

  test('TLS settings on a plain HTTP server are an error', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    expect(() => mesh.expose('web', { hosts: ['shop.example.com'], port: 80, protocol: ServerProtocol.HTTP, tls, backend }))
      .toThrow('test/mesh/web: invalid protocol "HTTP": TLS settings need an HTTPS or TLS server: set protocol to ServerProtocol.HTTPS or ServerProtocol.TLS, or leave it out');
  });

  test('a TLS server that terminates TLS forwards TCP', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    mesh.expose('db', { hosts: ['db.example.com'], port: 5433, protocol: ServerProtocol.TLS, tls, backend: Backend.fromHost('db.data.svc.cluster.local', 5432) });
    const vs = findObject(Testing.synth(chart), 'VirtualService', 'db');
    expect(vs.spec.tcp).toStrictEqual([{ match: [{ port: 5433 }], route: [{ destination: { host: 'db.data.svc.cluster.local', port: { number: 5432 } } }] }]);
  });
});
