import { FindingLevel, KubeObject } from '../../../src/rules/finding';
import { IstioRelease } from '../../../src/rules/istio-release';
import { checkObject } from '../../../src/rules/webhook';
import { istio } from './rule-table';

/**
 * A rule whose verdict changes at `changesIn`: the object is refused with `message` on one side
 * of it and admitted (with no finding at all) on the other.
 */
interface ReleaseCase {
  readonly rule: string;
  readonly object: KubeObject;
  readonly changesIn: IstioRelease;
  /** True when releases from `changesIn` on refuse the object; false when they admit it. */
  readonly refusedFrom: boolean;
  readonly message: RegExp;
}

const destination = { host: 'shop.edge.svc.cluster.local', port: { number: 8080 } };
const route = { route: [{ destination }] };
const vs = (spec: any) => istio('VirtualService', { hosts: ['shop.example.com'], gateways: ['edge/shop'], ...spec });
const match = (m: any, extra: any = route) => vs({ http: [{ ...extra, match: [m] }] });
const rootMatch = (m: any) => match(m, { delegate: { name: 'shop-api', namespace: 'edge' } });
const split = (weights: number[]) => vs({ http: [{ route: weights.map((weight, i) => ({ destination: { host: `shop-${i}` }, weight })) }] });
const gatewayTls = (tls: any) => istio('Gateway', { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['shop.example.com'], tls }] });
const policy = (trafficPolicy: any) => istio('DestinationRule', { host: 'shop.edge.svc.cluster.local', trafficPolicy });
const warmup = istio('DestinationRule', { host: 'shop.edge.svc.cluster.local', trafficPolicy: { loadBalancer: { simple: 'LEAST_REQUEST', warmup: { duration: '60s' } } } });
const dynamic = (port: any, spec: any = {}) => istio('ServiceEntry', { hosts: ['*.example.com'], ports: [port], resolution: 'DYNAMIC_DNS', ...spec });
const http = { number: 80, name: 'http', protocol: 'HTTP' };
const before = (release: IstioRelease) => IstioRelease.of(release.major, release.minor - 1);
const redirect = (r: any, m: any = { uri: { prefix: '/old' } }) => vs({ http: [{ match: [m], redirect: r }] });
const sidecar = (spec: any) => istio('Sidecar', spec);
const keepAlive = (k: any) => policy({ connectionPool: { http: { http2KeepAlive: k } } });

const CASES: ReleaseCase[] = [
  // validation_test.go TestValidateHTTPRoute and TestValidateTCPRoute at 1.14.0 ("total weight != 100"); from 1.15 weights are relative
  { rule: 'relative HTTP weights', object: split([3, 1]), changesIn: IstioRelease.of(1, 15), refusedFrom: false, message: /spec.http\[0\].route: the destinations' weights add up to 4, and Istio 1.14 requires 100/ },
  { rule: 'relative TCP weights', object: vs({ tcp: [{ route: [{ destination, weight: 1 }, { destination: { host: 'b' }, weight: 1 }] }] }), changesIn: IstioRelease.of(1, 15), refusedFrom: false, message: /spec.tcp\[0\].route: the destinations' weights add up to 2/ },
  { rule: 'a weight over 100', object: split([150, 0]), changesIn: IstioRelease.of(1, 15), refusedFrom: false, message: /spec.http\[0\].route\[0\].weight: weight 150 must be at most 100 for Istio 1.14/ },
  // virtualservice_test.go TestValidateRootHTTPRoute "regex uri match" was invalid until 8f6bf4c282a
  { rule: 'regex in a delegating route', object: rootMatch({ uri: { regex: '/api/.*' } }), changesIn: IstioRelease.of(1, 15), refusedFrom: false, message: /spec.http\[0\].match\[0\].uri: Istio 1.14 does not allow regex matches in delegating or delegate routes/ },
  { rule: 'regex in a delegate', object: istio('VirtualService', { http: [{ ...route, match: [{ queryParams: { id: { regex: '[0-9]+' } } }] }] }), changesIn: IstioRelease.of(1, 15), refusedFrom: false, message: /queryParams.id: Istio 1.14 does not allow regex matches/ },
  { rule: 'invalid regex in a delegating route', object: rootMatch({ uri: { regex: '/api/(' } }), changesIn: IstioRelease.of(1, 22), refusedFrom: true, message: /spec.http\[0\].match\[0\].uri.regex: regex "\/api\/\(" is invalid/ },
  // validation_test.go TestValidateHTTPRoute "empty prefix header match" (9247d82d569); virtualservice_test.go "empty prefix match in method" (35010a657c1)
  { rule: 'empty header prefix', object: match({ headers: { 'x-a': { prefix: '' } } }), changesIn: IstioRelease.of(1, 18), refusedFrom: true, message: /headers.x-a.prefix: a prefix match cannot be empty/ },
  { rule: 'empty method prefix', object: match({ method: { prefix: '' } }), changesIn: IstioRelease.of(1, 22), refusedFrom: true, message: /method.prefix: a prefix match cannot be empty/ },
  { rule: 'withoutHeaders regex', object: match({ withoutHeaders: { 'x-a': { regex: '?' } } }), changesIn: IstioRelease.of(1, 22), refusedFrom: true, message: /withoutHeaders.x-a.regex: regex "\?" is invalid/ },
  { rule: 'OPTIONAL_MUTUAL', object: gatewayTls({ mode: 'OPTIONAL_MUTUAL', credentialName: 'shop-cert' }), changesIn: IstioRelease.of(1, 19), refusedFrom: false, message: /spec.servers\[0\].tls.mode: TLS mode OPTIONAL_MUTUAL needs Istio 1.19 or later, not 1.18: use MUTUAL/ },
  { rule: 'mirrors', object: vs({ http: [{ ...route, mirrors: [{ destination }] }] }), changesIn: IstioRelease.of(1, 20), refusedFrom: false, message: /spec.http\[0\].mirrors: mirrors needs Istio 1.20 or later, not 1.19: use mirror, with one destination/ },
  { rule: 'warmup', object: warmup, changesIn: IstioRelease.of(1, 24), refusedFrom: false, message: /spec.trafficPolicy.loadBalancer.warmup: warmup needs Istio 1.24 or later, not 1.23: use warmupDurationSecs/ },
  { rule: 'credentialNames', object: gatewayTls({ mode: 'SIMPLE', credentialNames: ['rsa', 'ec'] }), changesIn: IstioRelease.of(1, 27), refusedFrom: false, message: /spec.servers\[0\].tls.credentialNames: credentialNames needs Istio 1.27 or later, not 1.26: use credentialName/ },
  { rule: 'tlsCertificates', object: gatewayTls({ mode: 'SIMPLE', tlsCertificates: [{ serverCertificate: '/c', privateKey: '/k' }] }), changesIn: IstioRelease.of(1, 27), refusedFrom: false, message: /tls.tlsCertificates: tlsCertificates needs Istio 1.27 or later, not 1.26: use serverCertificate and privateKey/ },
  { rule: 'DYNAMIC_DNS', object: dynamic(http), changesIn: IstioRelease.of(1, 28), refusedFrom: false, message: /spec.resolution: resolution DYNAMIC_DNS needs Istio 1.28 or later, not 1.27: use DNS with the hosts named/ },
  { rule: 'DYNAMIC_DNS for TLS', object: dynamic({ number: 443, name: 'tls', protocol: 'TLS' }), changesIn: IstioRelease.of(1, 29), refusedFrom: false, message: /spec.ports\[0\].protocol: resolution DYNAMIC_DNS supports only HTTP ports in Istio 1.28, not "TLS"/ },
  { rule: 'DYNAMIC_DNS for GRPC', object: dynamic({ number: 9090, name: 'grpc', protocol: 'GRPC' }), changesIn: IstioRelease.of(1, 30), refusedFrom: false, message: /resolution DYNAMIC_DNS supports only HTTP and TLS ports in Istio 1.29, not "GRPC"/ },
  { rule: 'DYNAMIC_DNS inside the mesh', object: dynamic(http, { location: 'MESH_INTERNAL' }), changesIn: IstioRelease.of(1, 30), refusedFrom: false, message: /spec.location: resolution DYNAMIC_DNS needs location MESH_EXTERNAL in Istio 1.29/ },
  // fields that arrived after 1.10 (release-history.ts): refused for the releases before
  ...[
    { rule: 'failoverPriority', object: policy({ outlierDetection: { consecutive5xxErrors: 1 }, loadBalancer: { localityLbSetting: { failoverPriority: ['topology.kubernetes.io/region'] } } }), changesIn: IstioRelease.of(1, 12), message: /spec.trafficPolicy.loadBalancer.localityLbSetting.failoverPriority: failoverPriority needs Istio 1.12 or later, not 1.11: use failover/ },
    { rule: 'warmupDurationSecs', object: policy({ loadBalancer: { simple: 'LEAST_REQUEST', warmupDurationSecs: '60s' } }), changesIn: IstioRelease.of(1, 14), message: /loadBalancer.warmupDurationSecs: warmupDurationSecs needs Istio 1.14 or later, not 1.13: leave it out/ },
    { rule: 'directResponse', object: vs({ http: [{ directResponse: { status: 503 } }] }), changesIn: IstioRelease.of(1, 15), message: /spec.http\[0\].directResponse: directResponse needs Istio 1.15 or later, not 1.14/ },
    { rule: 'tunnel', object: policy({ tunnel: { protocol: 'CONNECT', targetHost: 'proxy.example.com', targetPort: 3128 } }), changesIn: IstioRelease.of(1, 15), message: /spec.trafficPolicy.tunnel: tunnel needs Istio 1.15/ },
    { rule: 'maxConnectionDuration', object: policy({ connectionPool: { tcp: { maxConnectionDuration: '1h' } } }), changesIn: IstioRelease.of(1, 15), message: /connectionPool.tcp.maxConnectionDuration: maxConnectionDuration needs Istio 1.15/ },
    { rule: 'maglev', object: policy({ loadBalancer: { consistentHash: { useSourceIp: true, maglev: { tableSize: 65537 } } } }), changesIn: IstioRelease.of(1, 16), message: /consistentHash.maglev: maglev needs Istio 1.16 or later, not 1.15: use ringHash/ },
    { rule: 'uriRegexRewrite', object: vs({ http: [{ ...route, rewrite: { uriRegexRewrite: { match: '^/v1/', rewrite: '/v2/' } } }] }), changesIn: IstioRelease.of(1, 19), message: /spec.http\[0\].rewrite.uriRegexRewrite: uriRegexRewrite needs Istio 1.19 or later, not 1.18: use uri/ },
    { rule: 'proxyProtocol', object: policy({ proxyProtocol: { version: 'V2' } }), changesIn: IstioRelease.of(1, 21), message: /spec.trafficPolicy.proxyProtocol: proxyProtocol needs Istio 1.21/ },
    { rule: 'maxConcurrentStreams', object: policy({ connectionPool: { http: { maxConcurrentStreams: 100 } } }), changesIn: IstioRelease.of(1, 21), message: /connectionPool.http.maxConcurrentStreams: maxConcurrentStreams needs Istio 1.21/ },
    { rule: 'server caCrl', object: gatewayTls({ mode: 'MUTUAL', serverCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem', caCrl: '/crl.pem' }), changesIn: IstioRelease.of(1, 22), message: /spec.servers\[0\].tls.caCrl: caCrl needs Istio 1.22/ },
    { rule: 'client caCrl', object: policy({ tls: { mode: 'SIMPLE', caCertificates: '/ca.pem', caCrl: '/crl.pem' } }), changesIn: IstioRelease.of(1, 22), message: /spec.trafficPolicy.tls.caCrl: caCrl needs Istio 1.22/ },
    // Istio main after 1.30, judged as 1.31 (IstioRelease.MAIN)
    // validation_test.go TestValidateHTTPRoute "prefix_rewrite redirect with prefix URI match"
    { rule: 'redirect prefixRewrite', object: redirect({ prefixRewrite: '/new' }), changesIn: IstioRelease.MAIN, message: /spec.http\[0\].redirect.prefixRewrite: prefixRewrite needs Istio 1.31 or later, not 1.30: use uri/ },
    // validation_test.go TestValidateConnectionPool "valid connection pool, http2 keepalive"
    { rule: 'http2KeepAlive', object: keepAlive({ interval: '15s', timeout: '5s' }), changesIn: IstioRelease.MAIN, message: /connectionPool.http.http2KeepAlive: http2KeepAlive needs Istio 1.31 or later, not 1.30/ },
    // validation_test.go TestValidateLoadBalancer "valid: zoneAwareLbSetting only"
    { rule: 'zoneAwareLbSetting', object: policy({ loadBalancer: { zoneAwareLbSetting: { failover: [{ from: 'us-east', to: 'eu-west' }] } } }), changesIn: IstioRelease.MAIN, message: /loadBalancer.zoneAwareLbSetting: zoneAwareLbSetting needs Istio 1.31 or later, not 1.30: use localityLbSetting/ },
    // validation_test.go TestValidateSidecar "import all except a namespace"
    { rule: 'Sidecar egress namespace exclusion', object: sidecar({ egress: [{ hosts: ['*/*', '~ns1/*'] }] }), changesIn: IstioRelease.MAIN, message: /spec.egress\[0\].hosts\[1\]: invalid namespace "~ns1" in host "~ns1\/\*"/ },
    { rule: 'retryBudget', object: policy({ retryBudget: { percent: { value: 20 }, minRetryConcurrency: 3 } }), changesIn: IstioRelease.of(1, 27), message: /spec.trafficPolicy.retryBudget: retryBudget needs Istio 1.27/ },
  ].map((c) => ({ ...c, refusedFrom: false })),
];

describe('admission rules by Istio release', () => {
  test.each(CASES.map((c) => [c.rule, c.changesIn.toString(), c] as const))('%s changes in %s', (_rule, _release, c) => {
    const [refusing, admitting] = c.refusedFrom ? [c.changesIn, before(c.changesIn)] : [before(c.changesIn), c.changesIn];
    expect(checkObject(c.object, admitting)).toStrictEqual([]);
    const refused = checkObject(c.object, refusing);
    expect(refused.map((f) => f.message)).toContainEqual(expect.stringMatching(c.message));
    expect(refused.find((f) => c.message.test(f.message))).toMatchObject({ code: 'IST0106', level: FindingLevel.ERROR, kind: c.object.kind, name: 'example' });
  });

  // Rules of Istio main that refuse, at 1.31, an object that 1.30 refuses for another reason: the field is unknown there.
  test.each([
    // validation_test.go TestValidateHTTPRedirect "uri and prefix_rewrite mutually exclusive"
    ['uri and prefixRewrite', redirect({ uri: '/old', prefixRewrite: '/new' }), /spec.http\[0\].redirect: a redirect may set uri or prefixRewrite, not both/, /prefixRewrite needs Istio 1.31/],
    // validation_test.go TestValidateHTTPRoute "prefix_rewrite redirect with exact URI match is invalid"
    ['prefixRewrite after an exact match', redirect({ prefixRewrite: '/new' }, { uri: { exact: '/old' } }), /redirect.prefixRewrite: a redirect with prefixRewrite needs every URI match to be a prefix match/, /prefixRewrite needs Istio 1.31/],
    // validation_test.go TestValidateConnectionPool "invalid connection pool, http2 keepalive without timeout"
    ['http2KeepAlive without timeout', keepAlive({ interval: '15s' }), /connectionPool.http.http2KeepAlive: timeout is required/, /http2KeepAlive needs Istio 1.31/],
    // validation_test.go TestValidateConnectionPool "invalid connection pool, bad http2 keepalive interval"
    ['bad http2KeepAlive interval', keepAlive({ interval: '15.000000005s', timeout: '5s' }), /http2KeepAlive.interval: .*15.000000005s/, /http2KeepAlive needs Istio 1.31/],
    // validation_test.go TestValidateLoadBalancer "invalid: localityLbSetting and zoneAwareLbSetting both set"
    ['localityLbSetting and zoneAwareLbSetting', policy({ loadBalancer: { localityLbSetting: {}, zoneAwareLbSetting: {} } }), /spec.trafficPolicy.loadBalancer: set localityLbSetting or zoneAwareLbSetting, not both/, /zoneAwareLbSetting needs Istio 1.31/],
  ])('%s is refused at 1.31 by its rule, at 1.30 as unknown', (_rule, object, atMain, atLatest) => {
    const messages = (release: IstioRelease) => checkObject(object, release).filter((f) => f.code === 'IST0106').map((f) => f.message);
    expect(messages(IstioRelease.MAIN)).toContainEqual(expect.stringMatching(atMain));
    expect(messages(IstioRelease.LATEST)).toContainEqual(expect.stringMatching(atLatest));
    expect(messages(IstioRelease.LATEST)).not.toContainEqual(expect.stringMatching(atMain));
  });

  test('a Sidecar host exclusion stands beside */* from 1.31; before, ~ is a namespace of its own', () => {
    // validation_test.go TestValidateSidecar "import all except an exact host"
    const excluding = sidecar({ egress: [{ hosts: ['*/*', '~/foo.com'] }] });
    expect(checkObject(excluding, IstioRelease.MAIN)).toStrictEqual([]);
    expect(checkObject(excluding, IstioRelease.LATEST)).toMatchObject([{ code: 'IST0133', level: FindingLevel.WARNING, message: expect.stringMatching(/"\*\/\*" already selects every host/) }]);
    // validation_test.go TestValidateSidecar "exclude with invalid namespace"
    expect(checkObject(sidecar({ egress: [{ hosts: ['*/*', '~Invalid_NS/*'] }] }), IstioRelease.MAIN).map((f) => f.message)).toContainEqual(expect.stringMatching(/invalid namespace "~Invalid_NS"/));
    expect(checkObject(sidecar({ egress: [{ hosts: ['*/*', '~~/foo.com'] }] }), IstioRelease.MAIN).map((f) => f.message)).toContainEqual(expect.stringMatching(/invalid namespace "~~"/));
  });

  test('ALLOW_ANY_DYNAMIC_DNS is no Sidecar outbound mode at any release', () => {
    // validation_test.go TestValidateSidecar "ALLOW_ANY_DYNAMIC_DNS rejected in sidecar"
    const object = sidecar({ outboundTrafficPolicy: { mode: 'ALLOW_ANY_DYNAMIC_DNS' } });
    for (const release of [IstioRelease.OLDEST, IstioRelease.LATEST, IstioRelease.MAIN]) {
      expect(checkObject(object, release)).toMatchObject([{ code: 'IST0106', message: expect.stringMatching(/spec.outboundTrafficPolicy.mode: mode ALLOW_ANY_DYNAMIC_DNS is a mesh-wide mode/) }]);
    }
  });

  test('releases after 1.31 are judged by its rules', () => {
    expect(IstioRelease.MAIN.toString()).toBe('1.31');
    expect(checkObject(keepAlive({ interval: '15s' }), IstioRelease.of(1, 32))).toStrictEqual(checkObject(keepAlive({ interval: '15s' }), IstioRelease.MAIN));
  });

  test('the default target is the latest release', () => {
    expect(checkObject(split([3, 1]))).toStrictEqual(checkObject(split([3, 1]), IstioRelease.LATEST));
    expect(checkObject(dynamic(http))).toStrictEqual([]);
  });

  test('the oldest target still judges what did not change', () => {
    expect(checkObject(split([60, 40]), IstioRelease.OLDEST)).toStrictEqual([]);
    expect(checkObject(split([0, 0]), IstioRelease.OLDEST).map((f) => f.message)).toStrictEqual([
      "spec.http[0].route: the destinations' weights add up to 0, and Istio 1.10 requires 100 when a route has several destinations (1.15 and later read weights as relative)",
    ]);
  });
});
