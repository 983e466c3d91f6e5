import { IConstruct } from 'constructs';
import {
  HttpRouteSpecRules, HttpRouteSpecRulesBackendRefs, HttpRouteSpecRulesFilters, HttpRouteSpecRulesFiltersCorsAllowMethods,
  HttpRouteSpecRulesFiltersRequestHeaderModifier, HttpRouteSpecRulesFiltersRequestRedirectPathType, HttpRouteSpecRulesFiltersRequestRedirectScheme,
  HttpRouteSpecRulesFiltersRequestRedirectStatusCode,
  HttpRouteSpecRulesFiltersType, HttpRouteSpecRulesFiltersUrlRewritePathType, HttpRouteSpecRulesMatches, HttpRouteSpecRulesMatchesHeadersType,
  HttpRouteSpecRulesMatchesMethod, HttpRouteSpecRulesMatchesPathType, HttpRouteSpecRulesMatchesQueryParamsType,
} from '../../../imports/gateway.networking.k8s.io';
import {
  VirtualServiceSpecHttp, VirtualServiceSpecHttpCorsPolicy, VirtualServiceSpecHttpHeadersRequest, VirtualServiceSpecHttpMatch,
  VirtualServiceSpecHttpMatchUri, VirtualServiceSpecHttpRouteDestination,
} from '../../../imports/networking.istio.io';
import { invalidInput } from '../../private/errors';

const ISTIO_GROUP = 'networking.istio.io';
const SERVICE_HOST = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc\.cluster\.local$/;
/** The Gateway API's duration: up to four units of h, m, s or ms, such as `1h30m` or `500ms`. */
const GATEWAY_API_DURATION = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;
/** The redirect status Istio answers with when none is given; the Gateway API's default is 302. */
const ISTIO_REDIRECT_CODE = 301;
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

/** Where a Gateway API route sends traffic, and the namespace a ReferenceGrant must let it into. */
export interface GatewayApiBackend {
  readonly ref: { readonly group?: string; readonly kind?: string; readonly name: string; readonly namespace?: string; readonly port: number };
  /** The namespace of a Service in another namespace than the route's: it needs a ReferenceGrant there. */
  readonly grantNamespace?: string;
}

/**
 * The backendRef of an Istio destination host: a cluster-local Service host
 * (`name.namespace.svc.cluster.local`) or a short name is a Service, any other host (a
 * ServiceEntry's) a `Hostname` of `networking.istio.io`, as Istio's Gateway API routes reach it.
 */
export function gatewayApiBackend(host: string, port: number, routeNamespace: string | undefined): GatewayApiBackend {
  const service = SERVICE_HOST.exec(host);
  if (service !== null) {
    const [, name, , namespace] = service;
    const crosses = namespace !== routeNamespace;
    return { ref: { name, namespace: crosses ? namespace : undefined, port }, grantNamespace: crosses ? namespace : undefined };
  }
  if (!host.includes('.')) {
    return { ref: { name: host, port } };
  }
  return { ref: { group: ISTIO_GROUP, kind: 'Hostname', name: host, port } };
}

/**
 * Throws where `http`, an HTTP route as the Istio API writes it, uses what the Gateway API's
 * standard channel cannot express, naming the route option and what to use instead. Called
 * when the route is added, on everything but its destinations.
 */
export function rejectIstioOnlyHttp(scope: IConstruct, field: string, http: VirtualServiceSpecHttp): void {
  const istioOnly = (option: string, value: unknown, instead: string) => {
    throw invalidInput(scope, `${field}.${option}`, value, `the Gateway API's standard channel has no ${option}: ${instead}`);
  };
  if (http.fault !== undefined) {
    istioOnly('fault', 'fault', 'inject faults with the Istio traffic API (IngressGateway.expose), or in a VirtualService for the mesh');
  }
  if (http.directResponse !== undefined) {
    istioOnly('directResponse', http.directResponse.status, 'answer from a backend, or use the Istio traffic API (IngressGateway.expose)');
  }
  if (http.retries !== undefined) {
    istioOnly('retries', 'retries', 'leave retries out (Istio retries twice by default), or use the Istio traffic API (IngressGateway.expose)');
  }
  if (http.rewrite?.uriRegexRewrite !== undefined) {
    istioOnly('rewrite', 'uriRegexRewrite', 'rewrite a prefix or the whole path');
  }
  const prefixMatches = http.match?.filter((m) => m.uri?.prefix !== undefined).length ?? 0;
  if (http.rewrite?.uri !== undefined && prefixMatches > 0 && http.match!.length > 1) {
    throw invalidInput(scope, `${field}.rewrite`, http.rewrite.uri, 'the Gateway API rewrites a matched prefix only for a route with one path prefix match: add a route per match');
  }
  if (http.redirect?.derivePort !== undefined) {
    istioOnly('redirect', 'derivePort', 'give the redirect port');
  }
  if (http.redirect?.redirectCode !== undefined && !REDIRECT_CODES.has(http.redirect.redirectCode)) {
    throw invalidInput(scope, `${field}.redirect`, http.redirect.redirectCode, 'the Gateway API redirects with 301, 302, 303, 307 or 308');
  }
  if (http.timeout !== undefined && !GATEWAY_API_DURATION.test(gatewayApiDuration(http.timeout))) {
    throw invalidInput(scope, `${field}.timeout`, http.timeout, 'the Gateway API takes at most 99999 seconds, or whole milliseconds below 100 seconds');
  }
  if (http.corsPolicy?.unmatchedPreflights !== undefined) {
    istioOnly('cors', 'unmatchedPreflights', 'leave it out: preflights no origin matches are forwarded');
  }
  http.match?.forEach((match, i) => rejectIstioOnlyMatch(scope, `${field}.matches[${i}]`, match));
  http.corsPolicy?.allowOrigins?.forEach((origin, i) => {
    if (origin.exact === undefined) {
      throw invalidInput(scope, `${field}.cors.allowOrigins[${i}]`, origin.prefix ?? origin.regex, 'the Gateway API matches origins exactly (or with a leading "*" wildcard): use StringMatch.exact');
    }
  });
}

function rejectIstioOnlyMatch(scope: IConstruct, field: string, match: VirtualServiceSpecHttpMatch): void {
  const unsupported: Array<[keyof VirtualServiceSpecHttpMatch, string]> = [
    ['ignoreUriCase', 'match the path with a case-insensitive regex, PathMatch.regex("(?i)/api/.*")'],
    ['withoutHeaders', 'match the headers to route instead, or use the Istio traffic API'],
    ['scheme', 'the listener decides the scheme: expose HTTP and HTTPS separately'],
    ['authority', 'the route takes the exposure\'s hosts: expose the host separately'],
    ['port', 'the route takes the ports of its listeners: expose the port separately'],
    ['gateways', 'the route is attached to its Gateway\'s listeners: expose through another Gateway'],
  ];
  for (const [option, instead] of unsupported) {
    if (match[option] !== undefined) {
      throw invalidInput(scope, `${field}.${option === 'uri' ? 'path' : option}`, match[option], `the Gateway API's standard channel cannot match on it: ${instead}`);
    }
  }
  for (const [kind, matches] of [['headers', match.headers], ['queryParams', match.queryParams]] as const) {
    for (const [name, value] of Object.entries(matches ?? {})) {
      if (value.prefix !== undefined) {
        throw invalidInput(scope, `${field}.${kind}["${name}"]`, value.prefix, 'the Gateway API matches values exactly or by regex: use StringMatch.regex("^<prefix>.*")');
      }
    }
  }
}

/**
 * The Gateway API rule of `http`, an HTTP route as the Istio API writes it and as
 * `rejectIstioOnlyHttp` admitted it, with its destinations resolved to backends (whose subsets
 * the exposure refused when the route was added).
 */
export function gatewayApiHttpRule(http: VirtualServiceSpecHttp, routeNamespace: string | undefined): HttpRouteSpecRules {
  const backend = (destination: VirtualServiceSpecHttpRouteDestination) => gatewayApiBackend(destination.host, destination.port?.number ?? 0, routeNamespace).ref;
  const filters: HttpRouteSpecRulesFilters[] = [];
  if (http.headers?.request !== undefined) {
    filters.push({ type: HttpRouteSpecRulesFiltersType.REQUEST_HEADER_MODIFIER, requestHeaderModifier: headerModifier(http.headers.request) });
  }
  if (http.headers?.response !== undefined) {
    filters.push({ type: HttpRouteSpecRulesFiltersType.RESPONSE_HEADER_MODIFIER, responseHeaderModifier: headerModifier(http.headers.response) });
  }
  if (http.redirect !== undefined) {
    const { uri, authority, port, scheme, redirectCode } = http.redirect;
    filters.push({
      type: HttpRouteSpecRulesFiltersType.REQUEST_REDIRECT,
      requestRedirect: {
        scheme: scheme === undefined ? undefined : scheme === 'https' ? HttpRouteSpecRulesFiltersRequestRedirectScheme.HTTPS : HttpRouteSpecRulesFiltersRequestRedirectScheme.HTTP,
        hostname: authority,
        port,
        path: uri === undefined ? undefined : { type: HttpRouteSpecRulesFiltersRequestRedirectPathType.REPLACE_FULL_PATH, replaceFullPath: uri },
        statusCode: (redirectCode ?? ISTIO_REDIRECT_CODE) as HttpRouteSpecRulesFiltersRequestRedirectStatusCode,
      },
    });
  }
  if (http.rewrite !== undefined) {
    filters.push({ type: HttpRouteSpecRulesFiltersType.URL_REWRITE, urlRewrite: { hostname: http.rewrite.authority, path: rewritePath(http.rewrite.uri, http.match) } });
  }
  if (http.corsPolicy !== undefined) {
    filters.push({ type: HttpRouteSpecRulesFiltersType.CORS, cors: cors(http.corsPolicy) });
  }
  const mirrors = [
    ...(http.mirror === undefined ? [] : [{ destination: http.mirror, percentage: http.mirrorPercentage }]),
    ...(http.mirrors ?? []),
  ];
  for (const mirror of mirrors) {
    const percent = mirror.percentage?.value;
    filters.push({
      type: HttpRouteSpecRulesFiltersType.REQUEST_MIRROR,
      requestMirror: {
        backendRef: backend(mirror.destination),
        ...(percent === undefined ? {} : Number.isInteger(percent) ? { percent } : { fraction: { numerator: Math.round(percent * 1000), denominator: 100000 } }),
      },
    });
  }
  return {
    name: http.name,
    matches: http.match?.map(gatewayApiMatch),
    filters: filters.length === 0 ? undefined : filters,
    backendRefs: http.route?.map((r): HttpRouteSpecRulesBackendRefs => ({ ...backend(r.destination), weight: r.weight })),
    timeouts: http.timeout === undefined ? undefined : { request: gatewayApiDuration(http.timeout) },
  };
}

function gatewayApiMatch(match: VirtualServiceSpecHttpMatch): HttpRouteSpecRulesMatches {
  return {
    path: match.uri === undefined ? undefined : pathMatch(match.uri),
    method: match.method?.exact as HttpRouteSpecRulesMatchesMethod | undefined,
    headers: namedMatches(match.headers)?.map(({ name, value, regex }) => ({
      name, value, type: regex ? HttpRouteSpecRulesMatchesHeadersType.REGULAR_EXPRESSION : HttpRouteSpecRulesMatchesHeadersType.EXACT,
    })),
    queryParams: namedMatches(match.queryParams)?.map(({ name, value, regex }) => ({
      name, value, type: regex ? HttpRouteSpecRulesMatchesQueryParamsType.REGULAR_EXPRESSION : HttpRouteSpecRulesMatchesQueryParamsType.EXACT,
    })),
  };
}

function pathMatch(uri: VirtualServiceSpecHttpMatchUri): HttpRouteSpecRulesMatches['path'] {
  if (uri.regex !== undefined) {
    return { type: HttpRouteSpecRulesMatchesPathType.REGULAR_EXPRESSION, value: uri.regex };
  }
  if (uri.exact !== undefined) {
    return { type: HttpRouteSpecRulesMatchesPathType.EXACT, value: uri.exact };
  }
  return { type: HttpRouteSpecRulesMatchesPathType.PATH_PREFIX, value: uri.prefix };
}

function namedMatches(matches: { [name: string]: VirtualServiceSpecHttpMatchUri } | undefined): Array<{ name: string; value: string; regex: boolean }> | undefined {
  if (matches === undefined) {
    return undefined;
  }
  return Object.keys(matches).map((name) => ({ name, value: matches[name].regex ?? matches[name].exact ?? '', regex: matches[name].regex !== undefined }));
}

/**
 * Istio's `rewrite.uri` replaces the part of the path a prefix match matched, and the whole path
 * otherwise: the Gateway API's ReplacePrefixMatch and ReplaceFullPath.
 */
function rewritePath(uri: string | undefined, matches: VirtualServiceSpecHttpMatch[] | undefined): NonNullable<HttpRouteSpecRulesFilters['urlRewrite']>['path'] {
  if (uri === undefined) {
    return undefined;
  }
  const byPrefix = matches !== undefined && matches.length === 1 && matches[0].uri?.prefix !== undefined;
  return byPrefix
    ? { type: HttpRouteSpecRulesFiltersUrlRewritePathType.REPLACE_PREFIX_MATCH, replacePrefixMatch: uri }
    : { type: HttpRouteSpecRulesFiltersUrlRewritePathType.REPLACE_FULL_PATH, replaceFullPath: uri };
}

function headerModifier(operations: VirtualServiceSpecHttpHeadersRequest): HttpRouteSpecRulesFiltersRequestHeaderModifier {
  const pairs = (map: { [key: string]: string } | undefined) => (map === undefined ? undefined : Object.keys(map).map((name) => ({ name, value: map[name] })));
  return { set: pairs(operations.set), add: pairs(operations.add), remove: operations.remove };
}

function cors(policy: VirtualServiceSpecHttpCorsPolicy): NonNullable<HttpRouteSpecRulesFilters['cors']> {
  return {
    allowOrigins: policy.allowOrigins?.map((origin) => origin.exact!),
    allowMethods: policy.allowMethods as HttpRouteSpecRulesFiltersCorsAllowMethods[] | undefined,
    allowHeaders: policy.allowHeaders,
    exposeHeaders: policy.exposeHeaders,
    allowCredentials: policy.allowCredentials,
    maxAge: policy.maxAge === undefined ? undefined : seconds(policy.maxAge),
  };
}

/** An Istio duration (`5s`, `1.5s`) as the Gateway API writes it: `5s`, `1500ms`. */
function gatewayApiDuration(istio: string): string {
  const millis = Math.round(Number(istio.replace(/s$/, '')) * 1000);
  return millis % 1000 === 0 ? `${millis / 1000}s` : `${millis}ms`;
}

/** Seconds of an Istio duration such as `86400s` or `1.5s`, rounded up: the Gateway API's CORS `maxAge`. */
function seconds(duration: string): number {
  return Math.ceil(Number(duration.replace(/s$/, '')));
}
