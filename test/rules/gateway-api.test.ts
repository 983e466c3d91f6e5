import { analyze, analyzeWithAssumptions } from '../../src/rules/analyze';
import { formatFinding, KubeObject } from '../../src/rules/finding';

const V1 = 'gateway.networking.k8s.io/v1';
const PER_OBJECT_CODES = new Set(['IST0106', 'IST0133']);

function lines(objects: KubeObject[], assume = false): string[] {
  return analyze(objects, { defaultGateway: false, assumeHostsAndSecretsExist: assume }).filter((f) => !PER_OBJECT_CODES.has(f.code)).map(formatFinding);
}

const gateway = (listeners: object[], extra: object = {}): KubeObject => ({ apiVersion: V1, kind: 'Gateway', metadata: { name: 'edge', namespace: 'edge' }, spec: { gatewayClassName: 'istio', listeners, ...extra } });
const service = (name: string, namespace: string): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports: [{ name: 'http', port: 8080 }] } });
const route = (namespace: string, spec: object, kind = 'HTTPRoute'): KubeObject => ({ apiVersion: V1, kind, metadata: { name: 'web', namespace }, spec: { rules: [{ backendRefs: [{ name: 'web', port: 8080 }] }], ...spec } });
const namespace = (name: string, labels: object): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } as any });
const toEdge = { parentRefs: [{ name: 'edge', namespace: 'edge' }] };
const selectorListener = (selector: object) => ({ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Selector', selector } } });

describe('the Gateway API parents of routes', () => {
  test('a Selector listener takes the routes of the namespaces whose labels it selects', () => {
    const listener = selectorListener({ matchExpressions: [{ key: 'team', operator: 'In', values: ['shop', 'blog'] }] });
    expect(lines([gateway([listener]), service('web', 'shop'), namespace('shop', { team: 'shop' }), route('shop', toEdge)])).toStrictEqual([]);
    expect(lines([gateway([listener]), service('web', 'shop'), namespace('shop', { team: 'ops' }), route('shop', toEdge)])).toStrictEqual([
      'Error [CIG0103] (HTTPRoute shop/web) the listeners of Gateway edge/edge do not allow kind HTTPRoute from namespace "shop"',
    ]);
  });

  test('without the route\'s Namespace, a selector of other labels is trusted, one of the name label is judged', () => {
    expect(lines([gateway([selectorListener({ matchLabels: { team: 'shop' } })]), service('web', 'shop'), route('shop', toEdge)])).toStrictEqual([]);
    expect(lines([gateway([selectorListener({ matchLabels: { 'kubernetes.io/metadata.name': 'blog' } })]), service('web', 'shop'), route('shop', toEdge)])).toStrictEqual([
      'Error [CIG0103] (HTTPRoute shop/web) the listeners of Gateway edge/edge do not allow kind HTTPRoute from namespace "shop"',
    ]);
  });

  test('allowedRoutes kinds replace those of the protocol', () => {
    const listener = { name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { kinds: [{ kind: 'GRPCRoute' }] } };
    expect(lines([gateway([listener]), service('web', 'edge'), route('edge', toEdge)])).toStrictEqual([
      'Error [CIG0103] (HTTPRoute edge/web) the listeners of Gateway edge/edge do not allow kind HTTPRoute from namespace "edge"',
    ]);
    expect(lines([gateway([listener]), service('web', 'edge'), route('edge', toEdge, 'GRPCRoute')])).toStrictEqual([]);
  });

  test('a terminating TLS listener takes TCPRoutes, a passthrough one does not', () => {
    const tls = (mode: string) => gateway([{ name: 'tls', port: 443, protocol: 'TLS', tls: { mode, certificateRefs: [{ name: 'c' }] } }]);
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'c', namespace: 'edge' } };
    expect(lines([tls('Terminate'), secret, service('web', 'edge'), route('edge', toEdge, 'TCPRoute')])).toStrictEqual([]);
    expect(lines([tls('Passthrough'), service('web', 'edge'), route('edge', toEdge, 'TCPRoute')])).toStrictEqual([
      'Error [CIG0103] (TCPRoute edge/web) the listeners of Gateway edge/edge do not allow kind TCPRoute from namespace "edge"',
    ]);
  });

  test('wildcard hostnames intersect both ways; a route hostname below another domain does not', () => {
    const listener = (hostname: string) => gateway([{ name: 'http', port: 80, protocol: 'HTTP', hostname }]);
    const withHost = (hostname: string) => route('edge', { ...toEdge, hostnames: [hostname] });
    expect(lines([listener('*.example.com'), service('web', 'edge'), withHost('a.b.example.com')])).toStrictEqual([]);
    expect(lines([listener('shop.example.com'), service('web', 'edge'), withHost('*.example.com')])).toStrictEqual([]);
    expect(lines([listener('*.example.com'), service('web', 'edge'), withHost('example.com')])).toStrictEqual([
      'Error [CIG0102] (HTTPRoute edge/web) no hostname of the route "example.com" matches a listener hostname of Gateway edge/edge ("*.example.com")',
    ]);
  });

  test('a port that no listener has', () => {
    expect(lines([gateway([{ name: 'http', port: 80, protocol: 'HTTP' }]), service('web', 'edge'), route('edge', { parentRefs: [{ name: 'edge', port: 8080 }] })])).toStrictEqual([
      'Error [CIG0101] (HTTPRoute edge/web) Gateway edge/edge has no listener with port 8080',
    ]);
  });

  test('parents of another controller\'s kinds are not judged', () => {
    expect(lines([route('edge', { parentRefs: [{ group: 'example.com', kind: 'Proxy', name: 'p' }] }), service('web', 'edge')])).toStrictEqual([]);
  });
});

describe('the Gateway API backends of routes', () => {
  test('a Gateway of class istio that names its own Service by address gets no <name>-istio Service', () => {
    const managed = route('edge', { rules: [{ backendRefs: [{ name: 'edge-istio', port: 80 }] }] });
    const listeners = [{ name: 'http', port: 80, protocol: 'HTTP' }];
    expect(lines([gateway(listeners), managed])).toStrictEqual([]);
    expect(lines([gateway(listeners, { addresses: [{ type: 'Hostname', value: 'gw.edge.svc.cluster.local' }] }), managed])).toStrictEqual([
      'Error [IST0101] (HTTPRoute edge/web) Referenced backend not found: "edge-istio.edge.svc.cluster.local"',
    ]);
  });

  test('a ReferenceGrant for one name allows that name only, and from the kind and namespace it names', () => {
    const grant = (fromKind: string, name: string): KubeObject => ({
      apiVersion: V1, kind: 'ReferenceGrant', metadata: { name: 'g', namespace: 'canary' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: fromKind, namespace: 'shop' }], to: [{ group: '', kind: 'Service', name }] },
    });
    const toCanary = route('shop', { rules: [{ backendRefs: [{ name: 'web', namespace: 'canary', port: 8080 }] }] });
    const refused = ['Error [CIG0104] (HTTPRoute shop/web) backendRef web/canary not accessible to a HTTPRoute in namespace "shop" (missing a ReferenceGrant?)'];
    expect(lines([service('web', 'canary'), grant('HTTPRoute', 'web'), toCanary])).toStrictEqual([]);
    expect(lines([service('web', 'canary'), grant('HTTPRoute', 'web-v2'), toCanary])).toStrictEqual(refused);
    expect(lines([service('web', 'canary'), grant('GRPCRoute', 'web'), toCanary])).toStrictEqual(refused);
  });

  test('with assumeHostsAndSecretsExist, missing backends and Secrets are taken on trust and listed', () => {
    const objects = [
      gateway([{ name: 'https', port: 443, protocol: 'HTTPS', tls: { certificateRefs: [{ name: 'shop-cert' }] } }]),
      route('edge', { rules: [{ backendRefs: [{ name: 'web', port: 8080 }, { group: 'networking.istio.io', kind: 'Hostname', name: 'api.example.com', port: 443 }] }] }),
    ];
    expect(lines(objects, true)).toStrictEqual([]);
    const { assumed } = analyzeWithAssumptions(objects, { defaultGateway: false, assumeHostsAndSecretsExist: true });
    expect([...assumed.hosts].sort()).toStrictEqual(['api.example.com', 'web.edge.svc.cluster.local']);
    expect([...assumed.secrets]).toStrictEqual(['edge/shop-cert']);
  });
});

describe('the Gateway API listeners', () => {
  test('a lowercase protocol is unsupported, with Istio\'s hint; a Gateway of another class is not judged', () => {
    const listeners = [{ name: 'http', port: 80, protocol: 'http' }];
    expect(lines([gateway(listeners)])).toStrictEqual([
      'Error [CIG0107] (Gateway edge/edge) listener "http": protocol "http" is unsupported. hint: "HTTP" (uppercase) may be supported',
    ]);
    expect(lines([gateway(listeners, { gatewayClassName: 'other' })])).toStrictEqual([]);
  });

  test('HTTPS and TLS listeners may share a port; a passthrough listener needs no certificate', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'c', namespace: 'edge' } };
    expect(lines([secret, gateway([
      { name: 'https', port: 443, protocol: 'HTTPS', hostname: 'a.example.com', tls: { certificateRefs: [{ name: 'c' }] } },
      { name: 'tls', port: 443, protocol: 'TLS', hostname: 'b.example.com', tls: { mode: 'Passthrough' } },
    ])])).toStrictEqual([]);
  });
});
