import { Chart, Duration, Testing } from 'cdk8s';
import {
  Backend, ExternalService, GatewayReplicas, IstioAnalysis, ExternalServiceEndpoint, ExternalServicePort, ExternalServiceProtocol, ExternalServiceResolution, HttpRouteOptions,
  IngressGateway, PathMatch, RetryOn, RouteDestination, ServerProtocol, ServerTls, ServiceSubsets, StringMatch, TlsVersion,
} from '../src';
import { httpRouteAnswerFindings } from '../src/rules/analysis/http-route-answers';
import { httpRoutePathFindings } from '../src/rules/analysis/http-route-paths';
import { serverTlsFindings } from '../src/rules/analysis/server-tls-settings';
import { Finding, FindingLevel, KubeObject } from '../src/rules/finding';
import { checkSchema } from '../src/rules/schema/check-schema';
import { checkObject } from '../src/rules/webhook';

/**
 * One construct-time check and the admission rule it stands for, run on the same values: the
 * construct must refuse exactly what the rule rejects (an Error finding), and admit what the rule
 * admits, warnings included. Issue 11: the constructs ran a second set of checks that disagreed.
 * The rules are Istio's (schema and admission) and the project's own per-object rules (CIG02xx)
 * for what Istio admits but cannot work.
 */
interface ParityCase<T> {
  /** The check, as the construct and the field name it. */
  readonly check: string;
  /** Values the rule admits and values it rejects: the table needs both, unless `warnsOnly`. */
  readonly values: readonly T[];
  /** The rule rejects none of the values and warns about some: the construct must admit them all. */
  readonly warnsOnly?: boolean;
  /** Builds the construct with `value` and synthesizes it; throws when the construct refuses it. */
  readonly construct: (value: T) => void;
  /** The objects a construct would emit with `value`, as the rule reads them. */
  readonly objects: (value: T) => KubeObject[];
}

const NETWORKING = 'networking.istio.io/v1beta1';
const GATEWAY_HOST = 'shop.example.com';
const backend = Backend.fromHost('web.shop.svc.cluster.local', 8080);

function gateway(servers: object[]): KubeObject {
  return { apiVersion: NETWORKING, kind: 'Gateway', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { istio: 'ingressgateway' }, servers } };
}

function virtualService(spec: object): KubeObject {
  return { apiVersion: NETWORKING, kind: 'VirtualService', metadata: { name: 'web', namespace: 'shop' }, spec: { hosts: [GATEWAY_HOST], gateways: ['web'], ...spec } };
}

function httpRoute(route: object): KubeObject {
  return virtualService({ http: [{ route: [{ destination: { host: 'web.shop.svc.cluster.local', port: { number: 8080 } } }], ...route }] });
}

function serviceEntry(spec: object): KubeObject {
  return { apiVersion: NETWORKING, kind: 'ServiceEntry', metadata: { name: 'ext', namespace: 'shop' }, spec: { hosts: ['api.example.com'], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }], resolution: 'DNS', ...spec } };
}

/**
 * A chart whose objects the synth-time analysis leaves alone, so that synthesizing it shows
 * what the construct itself refuses, including what it checks only at synth.
 */
function chartWithoutAnalysis(): Chart {
  const chart = Testing.chart();
  IstioAnalysis.suppress(chart, '*');
  return chart;
}

function addHttpRoute(options: HttpRouteOptions): void {
  const chart = chartWithoutAnalysis();
  const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
  mesh.expose('web', { hosts: [GATEWAY_HOST], port: 80, backend, namespace: 'shop' }).addHttpRoute(options);
  Testing.synth(chart);
}

function expose(hosts: string[], protocol: ServerProtocol, tls?: ServerTls): void {
  const chart = chartWithoutAnalysis();
  const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
  mesh.expose('web', { hosts, port: 443, protocol, tls, backend, namespace: 'shop' });
  Testing.synth(chart);
}

interface ExternalServiceValue {
  readonly hosts?: string[];
  readonly resolution?: ExternalServiceResolution;
  readonly endpoints?: ExternalServiceEndpoint[];
  readonly addresses?: string[];
  readonly ports?: ExternalServicePort[];
  readonly exportTo?: string[];
}

const REGEXES = [
  '/users/(?P<id>[0-9]+)', '(?i:abc)', '(?<id>x)', '(?P<v>a)|(?P<v>b)', `/${'a'.repeat(1099)}`, 'a'.repeat(1024), 'é'.repeat(513),
  '\\p{greek}', '\\p{Old_Italic}', '\\p{Garay}', '(?=a)', '(a)\\1', '[a-', 'a\\Z', '\\z', `(?:${'a*'.repeat(505)}){1000}`,
];

const HOSTS = ['shop.example.com', '*.example.com', '*', 'foo.123', 'shop', '*foo.example.com', 'app.example.com.', 'foo_bar.example.com', 'a..b', '10.0.0.1', 'ns/shop.example.com'];

/** One forwarding setting of a route, as options and as the L1 fields they emit. */
const SHADOW = 'shadow.shop.svc.cluster.local';
const FORWARDING_OPTIONS: { [setting: string]: HttpRouteOptions } = {
  timeout: { timeout: Duration.seconds(2) },
  retries: { retries: { attempts: 2 } },
  mirror: { mirror: { destination: RouteDestination.to(Backend.fromHost(SHADOW, 80)) } },
  destinations: { destinations: [RouteDestination.to(backend)] },
  fault: { fault: { abort: { httpStatus: 503 } } },
  rewrite: { rewrite: { uri: '/v2' } },
};
const FORWARDING_FIELDS: { [setting: string]: object } = {
  timeout: { timeout: '2s' },
  retries: { retries: { attempts: 2 } },
  mirror: { mirror: { host: SHADOW, port: { number: 80 } }, mirrorPercentage: { value: 100 } },
  destinations: { route: [{ destination: { host: 'web.shop.svc.cluster.local', port: { number: 8080 } } }] },
  fault: { fault: { abort: { httpStatus: 503, percentage: { value: 100 } } } },
  rewrite: { rewrite: { uri: '/v2' } },
};

/** The match fields that hold string matches by name. */
const CONDITIONS = ['headers', 'withoutHeaders', 'queryParams'];

const CASES: ReadonlyArray<ParityCase<any>> = [
  {
    check: 'StringMatch.regex in a header match',
    values: REGEXES,
    construct: (regex: string) => addHttpRoute({ matches: [{ headers: { 'x-id': StringMatch.regex(regex) } }] }),
    objects: (regex: string) => [httpRoute({ match: [{ headers: { 'x-id': { regex } } }] })],
  },
  {
    check: 'PathMatch.regex',
    values: REGEXES,
    construct: (regex: string) => addHttpRoute({ matches: [{ path: PathMatch.regex(regex) }] }),
    objects: (regex: string) => [httpRoute({ match: [{ uri: { regex } }] })],
  },
  {
    check: 'HttpRewrite.uriRegex',
    values: REGEXES.filter((regex) => regex !== ''),
    construct: (regex: string) => addHttpRoute({ rewrite: { uriRegex: regex, uriRegexReplacement: '/' } }),
    objects: (regex: string) => [httpRoute({ rewrite: { uriRegexRewrite: { match: regex, rewrite: '/' } } })],
  },
  {
    check: 'Exposure hosts (Gateway server and VirtualService)',
    values: HOSTS,
    construct: (host: string) => expose([host], ServerProtocol.HTTP),
    objects: (host: string) => [
      gateway([{ hosts: [host], port: { number: 443, name: 'http', protocol: 'HTTP' } }]),
      virtualService({ hosts: [host], http: [{ route: [{ destination: { host: 'web.shop.svc.cluster.local', port: { number: 8080 } } }] }] }),
    ],
  },
  {
    check: 'Exposure protocol and TLS settings',
    values: [
      [ServerProtocol.HTTP, undefined], [ServerProtocol.HTTPS, undefined], [ServerProtocol.TLS, undefined], [ServerProtocol.TCP, undefined],
      [ServerProtocol.HTTPS, 'simple'], [ServerProtocol.TLS, 'passthrough'], [ServerProtocol.HTTP2, 'simple'], [ServerProtocol.TCP, 'simple'],
      [ServerProtocol.HTTP, 'passthrough'], [ServerProtocol.HTTP2, 'passthrough'], [ServerProtocol.TCP, 'passthrough'], [ServerProtocol.HTTP, 'simple'],
    ],
    construct: ([protocol, tls]: [ServerProtocol, string | undefined]) => expose([GATEWAY_HOST], protocol,
      tls === undefined ? undefined : tls === 'simple' ? ServerTls.simple({ credentialName: 'cert' }) : ServerTls.passthrough()),
    objects: ([protocol, tls]: [ServerProtocol, string | undefined]) => [gateway([{
      hosts: [GATEWAY_HOST], port: { number: 443, name: 'web', protocol },
      tls: tls === undefined ? undefined : tls === 'simple' ? { mode: 'SIMPLE', credentialName: 'cert' } : { mode: 'PASSTHROUGH' },
    }])],
  },
  {
    check: 'ServerTls cipher suites and versions',
    warnsOnly: true,
    values: [
      [undefined, undefined], [TlsVersion.TLSV1_0, undefined], [TlsVersion.TLSV1_1, ['AES128-SHA']], [undefined, ['AES 128']],
      [undefined, ['AES128-SHA', 'AES128-SHA']], [undefined, []], [undefined, ['[ECDHE-ECDSA-AES128-GCM-SHA256|ECDHE-RSA-AES128-GCM-SHA256]']],
    ],
    construct: ([minProtocolVersion, cipherSuites]: [TlsVersion | undefined, string[] | undefined]) =>
      expose([GATEWAY_HOST], ServerProtocol.HTTPS, ServerTls.simple({ credentialName: 'cert', minProtocolVersion, cipherSuites })),
    objects: ([minProtocolVersion, cipherSuites]: [TlsVersion | undefined, string[] | undefined]) => [gateway([{
      hosts: [GATEWAY_HOST], port: { number: 443, name: 'https', protocol: 'HTTPS' },
      tls: { mode: 'SIMPLE', credentialName: 'cert', minProtocolVersion: minProtocolVersion ?? 'TLSV1_2', cipherSuites },
    }])],
  },
  {
    check: 'ServerTls version range (CIG0201)',
    values: [
      [TlsVersion.TLSV1_2, TlsVersion.TLSV1_3], [TlsVersion.TLSV1_2, TlsVersion.TLSV1_2], [TlsVersion.TLSV1_3, TlsVersion.TLSV1_2],
      [TlsVersion.TLSV1_2, TlsVersion.TLSV1_0], [TlsVersion.TLS_AUTO, TlsVersion.TLSV1_0], [TlsVersion.TLSV1_3, TlsVersion.TLS_AUTO],
    ],
    construct: ([minProtocolVersion, maxProtocolVersion]: [TlsVersion, TlsVersion]) =>
      expose([GATEWAY_HOST], ServerProtocol.HTTPS, ServerTls.simple({ credentialName: 'cert', minProtocolVersion, maxProtocolVersion })),
    objects: ([minProtocolVersion, maxProtocolVersion]: [TlsVersion, TlsVersion]) => [gateway([{
      hosts: [GATEWAY_HOST], port: { number: 443, name: 'https', protocol: 'HTTPS' },
      tls: { mode: 'SIMPLE', credentialName: 'cert', minProtocolVersion, maxProtocolVersion },
    }])],
  },
  {
    check: 'ServerTls credentialName (CIG0203)',
    values: ['shop-cert', 'shop.cert', 'kubernetes://shop-cert', 'kubernetes://istio-system/shop-cert', 'istio-system/shop-cert', 'builtin://', 'Shop_Cert', 'kubernetes://Shop/cert', 'a/b/c'],
    construct: (credentialName: string) => expose([GATEWAY_HOST], ServerProtocol.HTTPS, ServerTls.simple({ credentialName })),
    objects: (credentialName: string) => [gateway([{
      hosts: [GATEWAY_HOST], port: { number: 443, name: 'https', protocol: 'HTTPS' },
      tls: { mode: 'SIMPLE', credentialName, minProtocolVersion: 'TLSV1_2' },
    }])],
  },
  {
    check: 'Backend hosts',
    values: ['web.shop.svc.cluster.local', 'web', '*.example.com', '*', 'foo.123', 'a..b', 'foo_bar.example.com'],
    construct: (host: string) => addHttpRoute({ destinations: [RouteDestination.to(Backend.fromHost(host, 80))] }),
    objects: (host: string) => [virtualService({ http: [{ route: [{ destination: { host, port: { number: 80 } } }] }] })],
  },
  {
    check: 'Redirect code and path (CIG0204, CIG0205)',
    values: [[301, '/v2'], [308, '/v2'], [300, '/v2'], [304, '/v2'], [399, '/v2'], [400, '/v2'], [301, 'v2'], [301, 'https://x']],
    construct: ([redirectCode, uri]: [number, string]) => addHttpRoute({ redirect: { uri, redirectCode } }),
    objects: ([redirectCode, uri]: [number, string]) => [virtualService({ http: [{ redirect: { uri, redirectCode } }] })],
  },
  {
    check: 'Forwarding settings on a route that answers itself (CIG0208)',
    values: ['timeout', 'retries', 'mirror', 'destinations', 'fault', 'rewrite'],
    construct: (setting: string) => addHttpRoute({ directResponse: { status: 204 }, ...FORWARDING_OPTIONS[setting] }),
    objects: (setting: string) => [virtualService({ http: [{ directResponse: { status: 204 }, ...FORWARDING_FIELDS[setting] }] })],
  },
  {
    check: 'Rewrite regex replacement',
    values: ['/', '/\\1', ''],
    construct: (uriRegexReplacement: string) => addHttpRoute({ rewrite: { uriRegex: '^/v1/(.*)$', uriRegexReplacement } }),
    objects: (rewrite: string) => [httpRoute({ rewrite: { uriRegexRewrite: { match: '^/v1/(.*)$', rewrite } } })],
  },
  {
    check: 'Rewrite path (CIG0206)',
    warnsOnly: true,
    values: ['/v2', '/', 'v2', 'v2/'],
    construct: (uri: string) => addHttpRoute({ rewrite: { uri } }),
    objects: (uri: string) => [httpRoute({ rewrite: { uri } })],
  },
  {
    check: 'TLS route SNI hosts (exposure of *.db.example.com)',
    values: ['green.db.example.com', '*.db.example.com', 'db.example.com', 'db.example.org', 'foo.123', '10.0.0.1', 'a_b.db.example.com'],
    construct: (sni: string) => {
      const chart = chartWithoutAnalysis();
      const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
      const dbs = mesh.expose('dbs', { hosts: ['*.db.example.com'], port: 443, protocol: ServerProtocol.TLS, tls: ServerTls.passthrough() });
      dbs.addTlsRoute({ sniHosts: [sni], destinations: [RouteDestination.to(backend)] });
      Testing.synth(chart);
    },
    objects: (sni: string) => [virtualService({
      hosts: ['*.db.example.com'],
      tls: [{ match: [{ port: 443, sniHosts: [sni] }], route: [{ destination: { host: 'web.shop.svc.cluster.local', port: { number: 8080 } } }] }],
    })],
  },
  {
    check: 'ExternalService (the ServiceEntry rules)',
    values: [
      {}, { hosts: ['foo.123'] }, { hosts: ['*'] }, { hosts: ['*.example.com'] }, { hosts: ['*.example.com'], resolution: ExternalServiceResolution.NONE },
      { hosts: ['*.example.com'], endpoints: [{ address: 'edge.example.com' }] }, { resolution: ExternalServiceResolution.STATIC },
      { resolution: ExternalServiceResolution.STATIC, endpoints: [{ address: 'db.example.com' }] }, { resolution: ExternalServiceResolution.STATIC, endpoints: [{ address: '10.0.0.1' }] },
      { resolution: ExternalServiceResolution.NONE, endpoints: [{ address: '10.0.0.1' }] },
      { resolution: ExternalServiceResolution.DNS_ROUND_ROBIN, endpoints: [{ address: 'a.example.com' }, { address: 'b.example.com' }] },
      { addresses: ['10.0.0.0/16'] }, { addresses: ['10.0.0.0/16'], resolution: ExternalServiceResolution.NONE }, { addresses: ['10.0.0'] },
      { ports: [] }, { ports: [{ number: 443, protocol: ExternalServiceProtocol.HTTPS }, { number: 443, name: 'tls', protocol: ExternalServiceProtocol.TLS }] },
      { ports: [{ number: 443, name: 'HTTPS', protocol: ExternalServiceProtocol.HTTPS }] }, { ports: [{ number: 0, protocol: ExternalServiceProtocol.HTTPS }] },
      { exportTo: ['~'] }, { exportTo: ['*', 'shop'] }, { exportTo: ['Shop'] }, { exportTo: ['shop_ns'] },
    ],
    construct: (value: ExternalServiceValue) => {
      const chart = chartWithoutAnalysis();
      new ExternalService(chart, 'ext', { namespace: 'shop', hosts: ['api.example.com'], ports: [{ number: 443, protocol: ExternalServiceProtocol.HTTPS }], ...value });
      Testing.synth(chart);
    },
    objects: (value: ExternalServiceValue) => [serviceEntry({
      ...value,
      // The construct's default: NONE for a wildcard host without endpoints, else DNS.
      resolution: value.resolution ?? ((value.hosts ?? []).some((h: string) => h.startsWith('*')) && !value.endpoints ? 'NONE' : 'DNS'),
      ports: value.ports?.map((p) => ({ number: p.number, name: p.name ?? p.protocol.toLowerCase(), protocol: p.protocol })),
    })],
  },
  {
    check: 'Backend port',
    values: [1, 8080, 65535, 0, 65536, -1],
    construct: (port: number) => addHttpRoute({ destinations: [RouteDestination.to(Backend.fromHost('api.shop.svc.cluster.local', port))] }),
    objects: (port: number) => [virtualService({ http: [{ route: [{ destination: { host: 'api.shop.svc.cluster.local', port: { number: port } } }] }] })],
  },
  {
    check: 'Match values: empty, presence and path forms (with CIG0207)',
    values: [
      ['uri', 'prefix', ''], ['uri', 'exact', ''], ['uri', 'prefix', 'api/'], ['uri', 'exact', 'healthz'], ['uri', 'regex', ''],
      ['headers', 'prefix', ''], ['headers', 'exact', ''], ['headers', 'regex', '*'], ['withoutHeaders', 'regex', '*'], ['withoutHeaders', 'prefix', ''],
      ['scheme', 'prefix', ''], ['authority', 'exact', ''], ['queryParams', 'exact', ''],
    ],
    construct: ([field, kind, value]: [string, 'exact' | 'prefix' | 'regex', string]) => {
      const match = field === 'uri' ? PathMatch[kind](value) : StringMatch[kind](value);
      const named = { 'x-id': match as StringMatch };
      addHttpRoute({ matches: [field === 'uri' ? { path: match as PathMatch } : CONDITIONS.includes(field) ? { [field]: named } : { [field]: match }] });
    },
    objects: ([field, kind, value]: [string, string, string]) => [httpRoute({ match: [{ [field]: CONDITIONS.includes(field) ? { 'x-id': { [kind]: value } } : { [kind]: value } }] })],
  },
  {
    check: 'Header match names',
    values: ['x-canary', 'X-Canary', 'x.id', ':authority', ':other', 'x canary', '@request.auth.claims.group'],
    construct: (name: string) => addHttpRoute({ matches: [{ headers: { [name]: StringMatch.exact('1') } }] }),
    objects: (name: string) => [httpRoute({ match: [{ headers: { [name]: { exact: '1' } } }] })],
  },
  {
    check: 'Header operations',
    values: [['x-id', 'a'], ['host', 'api.internal'], [':path', '/x'], ['', 'a'], ['x-id', '100%'], ['x-id', '%REQ(x-b3)%'], ['x id', 'a']],
    construct: ([name, value]: [string, string]) => addHttpRoute({ requestHeaders: { set: { [name]: value } } }),
    objects: ([name, value]: [string, string]) => [httpRoute({ headers: { request: { set: { [name]: value } } } })],
  },
  {
    check: 'Authority set once (rewrite and request headers)',
    values: [[undefined, {}], ['a.internal', {}], [undefined, { host: 'b.internal' }], ['a.internal', { host: 'b.internal' }], [undefined, { host: 'b.internal', ':authority': 'c.internal' }]],
    construct: ([authority, set]: [string | undefined, { [name: string]: string }]) => addHttpRoute({ rewrite: authority === undefined ? undefined : { authority }, requestHeaders: { set } }),
    objects: ([authority, set]: [string | undefined, { [name: string]: string }]) => [httpRoute({ rewrite: authority === undefined ? undefined : { authority }, headers: { request: { set } } })],
  },
  {
    check: 'CORS header names',
    values: ['authorization', '*', 'x.id', 'x id', ''],
    construct: (name: string) => addHttpRoute({ cors: { allowOrigins: [StringMatch.exact('https://a.example.com')], allowHeaders: [name] } }),
    objects: (name: string) => [httpRoute({ corsPolicy: { allowOrigins: [{ exact: 'https://a.example.com' }], allowHeaders: [name] } })],
  },
  {
    check: 'Route timeout',
    values: [1, 1500, 0, 0.5, 1.5],
    construct: (millis: number) => addHttpRoute({ timeout: Duration.millis(millis) }),
    objects: (millis: number) => [httpRoute({ timeout: `${millis / 1000}s` })],
  },
  {
    check: 'Fault abort status and share',
    values: [[503, 10], [200, 100], [600, 0], [199, 10], [601, 10], [503, 0.00005], [503, 0.0001], [503, 101]],
    construct: ([httpStatus, percent]: [number, number]) => addHttpRoute({ fault: { abort: { httpStatus, percent } } }),
    objects: ([httpStatus, percent]: [number, number]) => [httpRoute({ fault: { abort: { httpStatus, percentage: { value: percent } } } })],
  },
  {
    check: 'Retry policy',
    values: [[2, undefined], [-1, undefined], [0, ['reset']], [0, undefined], [2, []], [0, []], [3, ['5xx', 'gateway-error']]],
    construct: ([attempts, retryOn]: [number, RetryOn[] | undefined]) => addHttpRoute({ retries: { attempts, retryOn } }),
    objects: ([attempts, retryOn]: [number, RetryOn[] | undefined]) => [httpRoute({ retries: { attempts, retryOn: retryOn?.join(',') } })],
  },
  {
    check: 'Mirror percentage',
    values: [0, 50, 100, 101, -1],
    construct: (percent: number) => addHttpRoute({ mirror: { destination: RouteDestination.to(Backend.fromHost('shadow.shop.svc.cluster.local', 80)), percent } }),
    objects: (percent: number) => [httpRoute({ mirror: { host: 'shadow.shop.svc.cluster.local', port: { number: 80 } }, mirrorPercentage: { value: percent } })],
  },
  {
    check: 'Direct response status',
    values: [200, 404, 600, 199, 601],
    construct: (status: number) => addHttpRoute({ directResponse: { status } }),
    objects: (status: number) => [virtualService({ http: [{ directResponse: { status } }] })],
  },
  {
    check: 'IngressGateway replicas (the MeshGateway rule)',
    values: [[1, 1], [0, 0], [2, 5], [-1, -1], [3, 2], [1.5, 2]],
    construct: ([min, max]: [number, number]) => {
      new IngressGateway(chartWithoutAnalysis(), 'edge', { namespace: 'istio-system', replicas: GatewayReplicas.autoscale(min, max) });
    },
    objects: ([min, max]: [number, number]) => [{
      apiVersion: 'istio.banzaicloud.io/v1beta1', kind: 'MeshGateway', metadata: { name: 'edge', namespace: 'istio-system' },
      spec: { type: 'ingress', serviceType: 'LoadBalancer', minReplicas: min, maxReplicas: max, ports: [{ name: 'http', port: 80, targetPort: 80, protocol: 'TCP' }] },
    }],
  },
  {
    check: 'Subset labels',
    values: [{ version: 'v1' }, {}, { 'app.kubernetes.io/version': 'v1' }, { version: 'v 1' }],
    construct: (labels: { [key: string]: string }) => {
      const chart = chartWithoutAnalysis();
      new ServiceSubsets(chart, 'web', { backend, namespace: 'shop' }).addSubset('v1', labels);
      Testing.synth(chart);
    },
    objects: (labels: { [key: string]: string }) => [{ apiVersion: NETWORKING, kind: 'DestinationRule', metadata: { name: 'web', namespace: 'shop' }, spec: { host: 'web.shop.svc.cluster.local', subsets: [{ name: 'v1', labels }] } }],
  },
  {
    check: 'Subset names',
    values: ['v1', 'V1', 'canary-2', 'v_1', 'a.b', ''],
    construct: (name: string) => {
      const chart = chartWithoutAnalysis();
      new ServiceSubsets(chart, 'web', { backend, namespace: 'shop' }).addSubset(name, { version: 'v1' });
      Testing.synth(chart);
    },
    objects: (name: string) => [{ apiVersion: NETWORKING, kind: 'DestinationRule', metadata: { name: 'web', namespace: 'shop' }, spec: { host: 'web.shop.svc.cluster.local', subsets: [{ name, labels: { version: 'v1' } }] } }],
  },
];

/** The construct's error for `value`, or undefined when it admits it. */
function constructError(parity: ParityCase<unknown>, value: unknown): string | undefined {
  try {
    parity.construct(value);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** A rule's finding message without the path of the field it starts with. */
function reason(message: string): string {
  return message.slice(message.indexOf(': ') + 2);
}

/**
 * What the rule set finds on its own for each object: its CRD schema and its admission rules
 * (both, so that a construct may give either layer's reason when both refuse a value).
 */
function ruleFindings(parity: ParityCase<unknown>, value: unknown, level: FindingLevel): string[] {
  return parity.objects(value).flatMap((obj) => {
    const schemaFindings: Finding[] = [];
    const admitted = checkSchema(obj, schemaFindings);
    return [...schemaFindings, ...checkObject(admitted ?? obj), ...projectFindings(admitted ?? obj)];
  }).filter((f) => f.level === level).map((f) => f.message);
}

/** The project's own per-object rules, which the analysis runs beside Istio's. */
function projectFindings(obj: KubeObject): Finding[] {
  return obj.kind === 'Gateway' ? serverTlsFindings(obj) : obj.kind === 'VirtualService' ? [...httpRoutePathFindings(obj), ...httpRouteAnswerFindings(obj)] : [];
}

function ruleErrors(parity: ParityCase<unknown>, value: unknown): string[] {
  return ruleFindings(parity, value, FindingLevel.ERROR);
}

describe.each(CASES.map((parity) => [parity.check, parity] as const))('%s', (_check, parity) => {
  test('the table holds values the rule admits and values it rejects (or warns about)', () => {
    const rejected = parity.values.map((value) => ruleErrors(parity, value).length > 0);
    const warned = parity.values.map((value) => ruleFindings(parity, value, FindingLevel.WARNING).length > 0);
    expect(rejected).toContain(false);
    expect(parity.warnsOnly ? warned : rejected).toContain(true);
  });

  test.each(parity.values.map((value) => [JSON.stringify(value)?.slice(0, 60) ?? 'undefined', value] as const))('%s: the construct refuses it exactly when the rule rejects it, for the rule\'s reason', (_label, value) => {
    const error = constructError(parity, value);
    const reasons = ruleErrors(parity, value).map(reason);
    if (reasons.length === 0) {
      expect(error).toBeUndefined();
    } else {
      expect(reasons.some((r) => error?.includes(r))).toBe(true);
    }
  });
});
