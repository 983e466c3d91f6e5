import { analyze } from '../../src/rules/analyze';
import { formatFinding, KubeObject } from '../../src/rules/finding';
import { NamespaceHosts, parseHostOwnership } from '../../src/rules/host-ownership';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';

const POLICY: NamespaceHosts[] = [
  { namespace: 'team-a', hosts: ['*.team-a.example.com'] },
  { namespace: 'team-b', hosts: ['api.b.example.com'] },
];

function ownershipLines(objects: KubeObject[], policy: NamespaceHosts[] = POLICY): string[] {
  return analyze(objects, { hostOwnership: policy, assumeHostsAndSecretsExist: true }).filter((f) => f.code === 'CIG0401').map(formatFinding);
}

const meta = (name: string, namespace: string) => ({ name, namespace });

function istioGateway(namespace: string, hosts: string[]): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: meta('edge', namespace),
    spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts }] },
  };
}

function virtualService(namespace: string, hosts: string[], gateways?: string[]): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: meta('web', namespace),
    spec: { hosts, ...(gateways ? { gateways } : {}), http: [{ route: [{ destination: { host: 'web', port: { number: 80 } } }] }] },
  };
}

function serviceEntry(namespace: string, hosts: string[], location?: string): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: meta('partner', namespace),
    spec: { hosts, ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }], resolution: 'DNS', ...(location ? { location } : {}) },
  };
}

function k8sGateway(namespace: string, hostname: string): KubeObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: meta('edge', namespace),
    spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', hostname }] },
  };
}

function httpRoute(namespace: string, hostnames: string[]): KubeObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: meta('web', namespace),
    spec: { parentRefs: [{ name: 'edge' }], hostnames, rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] },
  };
}

describe('CIG0401 host ownership: ingress with Istio Gateways and VirtualServices', () => {
  test('a Gateway and a VirtualService bound to it with owned hosts are clean', () => {
    expect(ownershipLines([istioGateway('team-a', ['shop.team-a.example.com']), virtualService('team-a', ['shop.team-a.example.com'], ['edge'])])).toEqual([]);
  });

  test('a Gateway server host outside the namespace\'s hosts is reported on the Gateway, without its namespace prefix', () => {
    expect(ownershipLines([istioGateway('team-a', ['./shop.example.com', '*/shop.team-a.example.com'])])).toEqual([
      'Error [CIG0401] (Gateway team-a/edge) Namespace "team-a" exposes host "shop.example.com", which it does not own: it owns [*.team-a.example.com].',
    ]);
  });

  test('a VirtualService bound to a gateway with a host another namespace owns is reported on it', () => {
    expect(ownershipLines([virtualService('team-b', ['shop.team-a.example.com'], ['istio-system/edge'])])).toEqual([
      'Error [CIG0401] (VirtualService team-b/web) Namespace "team-b" exposes host "shop.team-a.example.com", which it does not own: it owns [api.b.example.com].',
    ]);
  });

  test('a VirtualService bound only to mesh exposes nothing', () => {
    expect(ownershipLines([virtualService('team-b', ['shop.team-a.example.com'], ['mesh'])])).toEqual([]);
  });

  test('a claimed wildcard needs an owned wildcard that covers it', () => {
    expect(ownershipLines([istioGateway('team-a', ['*.eu.team-a.example.com']), istioGateway('team-b', ['*.b.example.com'])].map((g, i) => ({ ...g, metadata: meta(`edge-${i}`, g.metadata!.namespace!) })))).toEqual([
      'Error [CIG0401] (Gateway team-b/edge-1) Namespace "team-b" exposes host "*.b.example.com", which it does not own: it owns [api.b.example.com].',
    ]);
  });

  test('an owned wildcard does not cover its own domain', () => {
    expect(ownershipLines([istioGateway('team-a', ['team-a.example.com'])])).toHaveLength(1);
  });

  test('a namespace the policy does not name is not policed', () => {
    expect(ownershipLines([istioGateway('team-c', ['*']), virtualService('team-c', ['shop.team-a.example.com'], ['edge'])])).toEqual([]);
  });

  test('without a policy nothing is reported', () => {
    expect(ownershipLines([istioGateway('team-a', ['shop.example.com'])], [])).toEqual([]);
  });

  test('a namespace named by several entries owns the hosts of all of them', () => {
    const policy = [...POLICY, { namespace: 'team-a', hosts: ['shop.example.com'] }];
    expect(ownershipLines([istioGateway('team-a', ['shop.example.com', 'x.team-a.example.com'])], policy)).toEqual([]);
  });
});

describe('CIG0401 host ownership: ingress with the Gateway API', () => {
  test('a listener and an HTTPRoute with owned hostnames are clean', () => {
    expect(ownershipLines([k8sGateway('team-a', '*.team-a.example.com'), httpRoute('team-a', ['shop.team-a.example.com'])])).toEqual([]);
  });

  test('a listener hostname outside the namespace\'s hosts is reported on the Gateway', () => {
    expect(ownershipLines([k8sGateway('team-b', '*.example.com')])).toEqual([
      'Error [CIG0401] (Gateway team-b/edge) Namespace "team-b" exposes host "*.example.com", which it does not own: it owns [api.b.example.com].',
    ]);
  });

  test('an HTTPRoute hostname outside the namespace\'s hosts is reported on the route', () => {
    expect(ownershipLines([httpRoute('team-b', ['api.b.example.com', 'shop.team-a.example.com'])])).toEqual([
      'Error [CIG0401] (HTTPRoute team-b/web) Namespace "team-b" exposes host "shop.team-a.example.com", which it does not own: it owns [api.b.example.com].',
    ]);
  });
});

describe('CIG0401 host ownership: egress', () => {
  test('a ServiceEntry for an owned host is clean', () => {
    expect(ownershipLines([serviceEntry('team-b', ['api.b.example.com']), virtualService('team-b', ['api.b.example.com'])])).toEqual([]);
  });

  test('a ServiceEntry for a host the namespace does not own is reported on it', () => {
    expect(ownershipLines([serviceEntry('team-b', ['api.partner.example'])])).toEqual([
      'Error [CIG0401] (ServiceEntry team-b/partner) Namespace "team-b" sends egress to host "api.partner.example", which it does not own: it owns [api.b.example.com].',
    ]);
  });

  test('a mesh VirtualService for an external host the namespace does not own is reported on it', () => {
    expect(ownershipLines([serviceEntry('team-c', ['api.partner.example']), virtualService('team-b', ['api.partner.example'], ['mesh'])])).toEqual([
      'Error [CIG0401] (VirtualService team-b/web) Namespace "team-b" sends egress to host "api.partner.example", which it does not own: it owns [api.b.example.com].',
    ]);
  });

  test('a MESH_INTERNAL ServiceEntry, and mesh VirtualServices for in-mesh hosts, send no egress', () => {
    expect(ownershipLines([serviceEntry('team-b', ['legacy.internal'], 'MESH_INTERNAL'), virtualService('team-b', ['legacy.internal', 'reviews'])])).toEqual([]);
  });
});

describe('parseHostOwnership', () => {
  test('reads the namespaces and their hosts from YAML and JSON', () => {
    const expected = [{ namespace: 'team-a', hosts: ['*.team-a.example.com'] }, { namespace: 'team-b', hosts: ['api.b.example.com'] }];
    expect(parseHostOwnership('namespaces:\n  team-a: ["*.team-a.example.com"]\n  team-b: [api.b.example.com]\n')).toEqual(expected);
    expect(parseHostOwnership(JSON.stringify({ namespaces: { 'team-a': ['*.team-a.example.com'], 'team-b': ['api.b.example.com'] } }))).toEqual(expected);
  });

  test('text that is not YAML is refused', () => {
    expect(() => parseHostOwnership('namespaces: [')).toThrow(/^host ownership policy is not valid YAML or JSON: /);
  });

  test('a document without the key namespaces is refused', () => {
    expect(() => parseHostOwnership('- team-a')).toThrow('host ownership policy: expected a mapping with the key "namespaces"');
  });

  test('a key besides namespaces is refused', () => {
    expect(() => parseHostOwnership('namespaces: {}\nteams: {}')).toThrow('host ownership policy: unknown key "teams": expected only "namespaces"');
  });

  test('namespaces that are not a mapping are refused', () => {
    expect(() => parseHostOwnership('namespaces: [team-a]')).toThrow('host ownership policy namespaces: ["team-a"] is not a mapping of namespace to a list of hosts');
  });

  test('a namespace whose hosts are not a list is refused', () => {
    expect(() => parseHostOwnership('namespaces:\n  team-a: "*.team-a.example.com"')).toThrow('host ownership policy namespaces.team-a: "*.team-a.example.com" is not a list of hosts');
  });

  test('an invalid host is refused, naming the namespace and the entry', () => {
    expect(() => parseHostOwnership('namespaces:\n  team-a: ["a.example.com", "*foo.example.com"]')).toThrow(
      'host ownership policy namespaces.team-a[1]: "*foo.example.com": partial wildcard "*foo.example.com" is not allowed: use "*" or a "*." prefix');
  });

  test('a host that is not a string is refused', () => {
    expect(() => parseHostOwnership('namespaces:\n  team-a: [42]')).toThrow('host ownership policy namespaces.team-a[0]: 42: expected a host name');
  });

  test('an empty namespace is refused', () => {
    expect(() => parseHostOwnership('namespaces:\n  "": [a.example.com]')).toThrow('host ownership policy namespaces: "": expected the name of a namespace');
  });
});

describeWithCrds('host ownership inputs against the CRD schemas', () => {
  test('the objects these tests analyze are valid custom resources', () => {
    expectValidAgainstCrds(new CrdValidator(), [
      istioGateway('team-a', ['./shop.example.com']), virtualService('team-a', ['a'], ['edge']), serviceEntry('team-b', ['legacy.internal'], 'MESH_INTERNAL'),
      k8sGateway('team-a', '*.team-a.example.com'), httpRoute('team-a', ['shop.team-a.example.com']),
    ]);
  });
});
