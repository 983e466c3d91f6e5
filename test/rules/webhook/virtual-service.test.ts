import { FindingLevel } from '../../../src/rules/finding';
import { describeRules, istio } from './rule-table';

const destination = { host: 'shop.edge.svc.cluster.local', port: { number: 8080 } };
const route = { route: [{ destination }] };
const vs = (spec: any) => istio('VirtualService', { hosts: ['shop.example.com'], gateways: ['edge/shop'], ...spec });
const http = (...routes: any[]) => vs({ http: routes });
const withRoute = (extra: any) => http({ ...route, ...extra });
const match = (m: any) => withRoute({ match: [m] });
const tls = (sniHosts: string[], extra: any = {}) => vs({ tls: [{ match: [{ sniHosts, port: 443 }], route: [{ destination }], ...extra }] });
const autoPassthrough = (gateways: string[], host: string, sni: string) => vs({ hosts: [host], gateways, tls: [{ match: [{ sniHosts: [sni] }], route: [{ destination }] }] });
const tcp = (extra: any) => vs({ tcp: [{ route: [{ destination }], ...extra }] });

describeRules('VirtualService', [
  { rule: 'some routes', valid: http(route), invalid: vs({}), message: /needs http, tcp or tls routes/ },
  { rule: 'host syntax', valid: vs({ ...route, hosts: ['*.example.com'], http: [route] }), invalid: vs({ hosts: ['shop..example.com'], http: [route] }), message: /label "" is not a DNS-1123 label/ },
  { rule: 'IP hosts', valid: vs({ hosts: ['10.0.0.1'], http: [route] }), invalid: vs({ hosts: ['10.0.0'], http: [route] }), message: /cannot be all digits/ },
  { rule: '"*" only on gateways', valid: vs({ hosts: ['*'], http: [route] }), invalid: vs({ hosts: ['*'], gateways: ['mesh'], http: [route] }), message: /wildcard host "\*" is not allowed for virtual services of the mesh/ },
  { rule: 'duplicate hosts', valid: vs({ hosts: ['a.example.com', 'b.example.com'], http: [route] }), invalid: vs({ hosts: ['a.example.com', 'a.example.com'], http: [route] }), message: /duplicate hosts in virtual service: "a.example.com" and "a.example.com"/ },
  { rule: 'overlapping wildcard hosts', valid: vs({ hosts: ['*.a.example.com', 'b.example.com'], http: [route] }), invalid: vs({ hosts: ['x.a.example.com', '*.example.com'], http: [route] }), message: /"\*.example.com" already covers "x.a.example.com"/ },
  { rule: 'gateway references', valid: vs({ gateways: ['edge/shop', 'shop', 'mesh'], http: [route] }), invalid: vs({ gateways: ['edge/shop.gw'], http: [route] }), message: /invalid gateway name "shop.gw"/ },
  { rule: 'legacy gateway reference', valid: vs({ gateways: ['edge/shop'], http: [route] }), invalid: vs({ gateways: ['shop.edge'], http: [route] }), message: /legacy gateway name format: prefer namespace\/name, "edge\/shop"/, level: FindingLevel.WARNING },
  { rule: 'delegate without gateways', valid: istio('VirtualService', { http: [route] }), invalid: istio('VirtualService', { gateways: ['edge/shop'], http: [route] }), message: /delegate virtual service .* cannot name gateways/ },
  { rule: 'delegate without tcp', valid: istio('VirtualService', { http: [route] }), invalid: istio('VirtualService', { tcp: [{ route: [{ destination }] }] }), message: /cannot have tcp routes/ },
  // virtualservice_test.go TestValidateDelegateHTTPRoute: delegates match by regex since Istio 1.15, and have their regexes checked
  { rule: 'delegate regexes', valid: istio('VirtualService', { http: [{ ...route, match: [{ uri: { regex: '/a.*' } }] }] }), invalid: istio('VirtualService', { http: [{ ...route, match: [{ uri: { regex: '/a(' } }] }] }), message: /spec.http\[0\].match\[0\].uri.regex: regex "\/a\(" is invalid/ },
  // virtualservice_test.go TestValidateRootHTTPRoute "regex uri match"
  { rule: 'delegating route regexes', valid: http({ delegate: { name: 'shop-api', namespace: 'edge' }, match: [{ uri: { regex: 'test' } }] }), invalid: http({ delegate: { name: 'shop-api', namespace: 'edge' }, match: [{ headers: { 'x-a': { regex: '(' } } }] }), message: /spec.http\[0\].match\[0\].headers.x-a.regex: regex "\(" is invalid/ },
  { rule: 'root route only delegates', valid: http({ delegate: { name: 'shop-api', namespace: 'edge' } }), invalid: http({ ...route, delegate: { name: 'shop-api' } }), message: /a route that delegates cannot also have route destinations/ },
  { rule: 'route, redirect or directResponse', valid: withRoute({}), invalid: http({ match: [{ uri: { prefix: '/' } }] }), message: /needs route destinations, a redirect or a directResponse/ },
  { rule: 'redirect excludes route', valid: http({ redirect: { uri: '/new' } }), invalid: withRoute({ redirect: { uri: '/new' } }), message: /both route destinations and a redirect/ },
  { rule: 'redirect excludes rewrite', valid: http({ redirect: { authority: 'b.example.com' } }), invalid: http({ redirect: { uri: '/new' }, rewrite: { uri: '/x' } }), message: /both a rewrite and a redirect/ },
  { rule: 'redirect excludes fault', valid: http({ redirect: { scheme: 'https' } }), invalid: http({ redirect: { uri: '/new' }, fault: { abort: { httpStatus: 503 } } }), message: /both fault injection and a redirect/ },
  { rule: 'redirect excludes directResponse', valid: http({ directResponse: { status: 404 } }), invalid: http({ redirect: { uri: '/new' }, directResponse: { status: 404 } }), message: /both a directResponse and a redirect/ },
  { rule: 'directResponse excludes route', valid: http({ directResponse: { status: 200, body: { string: 'ok' } } }), invalid: withRoute({ directResponse: { status: 404 } }), message: /both route destinations and a directResponse/ },
  { rule: 'directResponse status', valid: http({ directResponse: { status: 503 } }), invalid: http({ directResponse: { status: 99 } }), message: /HTTP status 99 is not in the range/ },
  { rule: 'directResponse body size', valid: http({ directResponse: { status: 200, body: { string: 'x'.repeat(1000) } } }), invalid: http({ directResponse: { status: 200, body: { string: 'x'.repeat(2 * 1024 * 1024) } } }), message: /smaller than 1MB/ },
  { rule: 'large directResponse body', valid: http({ directResponse: { status: 200, body: { bytes: 'aGVsbG8=' } } }), invalid: http({ directResponse: { status: 200, body: { string: 'x'.repeat(200 * 1024) } } }), message: /over 100KB/, level: FindingLevel.WARNING },
  { rule: 'mirror xor mirrors', valid: withRoute({ mirrors: [{ destination, percentage: { value: 10 } }] }), invalid: withRoute({ mirror: destination, mirrors: [{ destination }] }), message: /both mirror and mirrors/ },
  { rule: 'mirror percentage', valid: withRoute({ mirror: destination, mirrorPercentage: { value: 50 } }), invalid: withRoute({ mirror: destination, mirrorPercentage: { value: 150 } }), message: /mirror percentage 150 must be from 0 to 100/ },
  { rule: 'mirrorPercent deprecated', valid: withRoute({ mirror: destination }), invalid: withRoute({ mirror: destination, mirrorPercent: 10 }), message: /mirrorPercent is deprecated/, level: FindingLevel.WARNING },
  { rule: 'destination host', valid: http({ route: [{ destination: { host: 'shop' } }] }), invalid: http({ route: [{ destination: { host: '*' } }] }), message: /invalid destination host "\*"/ },
  { rule: 'destination required', valid: withRoute({}), invalid: http({ route: [{ weight: 100 }] }), message: /a destination is required/ },
  { rule: 'destination subset name', valid: http({ route: [{ destination: { host: 'shop', subset: 'v1' } }] }), invalid: http({ route: [{ destination: { host: 'shop', subset: 'v1.0' } }] }), message: /invalid subset name "v1.0"/ },
  { rule: 'destination port', valid: withRoute({}), invalid: http({ route: [{ destination: { host: 'shop', port: { number: 0 } } }] }), message: /port number 0 must be in the range/ },
  { rule: 'weights non-negative', valid: http({ route: [{ destination, weight: 100 }, { destination: { host: 'b' }, weight: 0 }] }), invalid: http({ route: [{ destination, weight: -1 }, { destination: { host: 'b' }, weight: 101 }] }), message: /weight -1 cannot be negative/ },
  { rule: 'a split cannot weigh nothing', valid: http({ route: [{ destination, weight: 1 }, { destination: { host: 'b' } }] }), invalid: http({ route: [{ destination, weight: 0 }, { destination: { host: 'b' }, weight: 0 }] }), message: /weights add up to 0/ },
  { rule: 'header match names', valid: match({ headers: { 'x-user': { exact: 'a' } } }), invalid: match({ headers: { 'x user': { exact: 'a' } } }), message: /"x user" is not a valid header name/ },
  // pkg/config/validation/validation.go, ValidateHTTPHeaderNameOrJwtClaimRoute: any HTTP token, and the pseudo-headers
  { rule: 'header match names are HTTP tokens', valid: match({ headers: { 'x.user': { exact: 'a' }, ':authority': { exact: 'a' } } }), invalid: match({ headers: { ':other': { exact: 'a' } } }), message: /":other" is not a valid header name/ },
  { rule: 'JWT claims only on gateways', valid: match({ headers: { '@request.auth.claims.group': { exact: 'admin' } } }), invalid: vs({ gateways: ['mesh'], http: [{ ...route, match: [{ headers: { '@request.auth.claims.group': { exact: 'admin' } } }] }] }), message: /JWT claim routing .* only works on gateways/ },
  { rule: 'regex syntax', valid: match({ uri: { regex: '^/api/(?P<v>v[0-9]+)/.*' } }), invalid: match({ uri: { regex: '/api/(v1' } }), message: /regex "\/api\/\(v1" is invalid/ },
  { rule: 'regex without lookaround', valid: match({ authority: { regex: '(?i)shop\\.example\\.com' } }), invalid: match({ authority: { regex: 'shop(?!\\.internal)' } }), message: /RE2 has no lookaround/ },
  { rule: 'regex without backreferences', valid: match({ queryParams: { id: { regex: '[0-9]+' } } }), invalid: match({ queryParams: { id: { regex: '(a)\\1' } } }), message: /RE2 has no backreferences/ },
  { rule: 'regex not empty', valid: match({ headers: { 'x-a': { prefix: 'a' } } }), invalid: match({ headers: { 'x-a': { regex: '' } } }), message: /a regex match cannot be empty/ },
  // validation_test.go TestValidateHTTPRoute "empty prefix header match"
  { rule: 'header prefix not empty', valid: match({ headers: { 'x-a': { prefix: 'a' } } }), invalid: match({ headers: { 'x-a': { prefix: '' } } }), message: /spec.http\[0\].match\[0\].headers.x-a.prefix: a prefix match cannot be empty/ },
  { rule: 'withoutHeaders prefix not empty', valid: match({ withoutHeaders: { 'x-a': { prefix: 'a' } } }), invalid: match({ withoutHeaders: { 'x-a': { prefix: '' } } }), message: /withoutHeaders.x-a.prefix: a prefix match cannot be empty/ },
  // virtualservice_test.go TestValidateRootHTTPRoute "empty prefix match in method", "empty prefix match in scheme"
  { rule: 'method prefix not empty', valid: match({ method: { prefix: 'G' } }), invalid: match({ method: { prefix: '' } }), message: /match\[0\].method.prefix: a prefix match cannot be empty/ },
  { rule: 'scheme prefix not empty', valid: match({ scheme: { prefix: 'http' } }), invalid: match({ scheme: { prefix: '' } }), message: /match\[0\].scheme.prefix: a prefix match cannot be empty/ },
  { rule: 'authority prefix not empty', valid: match({ authority: { prefix: 'shop.' } }), invalid: match({ authority: { prefix: '' } }), message: /match\[0\].authority.prefix: a prefix match cannot be empty/ },
  { rule: 'query parameter prefix not empty', valid: match({ queryParams: { id: { prefix: '1' } } }), invalid: match({ queryParams: { id: { prefix: '' } } }), message: /queryParams.id.prefix: a prefix match cannot be empty/ },
  // virtualservice_test.go TestValidateRootHTTPRoute "empty prefix match in uri", "empty regex match in uri": Envoy matches every path by an empty prefix
  { rule: 'uri prefix may be empty', valid: match({ uri: { prefix: '' } }), invalid: match({ uri: { regex: '' } }), message: /uri.regex: a regex match cannot be empty/ },
  // virtualservice_test.go TestValidateRootHTTPRoute "regex without headers match *": `*` asks that the header be absent, it is no RE2 regex
  { rule: 'withoutHeaders "*"', valid: match({ withoutHeaders: { 'x-a': { regex: '*' } } }), invalid: match({ withoutHeaders: { 'x-a': { regex: '?' } } }), message: /withoutHeaders.x-a.regex: regex "\?" is invalid/ },
  { rule: 'regex length', valid: match({ uri: { regex: 'a'.repeat(1024) } }), invalid: match({ uri: { regex: 'a'.repeat(1025) } }), message: /regex is too large/ },
  { rule: 'match port', valid: match({ port: 8080 }), invalid: match({ port: 65536 }), message: /port number 65536/ },
  { rule: 'match source labels', valid: match({ sourceLabels: { app: 'web', 'example.com/tier': 'front' } }), invalid: match({ sourceLabels: { 'app!': 'web' } }), message: /invalid label key "app!"/ },
  { rule: 'match source namespace', valid: match({ sourceNamespace: 'edge' }), invalid: match({ sourceNamespace: 'edge.ns' }), message: /invalid sourceNamespace "edge.ns"/ },
  { rule: 'request header operations', valid: withRoute({ headers: { request: { set: { 'x-a': '%HOSTNAME%', host: 'b.example.com' }, remove: ['x-b'] } } }), invalid: withRoute({ headers: { request: { set: { ':path': '/x' } } } }), message: /invalid header ":path"/ },
  { rule: 'response headers cannot set Host', valid: withRoute({ headers: { response: { add: { 'x-a': '100%%' } } } }), invalid: withRoute({ headers: { response: { set: { Host: 'x' } } } }), message: /the Host header cannot be changed here/ },
  { rule: 'header values', valid: http({ route: [{ destination, headers: { request: { add: { 'x-a': 'prefix %START_TIME% suffix' } } } }] }), invalid: http({ route: [{ destination, headers: { request: { add: { 'x-a': 'abc%123' } } } }] }), message: /header value "abc%123" is invalid/ },
  { rule: 'header variables with arguments', valid: withRoute({ headers: { request: { add: { 'x-t': '%START_TIME(%Y-%m-%dT%H:%M:%S%z)%', 'x-m': '%METADATA(["ns", "key"])%' } } } }), invalid: withRoute({ headers: { request: { add: { 'x-m': '%METADATA(["ns" "key"])%' } } } }), message: /expected "," or "]" after an argument/ },
  { rule: 'header value ends with "%"', valid: withRoute({ headers: { response: { set: { 'x-a': '%HOSTNAME%' } } } }), invalid: withRoute({ headers: { response: { set: { 'x-a': '%HOSTNAME%%' } } } }), message: /a "%" ends the value/ },
  { rule: 'header value control characters', valid: withRoute({ headers: { response: { set: { 'x-a': 'tab\tok' } } } }), invalid: withRoute({ headers: { response: { set: { 'x-a': 'line\nbreak' } } } }), message: /contains control characters/ },
  { rule: 'authority set once', valid: withRoute({ rewrite: { authority: 'b.example.com' } }), invalid: withRoute({ rewrite: { authority: 'b.example.com' }, headers: { request: { set: { ':authority': 'c.example.com' } } } }), message: /the authority is set more than once/ },
  { rule: 'rewrite needs a target', valid: withRoute({ rewrite: { uri: '/' } }), invalid: withRoute({ rewrite: {} }), message: /a rewrite must set uri, uriRegexRewrite or authority/ },
  { rule: 'rewrite uri xor regex', valid: withRoute({ rewrite: { uriRegexRewrite: { match: '^/v1/(.*)', rewrite: '/\\1' } } }), invalid: withRoute({ rewrite: { uri: '/', uriRegexRewrite: { match: '.*', rewrite: '/' } } }), message: /only one of uri and uriRegexRewrite/ },
  { rule: 'uriRegexRewrite needs both', valid: withRoute({ rewrite: { uriRegexRewrite: { match: '.*', rewrite: '/' } } }), invalid: withRoute({ rewrite: { uriRegexRewrite: { match: '.*' } } }), message: /needs both match and rewrite/ },
  { rule: 'redirect needs a target', valid: http({ redirect: { port: 8443 } }), invalid: http({ redirect: { redirectCode: 301 } }), message: /a redirect must set uri, authority, scheme or port/ },
  { rule: 'redirect code', valid: http({ redirect: { uri: '/', redirectCode: 308 } }), invalid: http({ redirect: { uri: '/', redirectCode: 200 } }), message: /200 is not a redirect code/ },
  { rule: 'redirect scheme', valid: http({ redirect: { scheme: 'http' } }), invalid: http({ redirect: { scheme: 'ftp' } }), message: /invalid redirect scheme "ftp"/ },
  { rule: 'retry attempts', valid: withRoute({ retries: { attempts: 0 } }), invalid: withRoute({ retries: { attempts: -1 } }), message: /attempts cannot be negative/ },
  { rule: 'retry policy needs attempts', valid: withRoute({ retries: { attempts: 3, perTryTimeout: '2s' } }), invalid: withRoute({ retries: { perTryTimeout: '2s' } }), message: /attempts is 0, which disables retries/ },
  { rule: 'retry perTryTimeout', valid: withRoute({ retries: { attempts: 3, perTryTimeout: '1.5s', backoff: '25ms' } }), invalid: withRoute({ retries: { attempts: 3, perTryTimeout: '500us' } }), message: /duration "500us" must be at least 1ms/ },
  { rule: 'retryOn policies', valid: withRoute({ retries: { attempts: 2, retryOn: 'gateway-error,connect-failure,503' } }), invalid: withRoute({ retries: { attempts: 2, retryOn: '5xx,sometimes' } }), message: /"sometimes" is not a valid retryOn policy/ },
  { rule: 'retryOn status codes Go names', valid: withRoute({ retries: { attempts: 2, retryOn: '429,425,0503,+504' } }), invalid: withRoute({ retries: { attempts: 2, retryOn: '503,599' } }), message: /"599" is not a valid retryOn policy/ },
  { rule: 'retryOn unused status code', valid: withRoute({ retries: { attempts: 2, retryOn: '308' } }), invalid: withRoute({ retries: { attempts: 2, retryOn: '306' } }), message: /"306" is not a valid retryOn policy/ },
  { rule: 'timeout duration', valid: withRoute({ timeout: '1m30s' }), invalid: withRoute({ timeout: '10 seconds' }), message: /"10 seconds" is not a duration/ },
  { rule: 'timeout precision', valid: withRoute({ timeout: '0.25s' }), invalid: withRoute({ timeout: '1.0005s' }), message: /only whole milliseconds/ },
  { rule: 'fault needs abort or delay', valid: withRoute({ fault: { delay: { fixedDelay: '5s', percentage: { value: 0.1 } } } }), invalid: withRoute({ fault: {} }), message: /needs an abort, a delay or both/ },
  { rule: 'fault percentage', valid: withRoute({ fault: { abort: { httpStatus: 503, percentage: { value: 100 } } } }), invalid: withRoute({ fault: { abort: { httpStatus: 503, percentage: { value: 101 } } } }), message: /percentage 101 must be 0 or from 0.0001 to 100/ },
  { rule: 'fault tiny percentage', valid: withRoute({ fault: { abort: { httpStatus: 503, percentage: { value: 0 } } } }), invalid: withRoute({ fault: { abort: { httpStatus: 503, percentage: { value: 0.00001 } } } }), message: /must be 0 or from 0.0001/ },
  { rule: 'legacy delay percent', valid: withRoute({ fault: { delay: { fixedDelay: '1s', percent: 50 } } }), invalid: withRoute({ fault: { delay: { fixedDelay: '1s', percent: 150 } } }), message: /percent 150 is not in the range 0..100/ },
  { rule: 'abort HTTP status', valid: withRoute({ fault: { abort: { httpStatus: 500 } } }), invalid: withRoute({ fault: { abort: { httpStatus: 42 } } }), message: /HTTP status 42/ },
  { rule: 'abort gRPC status', valid: withRoute({ fault: { abort: { grpcStatus: 'UNAVAILABLE' } } }), invalid: withRoute({ fault: { abort: { grpcStatus: 'BROKEN' } } }), message: /gRPC status "BROKEN" is not supported/ },
  { rule: 'abort HTTP/2 error', valid: withRoute({ fault: { abort: { httpStatus: 503 } } }), invalid: withRoute({ fault: { abort: { http2Error: 'REFUSED_STREAM' } } }), message: /HTTP\/2 abort fault injection is not supported/ },
  { rule: 'abort error type', valid: withRoute({ fault: { abort: { httpStatus: 503 } } }), invalid: withRoute({ fault: { abort: { percentage: { value: 5 } } } }), message: /abort has no error type/, level: FindingLevel.WARNING },
  { rule: 'fixed delay duration', valid: withRoute({ fault: { delay: { fixedDelay: '1ms' } } }), invalid: withRoute({ fault: { delay: { fixedDelay: '0s' } } }), message: /must be at least 1ms/ },
  { rule: 'no exponential delay', valid: withRoute({ fault: { delay: { fixedDelay: '2s' } } }), invalid: withRoute({ fault: { delay: { exponentialDelay: '2s' } } }), message: /exponentialDelay is not supported/ },
  { rule: 'CORS origins', valid: withRoute({ corsPolicy: { allowOrigins: [{ exact: 'https://a.example.com' }, { regex: 'https://.*\\.example\\.com' }] } }), invalid: withRoute({ corsPolicy: { allowOrigins: [{ exact: '' }] } }), message: /non-empty exact, prefix or regex/ },
  { rule: 'CORS origin regex', valid: withRoute({ corsPolicy: { allowOrigins: [{ prefix: 'https://' }] } }), invalid: withRoute({ corsPolicy: { allowOrigins: [{ regex: '(?<=x)y' }] } }), message: /lookaround/ },
  { rule: 'CORS methods', valid: withRoute({ corsPolicy: { allowMethods: ['GET', 'POST'] } }), invalid: withRoute({ corsPolicy: { allowMethods: ['get'] } }), message: /"get" is not a supported HTTP method/ },
  { rule: 'CORS headers', valid: withRoute({ corsPolicy: { allowHeaders: ['*', 'x-a'], exposeHeaders: ['x-b'] } }), invalid: withRoute({ corsPolicy: { exposeHeaders: ['x:b'] } }), message: /"x:b" is not a valid header name/ },
  // Cases of istio's TestValidateHTTPHeaderName (pkg/config/validation/validation_test.go): header names are RFC 7230 tokens.
  { rule: 'header match names: RFC 7230 tokens and pseudo-headers (TestValidateHTTPHeaderName)', valid: match({ headers: { 'funky!$#_': { exact: 'a' }, ':authority': { exact: 'a' } }, withoutHeaders: { "x'b": { exact: 'a' } } }), invalid: match({ headers: { '::': { exact: 'a' } } }), message: /"::" is not a valid header name/ },
  { rule: 'CORS header names: RFC 7230 tokens (TestValidateHTTPHeaderName)', valid: withRoute({ corsPolicy: { allowHeaders: ['funky!$#_'], exposeHeaders: ["a'"] } }), invalid: withRoute({ corsPolicy: { allowHeaders: ['illegal"char'] } }), message: /"illegal"char" is not a valid header name/ },
  { rule: 'CORS maxAge seconds', valid: withRoute({ corsPolicy: { maxAge: '24h' } }), invalid: withRoute({ corsPolicy: { maxAge: '1500ms' } }), message: /maxAge is only accurate to seconds/ },
  { rule: 'TLS route needs a match', valid: tls(['shop.example.com']), invalid: vs({ tls: [{ route: [{ destination }] }] }), message: /a tls route needs at least one match/ },
  { rule: 'TLS match needs SNI hosts', valid: tls(['shop.example.com']), invalid: tls([]), message: /needs at least one SNI host/ },
  { rule: 'SNI host within the hosts', valid: vs({ hosts: ['*.example.com'], tls: [{ match: [{ sniHosts: ['a.example.com'] }], route: [{ destination }] }] }), invalid: tls(['other.example.org']), message: /SNI host "other.example.org" is not covered/ },
  // validation_test.go TestValidateVirtualService "allow sni based domains"; agent/validation_test.go TestValidateWildcardDomainForVirtualServiceBoundToGateway "invalid SNI domain"
  {
    rule: 'auto-passthrough SNI hosts',
    valid: autoPassthrough(['ns1/gateway'], 'outbound_.15010_._.istiod.istio-system.svc.cluster.local', 'outbound_.15010_._.istiod.istio-system.svc.cluster.local'),
    invalid: autoPassthrough(['ns1/gateway'], '*.foobar.mesh', 'outbound_.thisIsNotAPort_._.e2e.foobar.mesh'),
    message: /spec.tls\[0\].match\[0\].sniHosts\[0\]: SNI host "outbound_.thisIsNotAPort_._.e2e.foobar.mesh" is invalid: "thisIsNotAPort" is no port number \(expected outbound_.<port>_._.<host>\)/,
  },
  {
    rule: 'auto-passthrough SNI hosts need all parts',
    valid: autoPassthrough(['ns1/gateway'], '*.foobar.mesh', 'outbound_.80_._.e2e.foobar.mesh'),
    invalid: autoPassthrough(['ns1/gateway'], '*.foobar.mesh', 'outbound_.80_.e2e.foobar.mesh'),
    message: /SNI host "outbound_.80_.e2e.foobar.mesh" is invalid: expected outbound_.<port>_._.<host>/,
  },
  {
    rule: 'auto-passthrough SNI hosts name a host',
    valid: autoPassthrough(['ns1/gateway'], '*', 'outbound_.80_._.e2e'),
    invalid: autoPassthrough(['ns1/gateway'], '*', 'outbound_.80_._'),
    message: /SNI host "outbound_.80_._" is invalid: "" is no host name/,
  },
  {
    // Istio reads SNI hosts the gateway way unless the virtual service names the mesh
    rule: 'auto-passthrough SNI hosts unless bound to the mesh',
    valid: autoPassthrough([], '*.foobar.mesh', 'outbound_.80_._.e2e.foobar.mesh'),
    invalid: autoPassthrough(['mesh'], '*.foobar.mesh', 'outbound_.80_._.e2e.foobar.mesh'),
    message: /label "outbound_" is not a DNS-1123 label/,
  },
  { rule: 'SNI IP address', valid: tls(['shop.example.com']), invalid: vs({ hosts: ['10.0.0.1'], tls: [{ match: [{ sniHosts: ['10.0.0.1'] }], route: [{ destination }] }] }), message: /is an IP address/, level: FindingLevel.WARNING },
  { rule: 'TLS route needs destinations', valid: tls(['shop.example.com']), invalid: tls(['shop.example.com'], { route: [] }), message: /a tls route needs route destinations/ },
  { rule: 'destination subnets', valid: tcp({ match: [{ destinationSubnets: ['10.0.0.0/8', '2001:db8::/32', '192.168.0.1'] }] }), invalid: tcp({ match: [{ destinationSubnets: ['10.0.0.0/33'] }] }), message: /"10.0.0.0\/33" is not a valid CIDR block/ },
  { rule: 'TCP route needs destinations', valid: tcp({ match: [{ port: 5432 }] }), invalid: tcp({ route: [] }), message: /a tcp route needs route destinations/ },
  { rule: 'exportTo entries', valid: vs({ http: [route], exportTo: ['.', 'shop'] }), invalid: vs({ http: [route], exportTo: ['Shop_NS'] }), message: /invalid exportTo entry "Shop_NS"/ },
  { rule: 'exportTo "*" alone', valid: vs({ http: [route], exportTo: ['*'] }), invalid: vs({ http: [route], exportTo: ['*', 'shop'] }), message: /cannot combine "\*"/ },
  { rule: 'exportTo duplicates', valid: vs({ http: [route], exportTo: ['.', 'other'] }), invalid: vs({ http: [route], exportTo: ['.', 'edge'] }), message: /duplicate entries in exportTo: "." and the object's namespace "edge"/ },
  { rule: 'exportTo "~" only for service entries', valid: vs({ http: [route], exportTo: ['.'] }), invalid: vs({ http: [route], exportTo: ['~'] }), message: /only allowed for service entries/ },
]);
