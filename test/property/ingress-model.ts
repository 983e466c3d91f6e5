import { Chart, Duration } from 'cdk8s';
import * as fc from 'fast-check';
import {
  Backend, CorsPolicy, DirectResponse, Exposure, FaultInjection, HeaderOperations, HttpMethod, HttpRedirect, HttpRewrite, HttpRouteMatch,
  IIngressGateway, IngressGateway, PathMatch, RedirectScheme, RetryOn, RetryPolicy, RouteDestination, ServerProtocol, ServerTls, ServiceSubsets,
  StringMatch, TlsVersion, GatewayReplicas, GatewayServiceType,
} from '../../src';
import { DeclaredWorkload } from '../../src/rules/mesh-index';
import {
  dictionary, distinctHostsUnder, distinctLabels, dnsLabel, duration, headerName, headerValue, hostUnder, labels, path, percent,
  percentages, portNumber, regex, serviceName, weights, wholeSeconds,
} from '../support/arbitraries';

/**
 * Plain descriptions of ingress apps, which fast-check generates and shrinks, and the builder that
 * turns one into constructs: one gateway workload (new or existing), the subsets of one service,
 * and exposures of every server kind with their routes.
 */

/** What a gateway port serves, which decides the exposures on it. */
export enum PortRole {
  HTTP = 'http',
  HTTPS = 'https',
  PASSTHROUGH = 'passthrough',
  TLS_TERMINATED = 'tls',
  TCP = 'tcp',
}

const PORT_NAME_PREFIX: Record<PortRole, string> = {
  [PortRole.HTTP]: 'http',
  [PortRole.HTTPS]: 'https',
  [PortRole.PASSTHROUGH]: 'tls',
  [PortRole.TLS_TERMINATED]: 'tls',
  [PortRole.TCP]: 'tcp',
};

export interface PortModel {
  readonly role: PortRole;
  readonly number: number;
  readonly name: string;
}

export interface GatewayModel {
  readonly existing: boolean;
  readonly name?: string;
  readonly namespace?: string;
  readonly ports: PortModel[];
  /** For an existing workload: whether its ports are declared. */
  readonly portsKnown: boolean;
  readonly selector: { [key: string]: string };
  readonly serviceType?: GatewayServiceType;
  readonly replicas?: [number, number];
  readonly podLabels?: { [key: string]: string };
}

/** A destination: a host and port, or a subset of the app's ServiceSubsets. */
export interface DestinationModel {
  readonly host?: string;
  readonly port?: number;
  readonly subset?: string;
  readonly weight?: number;
  readonly percent?: number;
}

export interface HttpRouteModel {
  readonly name?: string;
  readonly matches?: HttpRouteMatch[];
  readonly destinations?: DestinationModel[];
  readonly redirect?: HttpRedirect;
  readonly directResponse?: DirectResponse;
  readonly rewrite?: HttpRewrite;
  readonly timeout?: Duration;
  readonly retries?: RetryPolicy;
  readonly requestHeaders?: HeaderOperations;
  readonly responseHeaders?: HeaderOperations;
  readonly cors?: CorsPolicy;
  readonly fault?: FaultInjection;
  readonly mirror?: { destination: DestinationModel; percent?: number };
  readonly mirrors?: Array<{ destination: DestinationModel; percent?: number }>;
}

export interface ExposureModel {
  readonly id: string;
  readonly port: PortModel;
  readonly portGiven: boolean;
  readonly protocol?: ServerProtocol;
  readonly tls?: ServerTls;
  readonly httpsRedirect?: boolean;
  readonly hosts: string[];
  readonly backend?: DestinationModel;
  readonly namespace?: string;
  readonly gatewayName?: string;
  readonly virtualServiceName?: string;
  readonly httpRoutes: HttpRouteModel[];
  readonly tcpRoute?: DestinationModel[];
  readonly tlsRoutes: Array<{ sniHosts: string[]; destinations: DestinationModel[] }>;
}

export interface IngressModel {
  readonly gateway: GatewayModel;
  readonly subsets: Array<{ name: string; labels: { [key: string]: string } }>;
  readonly exposures: ExposureModel[];
}

/** The host the app's ServiceSubsets divide. */
export const SUBSETS_HOST = 'web.apps.svc.cluster.local';
const SUBSETS_PORT = 8080;

const ROLES = fc.constantFrom(...Object.values(PortRole));

/** 1 to 4 gateway ports with distinct numbers; port 80 is only ever plain HTTP, where redirects land. */
const gatewayPorts: fc.Arbitrary<PortModel[]> = fc.uniqueArray(fc.tuple(portNumber, ROLES), { minLength: 1, maxLength: 4, selector: ([n]) => n })
  .map((ports) => ports.map(([number, role], i) => ({ number, role: number === 80 ? PortRole.HTTP : role, name: `${PORT_NAME_PREFIX[number === 80 ? PortRole.HTTP : role]}-${i}` })));

const gatewayModel: fc.Arbitrary<GatewayModel> = fc.record({
  existing: fc.boolean(),
  name: fc.option(serviceName, { nil: undefined }),
  namespace: fc.option(dnsLabel, { nil: undefined }),
  ports: gatewayPorts,
  portsKnown: fc.boolean(),
  selector: fc.oneof(fc.constant({ istio: 'ingressgateway' }), labels),
  serviceType: fc.option(fc.constantFrom(...Object.values(GatewayServiceType)), { nil: undefined }),
  replicas: fc.option(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 })).map(([min, extra]): [number, number] => [min, min + extra]), { nil: undefined }),
  podLabels: fc.option(labels, { nil: undefined }),
});

function destination(subsetNames: string[]): fc.Arbitrary<DestinationModel> {
  const toHost = fc.tuple(dnsLabel, dnsLabel, portNumber).map(([svc, ns, port]) => ({ host: `${svc}.${ns}.svc.cluster.local`, port }));
  return subsetNames.length === 0 ? toHost : fc.oneof(toHost, fc.constantFrom(...subsetNames).map((subset) => ({ subset })));
}

/** 1 to 3 destinations, with weights or percentages when there are several. */
function destinations(subsetNames: string[]): fc.Arbitrary<DestinationModel[]> {
  return fc.array(destination(subsetNames), { minLength: 1, maxLength: 3 }).chain((list) => {
    if (list.length === 1) {
      return fc.constant(list);
    }
    return fc.oneof(
      weights(list.length).map((w) => list.map((d, i) => ({ ...d, weight: w[i] }))),
      percentages(list.length).map((p) => list.map((d, i) => ({ ...d, percent: p[i] }))),
    );
  });
}

const stringMatch: fc.Arbitrary<StringMatch> = fc.oneof(
  headerValue.map(StringMatch.exact),
  headerValue.map(StringMatch.prefix),
  regex.map(StringMatch.regex),
);

function routeMatch(port: number, gatewayName: string): fc.Arbitrary<HttpRouteMatch> {
  const pathMatch = fc.oneof(
    fc.tuple(path, fc.option(fc.boolean(), { nil: undefined })).map(([p, ignoreUriCase]) => ({ path: PathMatch.exact(p), ignoreUriCase })),
    fc.tuple(path, fc.option(fc.boolean(), { nil: undefined })).map(([p, ignoreUriCase]) => ({ path: PathMatch.prefix(p), ignoreUriCase })),
    regex.map((r) => ({ path: PathMatch.regex(`/${r}`), ignoreUriCase: undefined })),
  );
  return fc.record({
    path: fc.option(pathMatch, { nil: undefined }),
    method: fc.option(fc.constantFrom(...Object.values(HttpMethod)), { nil: undefined }),
    headers: fc.option(dictionary(headerName, stringMatch), { nil: undefined }),
    withoutHeaders: fc.option(dictionary(headerName, stringMatch), { nil: undefined }),
    queryParams: fc.option(dictionary(fc.stringMatching(/^[a-zA-Z0-9_.-]{1,10}$/), fc.oneof(headerValue.map(StringMatch.exact), regex.map(StringMatch.regex))), { nil: undefined }),
    scheme: fc.option(fc.constantFrom('http', 'https').map(StringMatch.exact), { nil: undefined }),
    authority: fc.option(fc.oneof(hostUnder('authority').map(StringMatch.exact), regex.map(StringMatch.regex)), { nil: undefined }),
    port: fc.option(fc.constant(port), { nil: undefined }),
    gateways: fc.option(fc.constant(gatewayName).map((g) => [g]), { nil: undefined }),
  }).map(({ path: p, ...rest }) => ({ ...rest, path: p?.path, ignoreUriCase: p?.ignoreUriCase }));
}

const headerOperations: fc.Arbitrary<HeaderOperations> = fc.record({
  set: fc.option(dictionary(headerName, headerValue), { nil: undefined }),
  add: fc.option(dictionary(headerName, headerValue), { nil: undefined }),
  remove: fc.option(fc.uniqueArray(headerName, { minLength: 1, maxLength: 3 }), { nil: undefined }),
});

const retries: fc.Arbitrary<RetryPolicy> = fc.oneof(
  fc.constant({ attempts: 0 }),
  fc.record({
    attempts: fc.integer({ min: 1, max: 10 }),
    perTryTimeout: fc.option(duration, { nil: undefined }),
    retryOn: fc.option(fc.uniqueArray(fc.constantFrom(...Object.values(RetryOn)), { minLength: 1, maxLength: 4 }), { nil: undefined }),
  }),
);

const fault: fc.Arbitrary<FaultInjection> = fc.oneof(
  fc.record({ delay: fc.record({ delay: duration, percent: fc.option(percent, { nil: undefined }) }) }),
  fc.record({ abort: fc.record({ httpStatus: fc.integer({ min: 200, max: 599 }), percent: fc.option(percent, { nil: undefined }) }) }),
  fc.record({
    delay: fc.record({ delay: duration, percent: fc.option(percent, { nil: undefined }) }),
    abort: fc.record({ httpStatus: fc.integer({ min: 200, max: 599 }), percent: fc.option(percent, { nil: undefined }) }),
  }),
);

const cors: fc.Arbitrary<CorsPolicy> = fc.record({
  allowOrigins: fc.array(fc.oneof(
    hostUnder('origin').map((h) => StringMatch.exact(`https://${h.toLowerCase()}`)),
    fc.constant(StringMatch.prefix('https://')),
    fc.constant(StringMatch.regex('https://.*\\.example\\.com')),
  ), { minLength: 1, maxLength: 2 }),
  allowMethods: fc.option(fc.uniqueArray(fc.constantFrom(...Object.values(HttpMethod)), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  allowHeaders: fc.option(fc.uniqueArray(headerName, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  exposeHeaders: fc.option(fc.uniqueArray(headerName, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  maxAge: fc.option(wholeSeconds, { nil: undefined }),
  allowCredentials: fc.option(fc.boolean(), { nil: undefined }),
});

const rewrite: fc.Arbitrary<HttpRewrite> = fc.oneof(
  path.map((uri) => ({ uri })),
  regex.map((uriRegex) => ({ uriRegex, uriRegexReplacement: '/rewritten' })),
  hostUnder('rewrite').map((authority) => ({ authority })),
  fc.tuple(path, hostUnder('rewrite')).map(([uri, authority]) => ({ uri, authority })),
);

const redirect: fc.Arbitrary<HttpRedirect> = fc.record({
  uri: fc.option(path, { nil: undefined }),
  authority: fc.option(hostUnder('redirect'), { nil: undefined }),
  port: fc.option(portNumber, { nil: undefined }),
  scheme: fc.option(fc.constantFrom(RedirectScheme.HTTP, RedirectScheme.HTTPS), { nil: undefined }),
  redirectCode: fc.option(fc.constantFrom(301, 302, 303, 307, 308), { nil: undefined }),
}).filter((r) => r.uri !== undefined || r.authority !== undefined || r.port !== undefined || r.scheme !== undefined);

const directResponse: fc.Arbitrary<DirectResponse> = fc.record({
  status: fc.integer({ min: 200, max: 599 }),
  body: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
});

function mirror(subsetNames: string[]) {
  return fc.record({ destination: destination(subsetNames), percent: fc.option(percent, { nil: undefined }) });
}

/** An HTTP route: forwarding (with what only forwarding allows), or answering with a redirect or a direct response. */
function httpRoute(name: string | undefined, port: number, gatewayName: string, subsetNames: string[], hasBackend: boolean): fc.Arbitrary<HttpRouteModel> {
  const common = {
    matches: fc.option(fc.array(routeMatch(port, gatewayName), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    requestHeaders: fc.option(headerOperations, { nil: undefined }),
    responseHeaders: fc.option(headerOperations, { nil: undefined }),
    cors: fc.option(cors, { nil: undefined }),
  };
  const forward = fc.record({
    ...common,
    destinations: hasBackend ? fc.option(destinations(subsetNames), { nil: undefined }) : destinations(subsetNames),
    rewrite: fc.option(rewrite, { nil: undefined }),
    timeout: fc.option(duration, { nil: undefined }),
    retries: fc.option(retries, { nil: undefined }),
    fault: fc.option(fault, { nil: undefined }),
    mirrorPolicies: fc.option(fc.oneof(mirror(subsetNames).map((m) => ({ mirror: m })), fc.array(mirror(subsetNames), { minLength: 1, maxLength: 2 }).map((mirrors) => ({ mirrors }))), { nil: undefined }),
  }).map(({ mirrorPolicies, ...route }) => ({ ...route, ...mirrorPolicies }));
  const answer = fc.oneof(
    fc.record({ ...common, redirect }),
    fc.record({ ...common, directResponse }),
  );
  return fc.oneof(forward, answer).map((route) => ({ ...route, name }));
}

function terminatingTls(): fc.Arbitrary<ServerTls> {
  const versions = fc.oneof(
    fc.constant({}),
    fc.record({
      minProtocolVersion: fc.constantFrom(TlsVersion.TLSV1_2, TlsVersion.TLSV1_3, TlsVersion.TLS_AUTO),
      maxProtocolVersion: fc.option(fc.constantFrom(TlsVersion.TLSV1_3, TlsVersion.TLS_AUTO), { nil: undefined }),
    }),
    fc.record({
      minProtocolVersion: fc.constantFrom(TlsVersion.TLSV1_0, TlsVersion.TLSV1_1),
      cipherSuites: fc.uniqueArray(fc.constantFrom('ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES128-GCM-SHA256', 'AES256-SHA', 'ECDHE-RSA-AES128-SHA'), { minLength: 1, maxLength: 3 }),
    }),
  );
  const credentialName = fc.oneof(dnsLabel, fc.constant('shop-example-com-tls'));
  const sans = fc.option(fc.array(fc.oneof(hostUnder('client').map((h) => h.toLowerCase()), fc.constant('spiffe://cluster.local/ns/apps/sa/client')), { minLength: 1, maxLength: 2 }), { nil: undefined });
  return fc.oneof(
    fc.tuple(credentialName, versions).map(([name, v]) => ServerTls.simple({ credentialName: name, ...v })),
    fc.tuple(credentialName, versions, sans).map(([name, v, s]) => ServerTls.mutual({ credentialName: name, subjectAltNames: s, ...v })),
    fc.tuple(credentialName, versions, sans).map(([name, v, s]) => ServerTls.optionalMutual({ credentialName: name, subjectAltNames: s, ...v })),
    versions.map((v) => ServerTls.istioMutual(v)),
  );
}

/** The SNI names a TLS route may take for `hosts`: each host, or a name below a wildcard. */
function sniNames(hosts: string[]): string[] {
  return hosts.map((h) => (h.startsWith('*.') ? `sni.${h.slice(2)}` : h));
}

function tlsRoutes(hosts: string[], subsetNames: string[], minLength: number): fc.Arbitrary<Array<{ sniHosts: string[]; destinations: DestinationModel[] }>> {
  return fc.shuffledSubarray(sniNames(hosts), { minLength }).chain((names) => {
    const groups = names.map((n) => [n]);
    return fc.tuple(...groups.map((sniHosts) => destinations(subsetNames).map((d) => ({ sniHosts, destinations: d }))));
  });
}

/** Whether an HTTPS exposure on `port` of `gateway` can redirect plain HTTP: a distinct HTTP port exists, or port 80 is assumed. */
function canRedirect(gateway: GatewayModel, port: PortModel): boolean {
  const portsKnown = !gateway.existing || gateway.portsKnown;
  return portsKnown ? gateway.ports.some((p) => p.role === PortRole.HTTP && p.number !== port.number) : port.number !== 80;
}

function exposure(gateway: GatewayModel, id: string, parent: string, subsetNames: string[]): fc.Arbitrary<ExposureModel> {
  const onlyPort = gateway.ports.length === 1 && (!gateway.existing || gateway.portsKnown);
  return fc.record({
    port: fc.constantFrom(...gateway.ports),
    portGiven: onlyPort ? fc.boolean() : fc.constant(true),
    hosts: distinctHostsUnder(parent),
    backend: fc.option(destination([]), { nil: undefined }),
    namespace: fc.option(dnsLabel, { nil: undefined }),
    gatewayName: fc.option(fc.constant(`${id}-gw`), { nil: undefined }),
    virtualServiceName: fc.option(fc.constant(`${id}.routes`), { nil: undefined }),
    explicitProtocol: fc.boolean(),
    redirect: fc.option(fc.boolean(), { nil: undefined }),
    tls: terminatingTls(),
    httpProtocol: fc.constantFrom(ServerProtocol.HTTP, ServerProtocol.HTTP2, ServerProtocol.GRPC),
    passthroughProtocol: fc.constantFrom(ServerProtocol.HTTPS, ServerProtocol.TLS),
  }).chain((e): fc.Arbitrary<ExposureModel> => {
    const gatewayName = e.gatewayName ?? id;
    const base = { id, port: e.port, portGiven: e.portGiven, hosts: e.hosts, backend: e.backend, namespace: e.namespace, gatewayName: e.gatewayName, virtualServiceName: e.virtualServiceName };
    const routeCount = fc.integer({ min: e.backend ? 0 : 1, max: 3 });
    const http = routeCount.chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => httpRoute(i % 2 === 0 ? `r${i}` : undefined, e.port.number, gatewayName, subsetNames, e.backend !== undefined))));
    const none = { httpRoutes: [], tlsRoutes: [] };
    switch (e.port.role) {
      case PortRole.HTTP:
        return http.map((httpRoutes) => ({ ...base, ...none, protocol: e.explicitProtocol ? e.httpProtocol : undefined, httpRoutes }));
      case PortRole.HTTPS: {
        const httpsRedirect = canRedirect(gateway, e.port) ? e.redirect : false;
        return http.map((httpRoutes) => ({ ...base, ...none, protocol: e.explicitProtocol ? ServerProtocol.HTTPS : undefined, tls: e.tls, httpsRedirect, httpRoutes }));
      }
      case PortRole.PASSTHROUGH:
        // An HTTPS server redirects plain HTTP by default, TLS passed through or not.
        return tlsRoutes(e.hosts, subsetNames, e.backend ? 0 : 1)
          .map((routes) => ({
            ...base, ...none, protocol: e.passthroughProtocol, tls: ServerTls.passthrough(), tlsRoutes: routes,
            httpsRedirect: e.passthroughProtocol !== ServerProtocol.HTTPS ? undefined : canRedirect(gateway, e.port) ? e.redirect : false,
          }));
      case PortRole.TLS_TERMINATED:
      case PortRole.TCP: {
        const tcpRoute = e.backend ? fc.constant(undefined) : destinations(subsetNames);
        const tls = e.port.role === PortRole.TCP ? undefined : e.tls;
        return tcpRoute.map((route) => ({ ...base, ...none, protocol: tls ? ServerProtocol.TLS : ServerProtocol.TCP, tls, tcpRoute: route }));
      }
    }
  });
}

/** An ingress app of valid props. */
export const ingressModel: fc.Arbitrary<IngressModel> = fc.record({
  gateway: gatewayModel,
  subsets: fc.uniqueArray(fc.record({ name: dnsLabel, labels }), { maxLength: 3, selector: (s) => s.name }),
  exposureCount: fc.integer({ min: 1, max: 3 }),
}).chain(({ gateway, subsets, exposureCount }) => distinctLabels(exposureCount * 2).chain((names) => {
  const subsetNames = subsets.map((s) => s.name);
  const exposures = Array.from({ length: exposureCount }, (_, i) => exposure(gateway, `e${i}-${names[i]}`, names[exposureCount + i], subsetNames));
  return fc.tuple(...exposures).map((list) => ({ gateway, subsets, exposures: list }));
}));

function bindDestination(d: DestinationModel, subsets: ServiceSubsets | undefined): RouteDestination {
  const share = { weight: d.weight, percent: d.percent };
  return d.subset !== undefined ? RouteDestination.toSubset(subsets!, d.subset, share) : RouteDestination.to(Backend.fromHost(d.host!, d.port!), share);
}

function buildGateway(chart: Chart, model: GatewayModel): IIngressGateway {
  const ports = model.ports.map((p) => ({ name: p.name, port: p.number }));
  if (model.existing) {
    return IngressGateway.fromSelector(chart, 'ingress', { selector: model.selector, namespace: model.namespace, ports: model.portsKnown ? ports : undefined });
  }
  return new IngressGateway(chart, 'ingress', {
    name: model.name,
    namespace: model.namespace,
    ports,
    serviceType: model.serviceType,
    replicas: model.replicas && GatewayReplicas.autoscale(model.replicas[0], model.replicas[1]),
    labels: model.podLabels,
  });
}

/** Builds the app `model` describes into `chart`. */
export function buildIngress(chart: Chart, model: IngressModel): void {
  const gateway = buildGateway(chart, model.gateway);
  let subsets: ServiceSubsets | undefined;
  if (model.subsets.length > 0) {
    subsets = new ServiceSubsets(chart, 'versions', { backend: Backend.fromHost(SUBSETS_HOST, SUBSETS_PORT) });
    model.subsets.forEach((s) => subsets!.addSubset(s.name, s.labels));
  }
  for (const e of model.exposures) {
    const exposed: Exposure = gateway.expose(e.id, {
      hosts: e.hosts,
      port: e.portGiven ? e.port.number : undefined,
      protocol: e.protocol,
      tls: e.tls,
      httpsRedirect: e.httpsRedirect,
      backend: e.backend && Backend.fromHost(e.backend.host!, e.backend.port!),
      namespace: e.namespace,
      gatewayName: e.gatewayName,
      virtualServiceName: e.virtualServiceName,
    });
    for (const r of e.httpRoutes) {
      const { destinations: ds, mirror: m, mirrors, ...options } = r;
      exposed.addHttpRoute({
        ...options,
        destinations: ds?.map((d) => bindDestination(d, subsets)),
        mirror: m && { destination: bindDestination(m.destination, subsets), percent: m.percent },
        mirrors: mirrors?.map((x) => ({ destination: bindDestination(x.destination, subsets), percent: x.percent })),
      });
    }
    if (e.tcpRoute) {
      exposed.addTcpRoute({ destinations: e.tcpRoute.map((d) => bindDestination(d, subsets)) });
    }
    for (const r of e.tlsRoutes) {
      exposed.addTlsRoute({ sniHosts: r.sniHosts, destinations: r.destinations.map((d) => bindDestination(d, subsets)) });
    }
  }
}

/** The gateway workload an existing gateway declares to the analysis, as the synth-time check reads it. */
export function declaredWorkloads(model: GatewayModel): DeclaredWorkload[] {
  if (!model.existing) {
    return [];
  }
  return [{ labels: model.selector, namespace: model.namespace ?? 'apps', ports: model.portsKnown ? model.ports.map((p) => p.number) : undefined }];
}
