import { AdmissionCase, Embed, istio, Row, table } from './case';

const FILE = 'validation_test.go';
const to = (host: string, extra: any = {}) => ({ destination: { host }, ...extra });
const simpleRoute = [to('foo.baz')];

/** An HTTP route in a VirtualService bound to the mesh: the context validateHTTPRoute is called in. */
const inVirtualService: Embed = (route) => istio('VirtualService', { hosts: ['foo.bar'], http: [route] });
/** A field of a route that otherwise sends everything to one destination. */
const onRoute = (field: string): Embed => (value) => inVirtualService({ [field]: value, route: simpleRoute });
const withMatch = (match: any) => ({ match: [match], route: simpleRoute });
const withHeaders = (headers: any) => ({ route: [to('foo.baz', { headers })] });
const mirrored = (extra: any) => ({ ...extra, route: [to('foo.bar')] });

const headerNameRows: Row[] = [
  ['header1', 'header1', 'admit'],
  ['X-Requested-With', 'X-Requested-With', 'admit'],
  [':authority', ':authority', 'admit'],
  ['funky!$#_', 'funky!$#_', 'admit'],
  ['""', '', 'reject'],
  ['::', '::', 'reject'],
  ['illegal"char', 'illegal"char', 'reject'],
];

const cors = (extra: any) => ({ allowMethods: ['GET', 'POST'], allowHeaders: ['header1', 'header2'], exposeHeaders: ['header3'], maxAge: '2s', ...extra });
const corsRows: Row[] = [
  ['valid', cors({}), 'admit'],
  ['bad method', cors({ allowMethods: ['GET', 'PUTT'] }), 'reject'],
  ['bad header', cors({ exposeHeaders: [''] }), 'reject'],
  ['bad max age', cors({ maxAge: '2.000000042s' }), 'reject'],
  ['empty matchType AllowOrigins', cors({ allowOrigins: [{ exact: '' }, { prefix: '' }, { regex: '' }] }), 'reject'],
  ['non empty matchType AllowOrigins', cors({ allowOrigins: [{ exact: 'exact' }, { prefix: 'prefix' }, { regex: 'regex' }] }), 'admit'],
];

const httpStatusRows: Row[] = [
  ['-100', -100, 'reject'],
  ['0', 0, 'reject'],
  ['200', 200, 'admit'],
  ['600', 600, 'admit'],
  ['601', 601, 'reject'],
];

const abortRows: Row[] = [
  ['valid', { percentage: { value: 20 }, httpStatus: 200 }, 'admit'],
  ['valid default', { httpStatus: 200 }, 'admit'],
  ['invalid http status', { percentage: { value: 20 }, httpStatus: 9000 }, 'reject'],
  ['invalid low http status', { percentage: { value: 20 }, httpStatus: 100 }, 'reject'],
  ['valid percentage', { percentage: { value: 0.001 }, httpStatus: 200 }, 'admit'],
  ['invalid fractional percent', { percentage: { value: -10 }, httpStatus: 200 }, 'reject'],
  ['grpc: valid', { percentage: { value: 20 }, grpcStatus: 'DEADLINE_EXCEEDED' }, 'admit'],
  ['grpc: valid default percentage', { grpcStatus: 'DEADLINE_EXCEEDED' }, 'admit'],
  ['grpc: invalid status', { percentage: { value: 20 }, grpcStatus: 'BAD_STATUS' }, 'reject'],
  ['grpc: valid percentage', { percentage: { value: 0.001 }, grpcStatus: 'INTERNAL' }, 'admit'],
  ['grpc: invalid fractional percent', { percentage: { value: -10 }, grpcStatus: 'DEADLINE_EXCEEDED' }, 'reject'],
];

const delayRows: Row[] = [
  ['valid fixed', { percentage: { value: 20 }, fixedDelay: '3s' }, 'admit'],
  ['valid default', { fixedDelay: '3s' }, 'admit'],
  ['invalid percent', { percentage: { value: 101 }, fixedDelay: '3s' }, 'reject'],
  ['invalid delay', { percentage: { value: 20 }, fixedDelay: '3.000000042s' }, 'reject'],
  ['valid fractional percentage', { percentage: { value: 0.001 }, fixedDelay: '3s' }, 'admit'],
  ['invalid fractional percentage', { percentage: { value: -10 }, fixedDelay: '3s' }, 'reject'],
];

const retryRows: Row[] = [
  ['valid', { attempts: 10, perTryTimeout: '2s', retryOn: '5xx,gateway-error' }, 'admit'],
  ['disable retries', { attempts: 0 }, 'admit'],
  ['invalid, retry policy configured but attempts set to zero', { attempts: 0, perTryTimeout: '2s', retryOn: '5xx,gateway-error' }, 'reject'],
  ['valid default', { attempts: 10 }, 'admit'],
  ['valid http status retryOn', { attempts: 10, perTryTimeout: '2s', retryOn: '503,connect-failure' }, 'admit'],
  ['invalid attempts', { attempts: -1, perTryTimeout: '2s' }, 'reject'],
  ['invalid timeout', { attempts: 10, perTryTimeout: '2.000000001s' }, 'reject'],
  ['timeout too small', { attempts: 10, perTryTimeout: '0.000000999s' }, 'reject'],
  ['invalid backoff', { attempts: 10, backoff: '0.000000999s' }, 'reject'],
  ['invalid policy retryOn', { attempts: 10, perTryTimeout: '2s', retryOn: '5xx,invalid policy' }, 'reject'],
  ['invalid http status retryOn', { attempts: 10, perTryTimeout: '2s', retryOn: '600,connect-failure' }, 'reject'],
  ['invalid, retryRemoteLocalities configured but attempts set to zero', { attempts: 0, retryRemoteLocalities: false }, 'reject'],
];

const regexRewrite = { match: '^/service/([^/]+)(/.*)$', rewrite: '\\2/instance/\\1' };
const rewriteRows: Row[] = [
  ['uri and authority', { uri: '/path/to/resource', authority: 'foobar.org' }, 'admit'],
  ['uri', { uri: '/path/to/resource' }, 'admit'],
  ['authority', { authority: 'foobar.org' }, 'admit'],
  ['uriRegexRewrite', { uriRegexRewrite: regexRewrite }, 'admit'],
  ['uriRegexRewrite and authority', { authority: 'foobar.org', uriRegexRewrite: regexRewrite }, 'admit'],
  ['uriRegexRewrite and uri', { uri: '/path/to/resource', uriRegexRewrite: regexRewrite }, 'reject'],
  ['no uri, uriRegexRewrite, or authority', {}, 'reject'],
];

const uriRegexRewriteRows: Row[] = [
  ['uriRegexRewrite happy path', regexRewrite, 'admit'],
  ['uriRegexRewrite missing match', { rewrite: regexRewrite.rewrite }, 'reject'],
  ['uriRegexRewrite missing rewrite', { match: regexRewrite.match }, 'reject'],
  ['uriRegexRewrite invalid regex patterns', { match: '[', rewrite: '[' }, 'reject'],
];

const redirectRows: Row[] = [
  ['empty uri and authority', { uri: '', authority: '' }, 'reject'],
  ['too small redirect code', { uri: 't', redirectCode: 299 }, 'reject'],
  ['too large redirect code', { uri: 't', redirectCode: 400 }, 'reject'],
  ['empty authority', { uri: 't', authority: '' }, 'admit'],
  ['empty uri', { uri: '', authority: 't' }, 'admit'],
  ['empty redirect code', { uri: 't', authority: 't', redirectCode: 0 }, 'admit'],
  ['normal redirect', { uri: 't', authority: 't', redirectCode: 308 }, 'admit'],
  ['prefix_rewrite alone', { prefixRewrite: '/bar' }, 'admit'],
  ['prefix_rewrite with authority', { authority: 'foo.example.com', prefixRewrite: '/' }, 'admit'],
  ['uri and prefix_rewrite mutually exclusive', { uri: '/old', prefixRewrite: '/new' }, 'reject'],
];

const KB = 1024;
const MB = 1024 * KB;
const base64Of = (length: number) => Buffer.alloc(length, 'a').toString('base64');
const directResponseRows: Row[] = [
  ['status 200', { status: 200 }, 'admit'],
  ['status 100', { status: 199 }, 'reject'],
  ['status 600', { status: 601 }, 'reject'],
  ['with string body', { status: 200, body: { string: 'hello' } }, 'admit'],
  ['with string body over 100kb', { status: 200, body: { string: 'a'.repeat(101 * KB) } }, 'warn'],
  ['with string body over 1mb', { status: 200, body: { string: 'a'.repeat(2 * MB) } }, 'reject'],
  ['with bytes body', { status: 200, body: { bytes: Buffer.from('hello').toString('base64') } }, 'admit'],
  ['with bytes body over 100kb', { status: 200, body: { bytes: base64Of(100 * KB + 1) } }, 'warn'],
  ['with bytes body over 1mb', { status: 200, body: { bytes: base64Of(MB + 1) } }, 'reject'],
];

const destinationRows: Row[] = [
  ['empty', {}, 'reject'],
  ['simple', { host: 'foo.bar' }, 'admit'],
  ['full', { host: 'foo.bar', subset: 'shiny', port: { number: 5000 } }, 'admit'],
  ['unnumbered-selector', { host: 'foo.bar', subset: 'shiny', port: {} }, 'reject'],
];

const httpRouteRows: Row[] = [
  ['empty', {}, 'reject'],
  ['simple', { route: simpleRoute }, 'admit'],
  ['no destination', { route: [{}] }, 'reject'],
  ['weighted', { route: [to('foo.baz.south', { weight: 25 }), to('foo.baz.east', { weight: 75 })] }, 'admit'],
  ['total weight > 100', { route: [to('foo.baz.south', { weight: 550 }), to('foo.baz.east', { weight: 500 })] }, 'admit'],
  ['total weight < 100', { route: [to('foo.baz.south', { weight: 49 }), to('foo.baz.east', { weight: 50 })] }, 'admit'],
  ['simple redirect', { redirect: { uri: '/lerp', authority: 'foo.biz' } }, 'admit'],
  ['prefix_rewrite redirect with prefix URI match', { match: [{ uri: { prefix: '/foo' } }], redirect: { prefixRewrite: '/bar' } }, 'admit'],
  ['prefix_rewrite redirect with exact URI match is invalid', { match: [{ uri: { exact: '/foo' } }], redirect: { prefixRewrite: '/bar' } }, 'reject'],
  ['prefix_rewrite redirect with regex URI match is invalid', { match: [{ uri: { regex: '/foo.*' } }], redirect: { prefixRewrite: '/bar' } }, 'reject'],
  ['prefix_rewrite redirect with no URI match (wildcard) is valid', { match: [{ headers: { 'x-foo': { exact: 'bar' } } }], redirect: { prefixRewrite: '/bar' } }, 'admit'],
  ['conflicting redirect and route', { route: simpleRoute, redirect: { uri: '/lerp', authority: 'foo.biz' } }, 'reject'],
  ['request response headers', { route: simpleRoute }, 'admit'],
  ['valid headers', withHeaders({ request: { add: { name: '' }, set: { name: '' }, remove: ['name'] }, response: { add: { name: '' }, set: { name: '' }, remove: ['name'] } }), 'admit'],
  ['empty header name - request add', withHeaders({ request: { add: { '': 'value' } } }), 'reject'],
  ['empty header name - request set', withHeaders({ request: { set: { '': 'value' } } }), 'reject'],
  ['empty header name - request remove', withHeaders({ request: { remove: [''] } }), 'reject'],
  ['empty header name - response add', withHeaders({ response: { add: { '': 'value' } } }), 'reject'],
  ['empty header name - response set', withHeaders({ response: { set: { '': 'value' } } }), 'reject'],
  ['empty header name - response remove', withHeaders({ response: { remove: [''] } }), 'reject'],
  ['envoy escaped % set', withHeaders({ response: { set: { 'i-love-istio': '100%%' } } }), 'admit'],
  ['envoy variable set', withHeaders({ response: { set: { name: '%HOSTNAME%' } } }), 'admit'],
  ['envoy unescaped % set', withHeaders({ response: { set: { name: 'abcd%oijasodifj' } } }), 'reject'],
  ['envoy escaped % add', withHeaders({ response: { add: { 'i-love-istio': '100%% and more' } } }), 'admit'],
  ['envoy variable add', withHeaders({ response: { add: { name: 'hello %HOSTNAME%' } } }), 'admit'],
  ['envoy unescaped % add', withHeaders({ response: { add: { name: 'abcd%oijasodifj' } } }), 'reject'],
  ['null header match', { route: [to('foo.bar')], match: [{ headers: { header: null } }] }, 'reject'],
  ['empty prefix header match', { route: [to('foo.bar')], match: [{ headers: { emptyprefix: { prefix: '' } } }] }, 'reject'],
  ['nil match', { route: [to('foo.bar')] }, 'admit'],
  ['match with nil element', { route: [to('foo.bar')], match: [null] }, 'admit'],
  ['invalid mirror percent', mirrored({ mirrorPercent: 101, match: [null] }), 'reject'],
  ['invalid mirror percentage', mirrored({ mirrorPercentage: { value: 101 }, match: [null] }), 'reject'],
  ['valid mirror percentage', mirrored({ mirrorPercentage: { value: 1 }, match: [null] }), 'admit'],
  ['negative mirror percentage', mirrored({ mirrorPercentage: { value: -1 }, match: [null] }), 'reject'],
  ['mirrors without destination', mirrored({ mirrors: [{}], match: [null] }), 'reject'],
  ['mirrors invalid mirror percentage', mirrored({ mirrors: [{ destination: { host: 'foo.baz' } }, { destination: { host: 'foo.baz' }, percentage: { value: 101 } }], match: [null] }), 'reject'],
  ['mirrors valid mirror percentage', mirrored({ mirrors: [{ destination: { host: 'foo.baz' }, percentage: { value: 1 } }, { destination: { host: 'foo.baz' }, percentage: { value: 50 } }], match: [null] }), 'admit'],
  ['mirrors negative mirror percentage', mirrored({ mirrors: [{ destination: { host: 'foo.baz' }, percentage: { value: -1 } }], match: [null] }), 'reject'],
  ['conflicting mirror and mirrors', { mirror: { host: 'foo.baz' }, mirrors: [{ destination: { host: 'foo.bar' } }], route: simpleRoute }, 'reject'],
];

/** Routes of a TCP route: where validateRouteDestinations is called. */
const inTcpRoute: Embed = (route) => istio('VirtualService', { hosts: ['foo.bar'], tcp: [{ route }] });
const routeDestinationRows: Row[] = [
  ['simple', [to('foo.baz')], 'admit'],
  ['wildcard dash', [to('*-foo.baz')], 'admit'],
  ['wildcard prefix', [to('*foo.baz')], 'admit'],
  ['wildcard', [to('*')], 'reject'],
  ['bad wildcard', [to('foo.*')], 'reject'],
  ['bad fqdn', [to('default/baz')], 'reject'],
  ['no destination', [{}], 'reject'],
  ['weighted', [to('foo.baz.south', { weight: 25 }), to('foo.baz.east', { weight: 75 })], 'admit'],
  ['weight < 0', [to('foo.baz.south', { weight: 5 }), to('foo.baz.east', { weight: -1 })], 'reject'],
  ['total weight > 100', [to('foo.baz.south', { weight: 550 }), to('foo.baz.east', { weight: 500 })], 'admit'],
  ['total weight < 100', [to('foo.baz.south', { weight: 49 }), to('foo.baz.east', { weight: 50 })], 'admit'],
  ['total weight = 100', [to('foo.baz.south', { weight: 100 }), to('foo.baz.east', { weight: 0 })], 'admit'],
  ['weight = 0', [to('foo.baz.south', { weight: 0 })], 'admit'],
  ['total weight = 0 with multi RouteDestination', [to('foo.baz.south', { weight: 0 }), to('foo.baz.east', { weight: 0 })], 'reject'],
];

const headerValueRows: Row[] = [
  ['foo', 'foo', 'admit'],
  ['%HOSTNAME%', '%HOSTNAME%', 'admit'],
  ['100%%', '100%%', 'admit'],
  ['prefix %HOSTNAME% suffix', 'prefix %HOSTNAME% suffix', 'admit'],
  ['%DOWNSTREAM_PEER_CERT_V_END(%b %d %H:%M:%S %Y %Z)%', '%DOWNSTREAM_PEER_CERT_V_END(%b %d %H:%M:%S %Y %Z)%', 'admit'],
  ['%DYNAMIC_METADATA(com.test.my_filter)%', '%DYNAMIC_METADATA(com.test.my_filter)%', 'admit'],
  ['%START_TIME%%', '%START_TIME%%', 'reject'],
  ['abc%123', 'abc%123', 'reject'],
];

/** The HTTP route tests of validation_test.go: each fragment in a route of an otherwise valid VirtualService. */
export const httpRouteCases: AdmissionCase[] = [
  ...table(`${FILE} TestValidateHTTPHeaderName`, (name) => inVirtualService(withMatch({ headers: { [name]: { exact: 'v' } } })), headerNameRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateCORSPolicy`, onRoute('corsPolicy'), corsRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateHTTPStatus`, (httpStatus) => onRoute('fault')({ abort: { percentage: { value: 20 }, httpStatus } }), httpStatusRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateHTTPFaultInjectionAbort`, (abort) => onRoute('fault')({ abort }), abortRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateHTTPFaultInjectionDelay`, (delay) => onRoute('fault')({ delay }), delayRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateHTTPRetry`, onRoute('retries'), retryRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateHTTPRewrite`, onRoute('rewrite'), rewriteRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateUriRegexRewrite`, (uriRegexRewrite) => onRoute('rewrite')({ uriRegexRewrite }), uriRegexRewriteRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateHTTPRedirect`, (redirect) => inVirtualService({ redirect }), redirectRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateHTTPDirectResponse`, (directResponse) => inVirtualService({ directResponse }), directResponseRows),
  ...table(`${FILE} TestValidateDestination`, (destination) => inVirtualService({ route: [{ destination }] }), destinationRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateHTTPRoute`, inVirtualService, httpRouteRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateRouteDestination`, inTcpRoute, routeDestinationRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateHTTPHeaderValue`, (value) => inVirtualService(withHeaders({ request: { set: { 'x-value': value } } })), headerValueRows, { errorsOnly: true }),
];
