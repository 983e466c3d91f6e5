import { Chart, Duration, Testing } from 'cdk8s';
import {
  Backend, HttpMethod, KubernetesGateway, PathMatch, RedirectScheme, RetryOn, RouteDestination, ServerProtocol, ServerTls,
  ServiceSubsets, StringMatch, TlsMode,
} from '../../src';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject, objectsOfKind } from '../support/objects';

const web = Backend.fromHost('web.shop.svc.cluster.local', 8080);
const tls = ServerTls.simple({ credentialName: 'shop-cert' });

function shopChart(): Chart {
  return new Chart(Testing.app(), 'shop', { namespace: 'shop' });
}

function edgeOf(chart: Chart): KubernetesGateway {
  return new KubernetesGateway(chart, 'edge', { namespace: 'istio-ingress' });
}

describe('KubernetesGateway', () => {
  test('is a Gateway of class istio whose listeners are those of its exposures, in order', () => {
    const chart = shopChart();
    const edge = edgeOf(chart);
    edge.expose('web', { hosts: ['shop.example.com', 'www.example.com'], backend: web });
    edge.expose('db', { hosts: ['db.example.com'], protocol: ServerProtocol.TLS, tls: ServerTls.passthrough(), backend: Backend.fromHost('db.shop.svc.cluster.local', 5432) });
    const gateway = findObject(Testing.synth(chart), 'Gateway', 'edge');
    expect(gateway.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(gateway.metadata.namespace).toBe('istio-ingress');
    expect(gateway.spec.gatewayClassName).toBe('istio');
    expect(gateway.spec.listeners.map((l: any) => [l.name, l.hostname, l.port, l.protocol, l.tls?.mode])).toStrictEqual([
      ['web-0', 'shop.example.com', 80, 'HTTP', undefined],
      ['web-1', 'www.example.com', 80, 'HTTP', undefined],
      ['db', 'db.example.com', 443, 'TLS', 'Passthrough'],
    ]);
  });

  test('a Gateway without exposures fails synth: the CRD requires a listener', () => {
    const chart = shopChart();
    edgeOf(chart);
    expect(() => Testing.synth(chart)).toThrow(/shop\/edge: no listeners: expose a service through the Gateway/);
  });

  test('its workload is the one Istio deploys: the <name>-istio Service in its namespace', () => {
    const edge = edgeOf(shopChart());
    expect(edge.serviceHost()).toBe('edge-istio.istio-ingress.svc.cluster.local');
    expect(edge.selectorLabels).toStrictEqual({ 'gateway.networking.k8s.io/gateway-name': 'edge' });
  });
});

describe('GatewayApiExposure: HTTP', () => {
  test('an HTTPRoute on the listeners, with the hosts, the rules in order and the backend last', () => {
    const chart = shopChart();
    const exposure = edgeOf(chart).expose('web', { hosts: ['shop.example.com'], backend: web });
    exposure.addHttpRoute({
      name: 'api',
      matches: [{ path: PathMatch.prefix('/api/'), method: HttpMethod.GET, headers: { 'x-canary': StringMatch.regex('yes|1') }, queryParams: { debug: StringMatch.exact('1') } }],
      destinations: [RouteDestination.to(Backend.fromHost('api.shop.svc.cluster.local', 9000), { weight: 90 }), RouteDestination.to(Backend.fromHost('api-v2.shop.svc.cluster.local', 9000), { weight: 10 })],
      timeout: Duration.millis(1500),
    });
    const route = findObject(Testing.synth(chart), 'HTTPRoute', 'web');
    expect(route.metadata.namespace).toBe('shop');
    expect(route.spec.parentRefs).toStrictEqual([{ name: 'edge', namespace: 'istio-ingress', sectionName: 'web' }]);
    expect(route.spec.hostnames).toStrictEqual(['shop.example.com']);
    expect(route.spec.rules).toStrictEqual([
      {
        name: 'api',
        matches: [{
          path: { type: 'PathPrefix', value: '/api/' },
          method: 'GET',
          headers: [{ name: 'x-canary', type: 'RegularExpression', value: 'yes|1' }],
          queryParams: [{ name: 'debug', type: 'Exact', value: '1' }],
        }],
        backendRefs: [{ name: 'api', port: 9000, weight: 90 }, { name: 'api-v2', port: 9000, weight: 10 }],
        timeouts: { request: '1500ms' },
      },
      { backendRefs: [{ name: 'web', port: 8080 }] },
    ]);
  });

  test('redirect, rewrite, header changes, CORS and mirroring become filters', () => {
    const chart = shopChart();
    const exposure = edgeOf(chart).expose('web', { hosts: ['shop.example.com'], backend: web });
    exposure.addHttpRoute({ matches: [{ path: PathMatch.exact('/old') }], redirect: { uri: '/new', scheme: RedirectScheme.HTTPS } });
    exposure.addHttpRoute({
      matches: [{ path: PathMatch.prefix('/v1/') }],
      rewrite: { uri: '/', authority: 'api.internal' },
      requestHeaders: { set: { 'x-team': 'shop' }, remove: ['x-debug'] },
      responseHeaders: { add: { 'x-served-by': 'edge' } },
      cors: { allowOrigins: [StringMatch.exact('https://shop.example.com')], allowMethods: [HttpMethod.GET], maxAge: Duration.hours(1) },
      mirror: { destination: RouteDestination.to(Backend.fromHost('shadow.shop.svc.cluster.local', 8080)), percent: 5 },
    });
    const [redirect, rewrite] = findObject(Testing.synth(chart), 'HTTPRoute', 'web').spec.rules;
    expect(redirect).toStrictEqual({
      matches: [{ path: { type: 'Exact', value: '/old' } }],
      filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', path: { type: 'ReplaceFullPath', replaceFullPath: '/new' }, statusCode: 301 } }],
    });
    expect(rewrite.filters).toStrictEqual([
      { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-team', value: 'shop' }], remove: ['x-debug'] } },
      { type: 'ResponseHeaderModifier', responseHeaderModifier: { add: [{ name: 'x-served-by', value: 'edge' }] } },
      { type: 'URLRewrite', urlRewrite: { hostname: 'api.internal', path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } },
      { type: 'CORS', cors: { allowOrigins: ['https://shop.example.com'], allowMethods: ['GET'], maxAge: 3600 } },
      { type: 'RequestMirror', requestMirror: { backendRef: { name: 'shadow', port: 8080 }, percent: 5 } },
    ]);
    expect(rewrite.backendRefs).toStrictEqual([{ name: 'web', port: 8080 }]);
  });

  test('HTTPS: a terminating listener with the certificate Secret, and an HTTP listener whose route redirects with a 301', () => {
    const chart = shopChart();
    const exposure = edgeOf(chart).expose('web', { hosts: ['shop.example.com'], tls, backend: web });
    expect(exposure.httpsRedirectPort).toBe(80);
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Gateway', 'edge').spec.listeners).toStrictEqual([
      {
        name: 'web', hostname: 'shop.example.com', port: 443, protocol: 'HTTPS', tls: { mode: 'Terminate', certificateRefs: [{ name: 'shop-cert' }] },
        allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } } },
      },
      {
        name: 'web-redirect', hostname: 'shop.example.com', port: 80, protocol: 'HTTP',
        allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } } },
      },
    ]);
    expect(findObject(objects, 'HTTPRoute', 'web-redirect').spec).toStrictEqual({
      parentRefs: [{ name: 'edge', namespace: 'istio-ingress', sectionName: 'web-redirect' }],
      hostnames: ['shop.example.com'],
      rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
    });
  });

  test('routes in the Gateway\'s namespace need no allowedRoutes; a catch-all host is a listener without hostname', () => {
    const chart = new Chart(Testing.app(), 'edge', { namespace: 'istio-ingress' });
    new KubernetesGateway(chart, 'edge').expose('web', { hosts: ['*'], backend: web });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Gateway', 'edge').spec.listeners).toStrictEqual([{ name: 'web', port: 80, protocol: 'HTTP' }]);
    expect(findObject(objects, 'HTTPRoute', 'web').spec.hostnames).toBeUndefined();
  });

  test('a Service of another namespace gets one ReferenceGrant there, listing each Service the exposure routes to', () => {
    const chart = shopChart();
    const exposure = edgeOf(chart).expose('web', { hosts: ['shop.example.com'], backend: Backend.fromHost('web.frontend.svc.cluster.local', 8080) });
    exposure.addHttpRoute({ matches: [{ path: PathMatch.prefix('/api/') }], destinations: [RouteDestination.to(Backend.fromHost('api.frontend.svc.cluster.local', 9000))] });
    const objects = Testing.synth(chart);
    expect(objectsOfKind(objects, 'ReferenceGrant').map((g) => [g.metadata, g.spec])).toStrictEqual([[
      { name: 'shop-web', namespace: 'frontend' },
      { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }], to: [{ group: '', kind: 'Service', name: 'api' }, { group: '', kind: 'Service', name: 'web' }] },
    ]]);
    expect(findObject(objects, 'HTTPRoute', 'web').spec.rules[1].backendRefs).toStrictEqual([{ name: 'web', namespace: 'frontend', port: 8080 }]);
  });

  test('a host outside the cluster is a Hostname backend of networking.istio.io', () => {
    const chart = shopChart();
    edgeOf(chart).expose('web', { hosts: ['shop.example.com'], backend: Backend.fromHost('legacy.example.org', 443) });
    expect(findObject(Testing.synth(chart), 'HTTPRoute', 'web').spec.rules[0].backendRefs).toStrictEqual([{ group: 'networking.istio.io', kind: 'Hostname', name: 'legacy.example.org', port: 443 }]);
  });
});

describe('GatewayApiExposure: TLS, TCP and gRPC', () => {
  test('TLS passthrough: a TLSRoute per SNI route and one for the backend', () => {
    const chart = shopChart();
    const exposure = edgeOf(chart).expose('db', { hosts: ['*.db.example.com'], protocol: ServerProtocol.TLS, tls: ServerTls.passthrough(), backend: Backend.fromHost('db.shop.svc.cluster.local', 5432) });
    exposure.addTlsRoute({ sniHosts: ['eu.db.example.com'], destinations: [RouteDestination.to(Backend.fromHost('db-eu.shop.svc.cluster.local', 5432))] });
    const routes = objectsOfKind(Testing.synth(chart), 'TLSRoute').map((r) => [r.metadata.name, r.spec.hostnames, r.spec.rules]);
    expect(routes).toStrictEqual([
      ['db', ['*.db.example.com'], [{ backendRefs: [{ name: 'db', port: 5432 }] }]],
      ['db-1', ['eu.db.example.com'], [{ backendRefs: [{ name: 'db-eu', port: 5432 }] }]],
    ]);
  });

  test('TLS passthrough without a backend: only the TLSRoutes of its SNI routes, each with its one rule', () => {
    const chart = shopChart();
    const exposure = edgeOf(chart).expose('db', { hosts: ['*.db.example.com'], protocol: ServerProtocol.TLS, tls: ServerTls.passthrough() });
    expect(exposure.route).toBeUndefined();
    exposure.addTlsRoute({ sniHosts: ['eu.db.example.com'], destinations: [RouteDestination.to(Backend.fromHost('db-eu.shop.svc.cluster.local', 5432))] });
    expect(objectsOfKind(Testing.synth(chart), 'TLSRoute').map((r) => [r.metadata.name, r.spec.rules.length])).toStrictEqual([['db-1', 1]]);
  });

  test('TLS passthrough needs host names: a TLSRoute requires hostnames', () => {
    expect(() => edgeOf(shopChart()).expose('db', { hosts: ['*'], protocol: ServerProtocol.TLS, tls: ServerTls.passthrough(), backend: web }))
      .toThrow(/shop\/edge\/db: invalid hosts "\*": a TLSRoute routes by SNI host name/);
  });

  test('TCP: a TCPRoute with the weighted split', () => {
    const chart = shopChart();
    const exposure = edgeOf(chart).expose('mq', { hosts: ['*'], protocol: ServerProtocol.TCP, port: 5672 });
    exposure.addTcpRoute({ destinations: [RouteDestination.to(Backend.fromHost('mq.shop.svc.cluster.local', 5672), { weight: 3 }), RouteDestination.to(Backend.fromHost('mq-next.shop.svc.cluster.local', 5672), { weight: 1 })] });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'TCPRoute', 'mq').spec.rules).toStrictEqual([{ backendRefs: [{ name: 'mq', port: 5672, weight: 3 }, { name: 'mq-next', port: 5672, weight: 1 }] }]);
    expect(findObject(objects, 'Gateway', 'edge').spec.listeners[0]).toMatchObject({ name: 'mq', port: 5672, protocol: 'TCP' });
  });

  test('gRPC: an HTTP listener and a GRPCRoute to the backend', () => {
    const chart = shopChart();
    edgeOf(chart).expose('cart', { hosts: ['cart.example.com'], protocol: ServerProtocol.GRPC, backend: Backend.fromHost('cart.shop.svc.cluster.local', 9090) });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'GRPCRoute', 'cart').spec.rules).toStrictEqual([{ backendRefs: [{ name: 'cart', port: 9090 }] }]);
    expect(findObject(objects, 'Gateway', 'edge').spec.listeners[0]).toMatchObject({ name: 'cart', port: 80, protocol: 'HTTP' });
  });
});

describe('KubernetesGateway.fromName: a Gateway owned elsewhere', () => {
  test('routes attach by port and no listener is emitted; the analysis takes the Gateway on trust', () => {
    const chart = shopChart();
    const shared = KubernetesGateway.fromName(chart, 'shared', { gatewayName: 'public', namespace: 'istio-ingress' });
    shared.expose('web', { hosts: ['shop.example.com'], protocol: ServerProtocol.HTTPS, port: 443, backend: web, httpsRedirect: false });
    const objects = Testing.synth(chart);
    expect(objects.map((o) => o.kind)).toStrictEqual(['HTTPRoute']);
    expect(objects[0].spec.parentRefs).toStrictEqual([{ name: 'public', namespace: 'istio-ingress', port: 443 }]);
  });

  test('its TLS settings are its owner\'s', () => {
    const shared = KubernetesGateway.fromName(shopChart(), 'shared', { gatewayName: 'public' });
    expect(() => shared.expose('web', { hosts: ['shop.example.com'], tls, backend: web }))
      .toThrow(/shop\/shared\/web: invalid tls "SIMPLE": the TLS settings are those of the listeners of Gateway public, which its owner sets: leave tls out and give the protocol/);
  });
});

describe('GatewayApiExposure: what the standard channel cannot express fails, naming the option and what to use instead', () => {
  const exposure = () => edgeOf(shopChart()).expose('web', { hosts: ['shop.example.com'], backend: web });
  test.each([
    ['fault injection', { fault: { abort: { httpStatus: 503, percent: 10 } } }, /invalid httpRoutes\[0\]\.fault .*the Gateway API's standard channel has no fault: inject faults with the Istio traffic API/],
    ['a direct response', { directResponse: { status: 204 } }, /invalid httpRoutes\[0\]\.directResponse 204: the Gateway API's standard channel has no directResponse/],
    ['retries', { retries: { attempts: 3, retryOn: [RetryOn.GATEWAY_ERROR] } }, /invalid httpRoutes\[0\]\.retries .*has no retries: leave retries out/],
    ['a header prefix match', { matches: [{ headers: { 'x-user': StringMatch.prefix('test-') } }] }, /invalid httpRoutes\[0\]\.matches\[0\]\.headers\["x-user"\] "test-": the Gateway API matches values exactly or by regex/],
    ['a case-insensitive path', { matches: [{ path: PathMatch.prefix('/api'), ignoreUriCase: true }] }, /invalid httpRoutes\[0\]\.matches\[0\]\.ignoreUriCase true: .*case-insensitive regex/],
    ['an origin prefix', { cors: { allowOrigins: [StringMatch.prefix('https://')] } }, /invalid httpRoutes\[0\]\.cors\.allowOrigins\[0\] "https:\/\/": .*use StringMatch\.exact/],
  ])('%s', (_name, options, message) => {
    expect(() => exposure().addHttpRoute(options as any)).toThrow(message);
  });

  test('a subset: a Service per version instead', () => {
    const chart = shopChart();
    const subsets = ServiceSubsets.fromSubsetNames(chart, 'web-versions', { backend: web, subsetNames: ['v1', 'v2'] });
    const exposed = edgeOf(chart).expose('web', { hosts: ['shop.example.com'], backend: web });
    expect(() => exposed.addHttpRoute({ destinations: [RouteDestination.toSubset(subsets, 'v2')] }))
      .toThrow(/invalid httpRoutes\[0\]\.destinations\[0\]\.subset "v2": the Gateway API routes to Services, not to DestinationRule subsets: give each version a Service of its own/);
  });

  test.each([
    ['gatewayName', { gatewayName: 'web' }, /invalid gatewayName "web": .*name it there/],
    ['virtualServiceName', { virtualServiceName: 'web' }, /invalid virtualServiceName "web": .*there is no VirtualService/],
    ['mutual TLS', { tls: ServerTls.mutual({ credentialName: 'shop-cert' }) }, new RegExp(`invalid tls "${TlsMode.MUTUAL}": .*use ServerTls.simple, or the Istio traffic API`)],
    ['TLS versions', { tls: ServerTls.simple({ credentialName: 'shop-cert', maxProtocolVersion: 'TLSV1_3' as any }) }, /a Gateway API listener has no TLS versions/],
    ['HTTP2', { protocol: ServerProtocol.HTTP2 }, /invalid protocol "HTTP2": a Gateway API HTTP listener serves HTTP\/1.1 and HTTP\/2 alike: use ServerProtocol.HTTP/],
  ])('%s', (_name, options, message) => {
    expect(() => edgeOf(shopChart()).expose('web', { hosts: ['shop.example.com'], backend: web, ...(options as any) })).toThrow(message);
  });
});

describeWithCrds('GatewayApiExposure: every object is valid against its CRD and the synth-time analysis finds nothing', () => {
  test('an app using every route kind', () => {
    const chart = shopChart();
    const edge = edgeOf(chart);
    const https = edge.expose('web', { hosts: ['shop.example.com'], tls, backend: Backend.fromHost('web.frontend.svc.cluster.local', 8080) });
    https.addHttpRoute({ matches: [{ path: PathMatch.prefix('/api/') }], rewrite: { uri: '/' }, destinations: [RouteDestination.to(Backend.fromHost('api.shop.svc.cluster.local', 9000))] });
    edge.expose('db', { hosts: ['db.example.com'], protocol: ServerProtocol.TLS, tls: ServerTls.passthrough(), backend: Backend.fromHost('api.shop.svc.cluster.local', 9000) });
    edge.expose('mq', { hosts: ['*'], protocol: ServerProtocol.TCP, port: 5672, backend: Backend.fromHost('api.shop.svc.cluster.local', 9000) });
    const services = ['web.frontend', 'api.shop'].map((full) => {
      const [name, namespace] = full.split('.');
      return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports: [{ name: 'http', port: 8080 }, { name: 'tcp-api', port: 9000 }] } };
    });
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'shop-cert', namespace: 'istio-ingress' } };
    const objects = Testing.synth(chart);
    expectValidAgainstCrds(new CrdValidator(), objects);
    const { analyze } = require('../../src/rules/analyze');
    expect(analyze([...objects, ...services, secret], { defaultGateway: false })).toStrictEqual([]);
  });
});
