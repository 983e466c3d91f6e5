import { CRD_SCHEMA_INDEX, CRD_SCHEMA_TEXTS } from '../../../imports/crd-schemas';
import { analyze } from '../../../src/rules/analyze';
import { FindingLevel, KubeObject } from '../../../src/rules/finding';
import { celPropertyName, compileCelRules, withDefaults } from '../../../src/rules/schema/cel-rules';
import { SchemaNode } from '../../../src/rules/schema/schema-node';
import { describeWithCrds, loadCrds } from '../../support/crds';

const V1 = 'gateway.networking.k8s.io/v1';

function object(kind: string, spec: any, apiVersion = V1): KubeObject {
  return { apiVersion, kind, metadata: { name: 'shop', namespace: 'edge' }, spec };
}

/** The messages of the IST0106 findings `obj` draws alone: its schema's and its CEL rules'. */
function refusals(obj: KubeObject): string[] {
  return analyze([obj], { assumeHostsAndSecretsExist: true, defaultGateway: false }).filter((f) => f.code === 'IST0106').map((f) => f.message);
}

const cert = { certificateRefs: [{ name: 'shop-cert' }] };
const gateway = (listeners: object[]) => object('Gateway', { gatewayClassName: 'istio', listeners });
const route = (rules: object[], extra: object = {}) => object('HTTPRoute', { parentRefs: [{ name: 'edge' }], rules, ...extra });
const backend = { name: 'web', port: 8080 };
const filterRule = (filters: object[]) => route([{ filters, backendRefs: [backend] }]);

const CASES: Array<[string, KubeObject, string[]]> = [
  ['listener names are unique', gateway([{ name: 'a', port: 80, protocol: 'HTTP' }, { name: 'a', port: 81, protocol: 'HTTP' }]),
    ['spec.listeners: Listener name must be unique within the Gateway']],
  ['port, protocol and hostname are unique', gateway([{ name: 'a', port: 80, protocol: 'HTTP', hostname: 'a.example.com' }, { name: 'b', port: 80, protocol: 'HTTP', hostname: 'a.example.com' }]),
    ['spec.listeners: Combination of port, protocol and hostname must be unique for each listener']],
  ['no tls on HTTP', gateway([{ name: 'a', port: 80, protocol: 'HTTP', tls: cert }]), ["spec.listeners: tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']"]],
  ['HTTPS terminates', gateway([{ name: 'a', port: 443, protocol: 'HTTPS', tls: { mode: 'Passthrough' } }]), ['spec.listeners: tls mode must be Terminate for protocol HTTPS']],
  ['TLS needs a mode', gateway([{ name: 'a', port: 443, protocol: 'TLS' }]), ['spec.listeners: tls mode must be set for protocol TLS']],
  ['no hostname on TCP', gateway([{ name: 'a', port: 9000, protocol: 'TCP', hostname: 'a.example.com' }]), ["spec.listeners: hostname must not be specified for protocols ['TCP', 'UDP']"]],
  // mode defaults to Terminate before the rule reads it
  ['Terminate needs certificateRefs', gateway([{ name: 'a', port: 443, protocol: 'HTTPS', tls: { certificateRefs: [], options: {} } }]), ['spec.listeners[0].tls: certificateRefs or options must be specified when mode is Terminate']],
  // the rule reads certificateRefs, which is absent: the API server refuses the object with the evaluation error
  ['a rule that cannot be evaluated refuses the object', gateway([{ name: 'a', port: 443, protocol: 'HTTPS', tls: {} }]),
    ['spec.listeners[0].tls: the CRD\'s rule "self.mode == \'Terminate\' ? size(self.certificateRefs) > 0 || size(self.options) > 0 : true" cannot be evaluated: field not found: certificateRefs']],
  ['addresses are unique', object('Gateway', { gatewayClassName: 'istio', listeners: [{ name: 'a', port: 80, protocol: 'HTTP' }], addresses: [{ value: '10.0.0.1' }, { value: '10.0.0.1' }] }),
    ['spec.addresses: IPAddress values must be unique']],
  ['sectionName when a parent repeats', route([{ backendRefs: [backend] }], { parentRefs: [{ name: 'edge' }, { name: 'edge', sectionName: 'https' }] }),
    ['spec.parentRefs: sectionName must be specified when parentRefs includes 2 or more references to the same parent']],
  ['sectionName unique', route([{ backendRefs: [backend] }], { parentRefs: [{ name: 'edge', sectionName: 'a' }, { name: 'edge', sectionName: 'a' }] }),
    ['spec.parentRefs: sectionName must be unique when parentRefs includes 2 or more references to the same parent']],
  // backendRef kind defaults to Service and group to ""
  ['a Service backend has a port', route([{ backendRefs: [{ name: 'web' }] }]), ['spec.rules[0].backendRefs[0]: Must have port for Service reference']],
  ['no redirect with backends', filterRule([{ type: 'RequestRedirect', requestRedirect: { scheme: 'https' } }]), ['spec.rules[0]: RequestRedirect filter must not be used together with backendRefs']],
  ['replacePrefixMatch needs one PathPrefix match', route([{ matches: [{ path: { type: 'Exact', value: '/a' } }], filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/b' } } }], backendRefs: [backend] }]),
    ['spec.rules[0]: When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified']],
  ['redirect or rewrite, not both', route([{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https' } }, { type: 'URLRewrite', urlRewrite: { hostname: 'a.example.com' } }] }]),
    ['spec.rules[0].filters: May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both']],
  ['a filter type once', filterRule([1, 2].map(() => ({ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x', value: 'y' }] } }))),
    ['spec.rules[0].filters: RequestHeaderModifier filter cannot be repeated']],
  ['the field of the filter type', filterRule([{ type: 'RequestHeaderModifier' }]), ['spec.rules[0].filters[0]: filter.requestHeaderModifier must be specified for RequestHeaderModifier filter.type']],
  ['only the field of the filter type', filterRule([{ type: 'ResponseHeaderModifier', responseHeaderModifier: {}, requestHeaderModifier: {} }]),
    ['spec.rules[0].filters[0]: filter.requestHeaderModifier must be nil if the filter.type is not RequestHeaderModifier']],
  ['mirror percent or fraction', filterRule([{ type: 'RequestMirror', requestMirror: { backendRef: backend, percent: 10, fraction: { numerator: 1, denominator: 10 } } }]),
    ['spec.rules[0].filters[0].requestMirror: Only one of percent or fraction may be specified in HTTPRequestMirrorFilter']],
  ['mirror fraction at most 1', filterRule([{ type: 'RequestMirror', requestMirror: { backendRef: backend, fraction: { numerator: 11, denominator: 10 } } }]),
    ['spec.rules[0].filters[0].requestMirror.fraction: numerator must be less than or equal to denominator']],
  ['CORS wildcard alone', filterRule([{ type: 'CORS', cors: { allowOrigins: ['*', 'https://a.example.com'] } }]),
    ["spec.rules[0].filters[0].cors.allowOrigins: AllowOrigins cannot contain '*' alongside other origins"]],
  ['replaceFullPath with its type', filterRule([{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replaceFullPath: '/a' } } }]),
    ["spec.rules[0].filters[0].urlRewrite.path: type must be 'ReplaceFullPath' when replaceFullPath is set", "spec.rules[0].filters[0].urlRewrite.path: replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'"]],
  ['an absolute path', route([{ matches: [{ path: { type: 'PathPrefix', value: 'api' } }], backendRefs: [backend] }]),
    ["spec.rules[0].matches[0].path: value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']"]],
  ['no dot segments', route([{ matches: [{ path: { type: 'Exact', value: '/a/../b' } }], backendRefs: [backend] }]),
    ["spec.rules[0].matches[0].path: must not contain '/../' when type one of ['Exact', 'PathPrefix']"]],
  ['path characters', route([{ matches: [{ path: { type: 'PathPrefix', value: '/a b' } }], backendRefs: [backend] }]),
    ["spec.rules[0].matches[0].path: must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact', 'PathPrefix']"]],
  ['backend timeout within the request timeout', route([{ timeouts: { request: '1s', backendRequest: '2s' }, backendRefs: [backend] }]),
    ['spec.rules[0].timeouts: backendRequest timeout cannot be longer than request timeout']],
  ['gRPC service or method', object('GRPCRoute', { rules: [{ matches: [{ method: { type: 'Exact' } }], backendRefs: [backend] }] }),
    ["spec.rules[0].matches[0].method: One or both of 'service' or 'method' must be specified"]],
  ['gRPC service characters, case-insensitive', object('GRPCRoute', { rules: [{ matches: [{ method: { service: 'Shop.Cart-v1' } }], backendRefs: [backend] }] }),
    ['spec.rules[0].matches[0].method: service must only contain valid characters (matching ^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$)']],
  ['TLSRoute hostnames are not IPs', object('TLSRoute', { parentRefs: [{ name: 'edge' }], hostnames: ['10.0.0.1'], rules: [{ backendRefs: [backend] }] }),
    ['spec.hostnames: Hostnames cannot contain an IP']],
  ['a TCPRoute Service backend has a port', object('TCPRoute', { parentRefs: [{ name: 'edge' }], rules: [{ backendRefs: [{ name: 'db' }] }] }),
    ['spec.rules[0].backendRefs[0]: Must have port for Service reference']],
  ['BackendTLSPolicy CA refs or well-known CAs', object('BackendTLSPolicy', { targetRefs: [{ group: '', kind: 'Service', name: 'web' }], validation: { hostname: 'web.example.com' } }),
    ['spec.validation: must specify either CACertificateRefs or WellKnownCACertificates']],
  ['BackendTLSPolicy SAN of its type', object('BackendTLSPolicy', { targetRefs: [{ group: '', kind: 'Service', name: 'web' }], validation: { hostname: 'web.example.com', wellKnownCACertificates: 'System', subjectAltNames: [{ type: 'URI' }] } }),
    ['spec.validation.subjectAltNames[0]: SubjectAltName element must contain URI, if Type is set to URI']],
];

describe('the Gateway API CRDs\' CEL rules, evaluated by the schema layer', () => {
  test.each(CASES)('%s', (_rule, obj, messages) => {
    expect(refusals(obj)).toStrictEqual(messages);
  });

  test('each case\'s object is admitted once the one thing is fixed', () => {
    expect(refusals(gateway([{ name: 'a', port: 443, protocol: 'HTTPS', tls: cert }, { name: 'b', port: 443, protocol: 'TLS', hostname: 'db.example.com', tls: { mode: 'Passthrough' } }]))).toStrictEqual([]);
    expect(refusals(route([{ matches: [{ path: { type: 'PathPrefix', value: '/api' } }], filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }], backendRefs: [backend] }]))).toStrictEqual([]);
    expect(refusals(object('TLSRoute', { parentRefs: [{ name: 'edge' }], hostnames: ['*.example.com'], rules: [{ backendRefs: [backend] }] }))).toStrictEqual([]);
    expect(refusals(object('GRPCRoute', { rules: [{ matches: [{ method: { service: 'shop.Cart' } }], backendRefs: [backend] }] }))).toStrictEqual([]);
  });

  test('namespace is escaped as __namespace__: parents in two namespaces are two parents', () => {
    expect(refusals(route([{ backendRefs: [backend] }], { parentRefs: [{ name: 'edge', namespace: 'a' }, { name: 'edge', namespace: 'b' }] }))).toStrictEqual([]);
  });

  test('a Hostname backend of networking.istio.io needs no port by the CRD', () => {
    expect(refusals(route([{ backendRefs: [{ group: 'networking.istio.io', kind: 'Hostname', name: 'httpbin.org' }] }]))).toStrictEqual([]);
  });

  test('the v1beta1 versions are judged by their own rules', () => {
    expect(refusals(object('Gateway', { gatewayClassName: 'istio', listeners: [{ name: 'a', port: 443, protocol: 'TLS' }] }, 'gateway.networking.k8s.io/v1beta1')))
      .toStrictEqual(['spec.listeners: tls mode must be set for protocol TLS']);
  });

  test('an object of the wrong types is refused by the schema alone; its rules are not evaluated', () => {
    expect(refusals(gateway([{ name: 'a', port: 'http', protocol: 'TLS' }]))).toStrictEqual(['spec.listeners[0].port: expected integer, got string "http"']);
  });

  test('findings are IST0106 errors on the object', () => {
    const [finding] = analyze([gateway([{ name: 'a', port: 443, protocol: 'TLS' }])], { defaultGateway: false });
    expect(finding).toStrictEqual({ code: 'IST0106', level: FindingLevel.ERROR, kind: 'Gateway', name: 'shop', namespace: 'edge', message: 'spec.listeners: tls mode must be set for protocol TLS' });
  });
});

describe('celPropertyName', () => {
  test.each([['namespace', '__namespace__'], ['if', '__if__'], ['a-b', 'a__dash__b'], ['a.b', 'a__dot__b'], ['a/b', 'a__slash__b'], ['a__b', 'a__underscores__b'], ['port', 'port']])('%s is %s', (name, escaped) => {
    expect(celPropertyName(name)).toBe(escaped);
  });
});

describe('withDefaults', () => {
  const node: SchemaNode = { type: 'object', properties: { kind: { type: 'string', default: 'Service' }, tls: { type: 'object', properties: { mode: { type: 'string', default: 'Terminate' } } } } };
  test('fills absent fields and those below present objects, leaving the input alone', () => {
    const input = { tls: {} };
    expect(withDefaults(input, node)).toStrictEqual({ tls: { mode: 'Terminate' }, kind: 'Service' });
    expect(input).toStrictEqual({ tls: {} });
  });
  test('keeps what is set', () => {
    expect(withDefaults({ kind: 'ServiceEntry' }, node)).toStrictEqual({ kind: 'ServiceEntry' });
  });
});

describeWithCrds('the CEL rules kept in imports/crd-schemas.ts', () => {
  const rulesOf = (schema: any): string[] => [
    ...(schema['x-kubernetes-validations'] ?? []).map((v: any) => v.rule),
    ...Object.values(schema.properties ?? {}).flatMap(rulesOf),
    ...(typeof schema.items === 'object' ? rulesOf(schema.items) : []),
    ...(typeof schema.additionalProperties === 'object' ? rulesOf(schema.additionalProperties) : []),
  ];

  test('are every rule of the Gateway API CRDs but the transition rules, and none of the other groups', () => {
    for (const crd of loadCrds()) {
      for (const version of crd.spec.versions.filter((v) => v.served)) {
        const kept = rulesOf(JSON.parse(CRD_SCHEMA_TEXTS[CRD_SCHEMA_INDEX[`${crd.spec.group}/${version.name} ${crd.spec.names.kind}`]]));
        const all = rulesOf(version.schema.openAPIV3Schema);
        const expected = crd.spec.group === 'gateway.networking.k8s.io' ? all.filter((rule) => !/\boldSelf\b/.test(rule)) : [];
        expect({ kind: crd.spec.names.kind, version: version.name, kept }).toStrictEqual({ kind: crd.spec.names.kind, version: version.name, kept: expected });
      }
    }
  });

  test('all plan in the API server\'s CEL environment', () => {
    for (const text of CRD_SCHEMA_TEXTS) {
      expect(() => compileCelRules(JSON.parse(text))).not.toThrow();
    }
  });
});
