import { Chart, Duration, Testing } from 'cdk8s';
import { Backend, IngressGateway, PathMatch, RouteDestination, ServerProtocol, ServerTls } from '../../src';
import { httpRouteAnswerFindings } from '../../src/rules/analysis/http-route-answers';
import { serverTlsFindings } from '../../src/rules/analysis/server-tls-settings';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject } from '../support/objects';

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

  test('the redirect finds the plain HTTP port by the name upstream gateways give it, http2 on 80', () => {
    const chart = Testing.chart();
    const gateway = IngressGateway.fromSelector(chart, 'mesh', {
      selector: { istio: 'ingressgateway' },
      ports: [{ name: 'status-port', port: 15021 }, { name: 'http2', port: 80, targetPort: 8080 }, { name: 'https', port: 443, targetPort: 8443 }],
    });
    const web = gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls, backend });
    expect(web.httpsRedirectPort).toBe(80);
    expect(findObject(Testing.synth(chart), 'Gateway', 'web').spec.servers[1]).toStrictEqual({
      hosts: ['shop.example.com'], port: { number: 80, name: 'http2', protocol: 'HTTP' }, tls: { httpsRedirect: true },
    });
  });

  test('a port named http or http-* comes before an http2 one', () => {
    const chart = Testing.chart();
    const gateway = new IngressGateway(chart, 'edge', { ports: [{ name: 'http2', port: 80 }, { name: 'http-plain', port: 8080 }, { name: 'https', port: 443 }] });
    expect(gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls, backend }).httpsRedirectPort).toBe(8080);
  });

  test('a gateway without an http port needs the redirect port named or switched off', () => {
    const chart = Testing.chart();
    const gateway = new IngressGateway(chart, 'edge', { ports: [{ name: 'https', port: 443 }] });
    expect(() => gateway.expose('web', { hosts: ['shop.example.com'], tls, backend }))
      .toThrow('test/edge/web: invalid httpsRedirectPort (not set): gateway workload test/edge has no port named http, http-* or http2 (on 80): name the port to redirect from, or set httpsRedirect: false');
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

  test('a server port name that the redirect server also uses is an error', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    expect(() => mesh.expose('web', { hosts: ['shop.example.com'], port: 443, tls, backend, serverPortName: 'http' }))
      .toThrow('test/mesh/web: invalid serverPortName "http": the HTTPS redirect server on port 80 has that name, and server port names must be unique in a Gateway: choose another');
  });

  test('an exposure that fails its checks claims no host: the same hosts can be exposed afterwards', () => {
    const chart = Testing.chart();
    const gateway = new IngressGateway(chart, 'edge', { ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] });
    expect(() => gateway.expose('clash', { hosts: ['shop.example.com'], port: 443, tls, backend, serverPortName: 'http' }))
      .toThrow('test/edge/clash: invalid serverPortName "http"');
    expect(() => gateway.expose('no-cert', { hosts: ['shop.example.com'], port: 443, tls: ServerTls.simple({}), backend }))
      .toThrow('test/edge/no-cert: invalid tls.credentialName (not set)');
    expect(() => gateway.expose('bad-redirect', { hosts: ['shop.example.com'], port: 443, tls, backend, httpsRedirectPort: 8080 }))
      .toThrow('test/edge/bad-redirect: invalid httpsRedirectPort 8080');
    const web = gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls, backend });
    expect(web.httpsRedirectPort).toBe(80);
    expect(() => gateway.expose('plain', { hosts: ['shop.example.com'], port: 80, backend }))
      .toThrow('test/edge/web already serves host shop.example.com on port 80');
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
      .toThrow('test/mesh/web: invalid tls (not set): a HTTPS server must have TLS settings: give ServerTls.simple({ credentialName }), mutual, istioMutual or passthrough');
  });

  test('TLS settings on a plain HTTP server are an error', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    expect(() => mesh.expose('web', { hosts: ['shop.example.com'], port: 80, protocol: ServerProtocol.HTTP, tls, backend }))
      .toThrow('test/mesh/web: invalid protocol "HTTP": a plain HTTP server cannot have TLS settings other than httpsRedirect: use protocol HTTPS to terminate TLS');
  });

  test('TLS passthrough on a plain HTTP server is emitted, as Istio admits it: the server serves HTTP routes, and the analysis warns (CIG0202)', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    const web = mesh.expose('web', { hosts: ['shop.example.com'], port: 80, protocol: ServerProtocol.HTTP, tls: ServerTls.passthrough(), backend });
    expect(() => web.addTlsRoute({ sniHosts: ['shop.example.com'], destinations: [RouteDestination.to(backend)] })).toThrow(/tls routes need a server in TLS PASSTHROUGH mode/);
    const objects = Testing.synth(chart);
    const gateway = findObject(objects, 'Gateway', 'web');
    expect(gateway.spec.servers).toStrictEqual([{ hosts: ['shop.example.com'], port: { number: 80, name: 'http', protocol: 'HTTP' }, tls: { mode: 'PASSTHROUGH' } }]);
    expect(findObject(objects, 'VirtualService', 'web').spec.http).toHaveLength(1);
    expect(serverTlsFindings(gateway).map((f) => [f.code, f.level, f.message.split(':')[0]])).toStrictEqual([['CIG0202', 'Warning', 'spec.servers[0].tls.mode']]);
  });

  test('a TLS server that terminates TLS forwards TCP', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    mesh.expose('db', { hosts: ['db.example.com'], port: 5433, protocol: ServerProtocol.TLS, tls, backend: Backend.fromHost('db.data.svc.cluster.local', 5432) });
    const vs = findObject(Testing.synth(chart), 'VirtualService', 'db');
    expect(vs.spec.tcp).toStrictEqual([{ match: [{ port: 5433 }], route: [{ destination: { host: 'db.data.svc.cluster.local', port: { number: 5432 } } }] }]);
  });
});

describe('Exposure: HTTP routes', () => {
  function web() {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    return { chart, mesh, web: mesh.expose('web', { hosts: ['shop.example.com'], port: 80, backend }) };
  }
  const api = Backend.fromHost('api.shop.svc.cluster.local', 9090);

  test('routes are evaluated in the order added, the default route to the backend last', () => {
    const { chart, web: exposure } = web();
    exposure.addHttpRoute({ name: 'api', matches: [{ path: PathMatch.prefix('/api/') }], destinations: [RouteDestination.to(api)] });
    exposure.addHttpRoute({ name: 'health', matches: [{ path: PathMatch.exact('/healthz') }], directResponse: { status: 200, body: 'ok' } });
    exposure.addHttpRoute({ name: 'static', matches: [{ path: PathMatch.prefix('/static/') }] });
    const http = findObject(Testing.synth(chart), 'VirtualService', 'web').spec.http;
    expect(http).toStrictEqual([
      { name: 'api', match: [{ uri: { prefix: '/api/' } }], route: [{ destination: { host: 'api.shop.svc.cluster.local', port: { number: 9090 } } }] },
      { name: 'health', match: [{ uri: { exact: '/healthz' } }], directResponse: { status: 200, body: { string: 'ok' } } },
      { name: 'static', match: [{ uri: { prefix: '/static/' } }], route: [{ destination: { host: 'web.shop.svc.cluster.local', port: { number: 8080 } } }] },
      { route: [{ destination: { host: 'web.shop.svc.cluster.local', port: { number: 8080 } } }] },
    ]);
  });

  test('the default route to the backend takes route behaviours and stays the default route', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    const exposure = mesh.expose('web', {
      hosts: ['shop.example.com'],
      port: 80,
      backend,
      backendRoute: {
        name: 'default',
        timeout: Duration.seconds(5),
        retries: { attempts: 3, perTryTimeout: Duration.seconds(2) },
        requestHeaders: { set: { 'x-served-by': 'edge' } },
        responseHeaders: { remove: ['server'] },
      },
    });
    exposure.addHttpRoute({ name: 'api', matches: [{ path: PathMatch.prefix('/api/') }], destinations: [RouteDestination.to(api)] });
    const http = findObject(Testing.synth(chart), 'VirtualService', 'web').spec.http;
    expect(http).toHaveLength(2);
    expect(http[1]).toStrictEqual({
      name: 'default',
      route: [{ destination: { host: 'web.shop.svc.cluster.local', port: { number: 8080 } } }],
      timeout: '5s',
      retries: { attempts: 3, perTryTimeout: '2s' },
      headers: { request: { set: { 'x-served-by': 'edge' } }, response: { remove: ['server'] } },
    });
  });

  test('route behaviours of the default route need a backend and an HTTP server', () => {
    const mesh = () => IngressGateway.fromSelector(Testing.chart(), 'mesh', { selector: { istio: 'ingressgateway' } });
    expect(() => mesh().expose('web', { hosts: ['shop.example.com'], port: 80, backendRoute: { timeout: Duration.seconds(5) } }))
      .toThrow('test/mesh/web: invalid backendRoute {"timeout":{"amount":5,"unit":{"label":"seconds","inMillis":1000}}}: shapes the default route to the backend, and the exposure has none: give backend');
    expect(() => mesh().expose('db', { hosts: ['*'], port: 5432, protocol: ServerProtocol.TCP, backend, backendRoute: { timeout: Duration.seconds(5) } }))
      .toThrow('test/mesh/db: invalid backendRoute {"timeout":{"amount":5,"unit":{"label":"seconds","inMillis":1000}}}: route behaviours apply to HTTP routes, and this exposure serves TCP on port 5432');
  });

  test('the default route checks its behaviours as any route', () => {
    const mesh = IngressGateway.fromSelector(Testing.chart(), 'mesh', { selector: { istio: 'ingressgateway' } });
    expect(() => mesh.expose('web', { hosts: ['shop.example.com'], port: 80, backend, backendRoute: { retries: { attempts: 1.5 } } }))
      .toThrow('test/mesh/web: invalid backendRoute.retries.attempts 1.5: expected a whole number');
  });

  test('without a backend there is no default route, and a route must name its destinations', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    const exposure = mesh.expose('web', { hosts: ['shop.example.com'], port: 80 });
    expect(() => exposure.addHttpRoute({ matches: [{ path: PathMatch.prefix('/') }] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].destinations (not set): the exposure has no backend: give destinations, a redirect or a direct response');
    exposure.addHttpRoute({ destinations: [RouteDestination.to(api)] });
    expect(findObject(Testing.synth(chart), 'VirtualService', 'web').spec.http).toHaveLength(1);
  });

  test('an exposure with neither a backend nor a route fails at synth', () => {
    const chart = Testing.chart();
    IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } }).expose('web', { hosts: ['shop.example.com'], port: 80 });
    expect(() => Testing.synth(chart)).toThrow(/test\/mesh\/web: no routes: give a backend or add a route/);
  });

  test('route names are unique', () => {
    const { web: exposure } = web();
    exposure.addHttpRoute({ name: 'a' });
    expect(() => exposure.addHttpRoute({ name: 'a' })).toThrow('test/mesh/web: invalid httpRoutes[1].name "a": route names must be unique in a VirtualService');
  });

  test('a route answers with a redirect or a direct response, not both, and then forwards nothing, in the route rule\'s words', () => {
    const { web: exposure } = web();
    expect(() => exposure.addHttpRoute({ redirect: { uri: '/new' }, directResponse: { status: 404 } }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].directResponse {"status":404}: a route cannot have both a directResponse and a redirect');
    expect(() => exposure.addHttpRoute({ redirect: { uri: '/new' }, rewrite: { uri: '/x' } }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].rewrite "rewrite": a route cannot have both a rewrite and a redirect');
    expect(() => exposure.addHttpRoute({ redirect: { uri: '/new' }, fault: { abort: { httpStatus: 500 } } }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].fault "fault": a route cannot have both fault injection and a redirect');
    expect(() => exposure.addHttpRoute({ directResponse: { status: 404 }, destinations: [RouteDestination.to(backend)] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].destinations "destinations": a route cannot have both route destinations and a directResponse');
  });

  test('a timeout, retries or mirrors on a route that answers itself are emitted, as Istio admits them, and the analysis warns that they do nothing (CIG0208)', () => {
    const { chart, web: exposure } = web();
    exposure.addHttpRoute({ directResponse: { status: 404 }, timeout: Duration.seconds(1), retries: { attempts: 1 } });
    const vs = findObject(Testing.synth(chart), 'VirtualService', 'web');
    expect(vs.spec.http[0]).toStrictEqual({ directResponse: { status: 404 }, timeout: '1s', retries: { attempts: 1 } });
    expect(httpRouteAnswerFindings(vs).map((f) => [f.code, f.level, f.message.split(':')[0]])).toStrictEqual([
      ['CIG0208', 'Warning', 'spec.http[0].timeout'], ['CIG0208', 'Warning', 'spec.http[0].retries'],
    ]);
  });

  test('an empty list of matches is an error', () => {
    const { web: exposure } = web();
    expect(() => exposure.addHttpRoute({ matches: [] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].matches []: expected at least one match, or leave matches out to take every request');
  });

  test('HTTP matches on a TCP exposure are an error', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    const db = mesh.expose('db', { hosts: ['*'], port: 5432, protocol: ServerProtocol.TCP, backend });
    expect(() => db.addHttpRoute({ matches: [{ path: PathMatch.prefix('/') }] }))
      .toThrow('test/mesh/db: invalid httpRoutes[0] "http route": http routes need a server that carries HTTP, and this exposure serves TCP on port 5432: use addTcpRoute');
  });
});

describeWithCrds('Exposure routes against the CRD schemas', () => {
  test('HTTP, TCP and TLS routes are valid', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    const web = mesh.expose('web', { hosts: ['shop.example.com'], port: 443, tls, backend });
    web.addHttpRoute({ matches: [{ path: PathMatch.exact('/old') }], redirect: { uri: '/new' } });
    const db = mesh.expose('db', { hosts: ['*'], port: 5432, protocol: ServerProtocol.TCP });
    db.addTcpRoute({ destinations: [RouteDestination.to(backend, { percent: 50 }), RouteDestination.to(backend, { percent: 50 })] });
    const pass = mesh.expose('pass', { hosts: ['*.db.example.com'], port: 8443, protocol: ServerProtocol.TLS, tls: ServerTls.passthrough(), backend });
    pass.addTlsRoute({ sniHosts: ['a.db.example.com'], destinations: [RouteDestination.to(backend)] });
    expectValidAgainstCrds(new CrdValidator(), Testing.synth(chart));
  });
});

describe('Exposure: hosts', () => {
  test('hosts that overlap are an error: Istio rejects a VirtualService whose hosts overlap', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    expect(() => mesh.expose('web', { hosts: ['a.example.com', '*.example.com'], port: 80, backend }))
      .toThrow('test/mesh/web: invalid hosts[0] "a.example.com": "*.example.com" already covers it: give each host once, the wildcard or the names it covers');
    expect(() => mesh.expose('twice', { hosts: ['b.example.com', 'b.example.com'], port: 80, backend }))
      .toThrow('test/mesh/twice: invalid hosts[1] "b.example.com": "b.example.com" already covers it');
  });

  test('a host and a wildcard below it overlap, hosts of sibling domains do not', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    expect(() => mesh.expose('web', { hosts: ['*.a.example.com', '*.example.com'], port: 80, backend })).toThrow('invalid hosts[0] "*.a.example.com"');
    mesh.expose('ok', { hosts: ['*.a.example.com', 'b.example.com', 'a.example.com'], port: 80, backend });
  });
});

describe('Exposure: visibility', () => {
  test('exportTo limits where the VirtualService is seen; it must include the gateway workload\'s namespace', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'shop' });
    const edge = new IngressGateway(chart, 'edge', { namespace: 'edge' });
    edge.expose('web', { hosts: ['shop.example.com'], backend, exportTo: ['.', 'edge'] });
    expect(findObject(Testing.synth(chart), 'VirtualService', 'web').spec.exportTo).toEqual(['.', 'edge']);
    expect(() => edge.expose('api', { hosts: ['api.example.com'], backend, exportTo: ['.'] }))
      .toThrow('test/edge/api: invalid exportTo ["."]: the gateway workload test/edge runs in namespace edge, and would not see the VirtualService: add "edge" (or "*")');
  });

  test('exportTo "." is enough where the workload shares the namespace', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'shop' });
    new IngressGateway(chart, 'edge').expose('web', { hosts: ['shop.example.com'], backend, exportTo: ['.'] });
    expect(findObject(Testing.synth(chart), 'VirtualService', 'web').spec.exportTo).toEqual(['.']);
  });

  test('exportTo entries are checked as Istio checks them', () => {
    const edge = new IngressGateway(Testing.chart(), 'edge');
    expect(() => edge.expose('web', { hosts: ['shop.example.com'], backend, exportTo: ['~'] }))
      .toThrow('test/edge/web: invalid exportTo[0] "~": exportTo "~" (no one) is only allowed for service entries');
    expect(() => edge.expose('api', { hosts: ['api.example.com'], backend, exportTo: ['*', '*'] }))
      .toThrow('test/edge/api: invalid exportTo[1] "*": duplicate entry "*" in exportTo');
  });
});
