import { AdmissionCase, asSpec, Embed, istio, Row, table } from './case';

const FILE = 'validation_test.go';
const CHAINING_FILE = 'virtualservice_test.go';
const to = (host: string, extra: any = {}) => ({ destination: { host }, ...extra });
const simpleHttp = [{ route: [to('foo.baz')] }];
const delegate = { name: 'test', namespace: 'test' };
const redirect = { uri: '/', authority: 'foo.biz' };
const sniHost = 'outbound_.15010_._.istiod.istio-system.svc.cluster.local';

const virtualServiceRows: Row[] = [
  ['simple', { hosts: ['foo.bar'], http: simpleHttp }, 'admit'],
  ['allow sni based domains', { hosts: [sniHost], gateways: ['ns1/gateway'], tls: [{ match: [{ sniHosts: [sniHost] }], route: [to('istio.istio-system.svc.cluster.local')] }] }, 'admit'],
  ['duplicate hosts', { hosts: ['*.foo.bar', '*.bar'], http: simpleHttp }, 'reject'],
  ['with no destination', { hosts: ['*.foo.bar', '*.bar'], http: [{ route: [{}] }] }, 'reject'],
  ['destination with out hosts', { hosts: ['*.foo.bar', '*.bar'], http: [{ route: [{ destination: {} }] }] }, 'reject'],
  ['delegate with no hosts', { http: simpleHttp }, 'admit'],
  ['bad host', { hosts: ['foo.ba!r'], http: simpleHttp }, 'reject'],
  ['no tcp or http routing', { hosts: ['foo.bar'] }, 'reject'],
  ['bad gateway', { hosts: ['foo.bar'], gateways: ['b@dgateway'], http: simpleHttp }, 'reject'],
  ['FQDN for gateway', { hosts: ['foo.bar'], gateways: ['gateway.example.com'], http: simpleHttp }, 'warn'],
  ['namespace/name for gateway', { hosts: ['foo.bar'], gateways: ['ns1/gateway'], http: simpleHttp }, 'admit'],
  ['namespace/* for gateway', { hosts: ['foo.bar'], gateways: ['ns1/*'], http: simpleHttp }, 'reject'],
  ['*/name for gateway', { hosts: ['foo.bar'], gateways: ['*/gateway'], http: simpleHttp }, 'reject'],
  ['wildcard for mesh gateway', { hosts: ['*'], http: simpleHttp }, 'reject'],
  ['wildcard for non-mesh gateway', { hosts: ['*'], gateways: ['somegateway'], http: simpleHttp }, 'admit'],
  ['missing tcp route', { hosts: ['foo.bar'], tcp: [{ match: [{ port: 999 }] }] }, 'reject'],
  ['missing tls route', { hosts: ['foo.bar'], tls: [{ match: [{ port: 999, sniHosts: ['foo.bar'] }] }] }, 'reject'],
  ['deprecated mirror', { hosts: ['foo.bar'], gateways: ['ns1/gateway'], http: [{ mirrorPercent: 5, route: [to('foo.baz')] }] }, 'warn'],
  ['set authority', { hosts: ['foo.bar'], http: [{ headers: { request: { set: { ':authority': 'foo' } } }, route: [to('foo.baz')] }] }, 'admit'],
  ['set authority in destination', { hosts: ['foo.bar'], http: [{ route: [to('foo.baz', { headers: { request: { set: { ':authority': 'foo' } } } })] }] }, 'admit'],
  ['set authority in rewrite and header', { hosts: ['foo.bar'], http: [{ headers: { request: { set: { ':authority': 'foo' } } }, rewrite: { authority: 'bar' }, route: [to('foo.baz')] }] }, 'reject'],
  ['non-method-get', { hosts: ['foo.bar'], http: [{ route: [to('foo.baz')], match: [{ uri: { prefix: '/api/v1/product' } }, { uri: { prefix: '/api/v1/products' }, method: { exact: 'GET' } }] }] }, 'warn'],
  ['uri-with-prefix-exact', { hosts: ['foo.bar'], http: [{ route: [to('foo.baz')], match: [{ uri: { prefix: '/' } }, { uri: { exact: '/' }, method: { exact: 'GET' } }] }] }, 'admit'],
  ['jwt claim route without gateway', { hosts: ['foo.bar'], gateways: ['mesh'], http: [{ route: [to('foo.baz')], match: [{ uri: { prefix: '/' }, headers: { '@request.auth.claims.foo': { exact: 'bar' } } }] }] }, 'reject'],
  ['ip address as sni host', { hosts: ['foo.bar'], tls: [{ route: [to('foo.baz')], match: [{ port: 999, sniHosts: ['1.1.1.1'] }] }] }, 'warn'],
  ['invalid wildcard as sni host', { hosts: ['foo.bar'], tls: [{ route: [to('foo.baz')], match: [{ port: 999, sniHosts: ['foo.*.com'] }] }] }, 'reject'],
];

const chainingRows: Row[] = [
  ['root simple', { hosts: ['foo.bar'], gateways: ['test-gateway'], http: [{ delegate }] }, 'admit'],
  ['root applies to sidecar with delegate', { hosts: ['foo.bar'], http: [{ delegate }] }, 'admit'],
  ['root with delegate and destination in one route', { hosts: ['foo.bar'], http: [{ delegate, route: [to('foo.baz')] }] }, 'reject'],
  ['delegate with no destination', { hosts: [], http: [{}] }, 'reject'],
  ['delegate with delegate', { hosts: [], http: [{ delegate }] }, 'reject'],
  ['delegate with TCP route', { hosts: [], tcp: [{ route: [to('foo.baz')] }] }, 'reject'],
  ['delegate with gateway', { hosts: [], gateways: ['test'], http: simpleHttp }, 'reject'],
  ['delegate with sourceNamespace', { hosts: [], http: [{ match: [{ sourceNamespace: 'test' }], route: [to('foo.baz')] }] }, 'admit'],
];

const withHeaderMatch = (field: string, match: any) => ({ match: [{ [field]: { header: match } }] });
const rootRouteRows: Row[] = [
  ['simple', { delegate }, 'admit'],
  ['route and delegate conflict', { route: [to('foo.baz')], delegate }, 'reject'],
  ['redirect and delegate conflict', { redirect: { uri: '/lerp', authority: 'foo.biz' }, delegate }, 'reject'],
  ['null header match', { delegate, ...withHeaderMatch('headers', null) }, 'reject'],
  ['prefix header match', { delegate, ...withHeaderMatch('headers', { prefix: 'test' }) }, 'admit'],
  ['empty prefix header match (delegate)', { delegate, ...withHeaderMatch('headers', { prefix: '' }) }, 'reject'],
  ['exact header match', { delegate, ...withHeaderMatch('headers', { exact: 'test' }) }, 'admit'],
  ['regex header match', { delegate, ...withHeaderMatch('headers', { regex: 'test' }) }, 'admit'],
  ['exact without headers match', { redirect, ...withHeaderMatch('withoutHeaders', { exact: 'test' }) }, 'admit'],
  ['regex without headers match', { redirect, ...withHeaderMatch('withoutHeaders', { regex: 'test' }) }, 'admit'],
  ['regex without headers match ?', { redirect, ...withHeaderMatch('withoutHeaders', { regex: '?' }) }, 'reject'],
  ['regex without headers match *', { redirect, ...withHeaderMatch('withoutHeaders', { regex: '*' }) }, 'admit'],
  ['regex uri match', { delegate, match: [{ uri: { regex: 'test' } }] }, 'admit'],
  ['prefix uri match', { delegate, match: [{ uri: { prefix: 'test' } }] }, 'admit'],
  ['exact uri match', { delegate, match: [{ uri: { exact: 'test' } }] }, 'admit'],
  ['prefix queryParams match', { delegate, match: [{ queryParams: { q: { prefix: 'test' } } }] }, 'admit'],
  ['exact queryParams match', { delegate, match: [{ queryParams: { q: { exact: 'test' } } }] }, 'admit'],
  ['regex queryParams match', { delegate, match: [{ headers: { q: { regex: 'test' } } }] }, 'admit'],
  ['empty prefix match in method', { match: [{ method: { prefix: '' } }], redirect }, 'reject'],
  ['empty regex match in method', { match: [{ method: { regex: '' } }], redirect }, 'reject'],
  ['empty prefix match in uri', { match: [{ uri: { prefix: '' } }], redirect }, 'admit'],
  ['empty regex match in uri', { match: [{ uri: { regex: '' } }], redirect }, 'reject'],
  ['empty regex match in query', { match: [{ queryParams: { q: { regex: '' } } }], redirect }, 'reject'],
  ['empty regex match in scheme', { match: [{ scheme: { regex: '' } }], redirect }, 'reject'],
  ['empty prefix match in scheme', { match: [{ scheme: { prefix: '' } }], redirect }, 'reject'],
  ['empty prefix header match', withHeaderMatch('headers', { prefix: '' }), 'reject'],
];

const delegateRouteRows: Row[] = [
  ['empty', {}, 'reject'],
  ['simple', { route: [to('foo.baz')] }, 'admit'],
  ['no destination', { route: [{}] }, 'reject'],
  ['weighted', { route: [to('foo.baz.south', { weight: 25 }), to('foo.baz.east', { weight: 75 })] }, 'admit'],
  ['total weight > 100', { route: [to('foo.baz.south', { weight: 55 }), to('foo.baz.east', { weight: 50 })] }, 'admit'],
  ['total weight < 100', { route: [to('foo.baz.south', { weight: 49 }), to('foo.baz.east', { weight: 50 })] }, 'admit'],
  ['simple redirect', { redirect: { uri: '/lerp', authority: 'foo.biz' } }, 'admit'],
  ['conflicting redirect and route', { route: [to('foo.baz')], redirect: { uri: '/lerp', authority: 'foo.biz' } }, 'reject'],
  ['request response headers', { route: [to('foo.baz')] }, 'admit'],
  ['valid headers', { route: [to('foo.baz', { headers: { request: { add: { name: '' }, set: { name: '' }, remove: ['name'] }, response: { add: { name: '' }, set: { name: '' }, remove: ['name'] } } })] }, 'admit'],
  ['empty header name - request add', { route: [to('foo.baz', { headers: { request: { add: { '': 'value' } } } })] }, 'reject'],
  ['empty header name - request set', { route: [to('foo.baz', { headers: { request: { set: { '': 'value' } } } })] }, 'reject'],
  ['empty header name - request remove', { route: [to('foo.baz', { headers: { request: { remove: [''] } } })] }, 'reject'],
  ['empty header name - response add', { route: [to('foo.baz', { headers: { response: { add: { '': 'value' } } } })] }, 'reject'],
  ['empty header name - response set', { route: [to('foo.baz', { headers: { response: { set: { '': 'value' } } } })] }, 'reject'],
  ['empty header name - response remove', { route: [to('foo.baz', { headers: { response: { remove: [''] } } })] }, 'reject'],
  ['null header match', { route: [to('foo.bar')], match: [{ headers: { header: null } }] }, 'reject'],
  ['nil match', { route: [to('foo.bar')] }, 'admit'],
  ['match with nil element', { route: [to('foo.bar')], match: [null] }, 'admit'],
  ['invalid mirror percent', { mirrorPercent: 101, route: [to('foo.bar')], match: [null] }, 'reject'],
  ['invalid mirror percentage', { mirrorPercentage: { value: 101 }, route: [to('foo.bar')], match: [null] }, 'reject'],
  ['valid mirror percentage', { mirrorPercentage: { value: 1 }, route: [to('foo.bar')], match: [null] }, 'admit'],
  ['negative mirror percentage', { mirrorPercentage: { value: -1 }, route: [to('foo.bar')], match: [null] }, 'reject'],
  ['delegate route with delegate', { delegate }, 'reject'],
];

/** A root route: in a VirtualService with hosts, as validateHTTPRoute checks it when it is not a delegate. */
const inRoot: Embed = (route) => istio('VirtualService', { hosts: ['foo.bar'], http: [route] });
/** A delegate's route: in a VirtualService without hosts. */
const inDelegate: Embed = (route) => istio('VirtualService', { http: [route] });

/** TestValidateVirtualService and the chaining tests of virtualservice_test.go. */
export const virtualServiceCases: AdmissionCase[] = [
  ...table(`${FILE} TestValidateVirtualService`, asSpec('VirtualService'), virtualServiceRows),
  ...table(`${CHAINING_FILE} TestValidateChainingVirtualService`, asSpec('VirtualService'), chainingRows, { errorsOnly: true }),
  ...table(`${CHAINING_FILE} TestValidateRootHTTPRoute`, inRoot, rootRouteRows, { errorsOnly: true }),
  ...table(`${CHAINING_FILE} TestValidateDelegateHTTPRoute`, inDelegate, delegateRouteRows, { errorsOnly: true }),
];
