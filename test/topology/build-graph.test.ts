import { FindingLevel, IstioTopology, TopologyNodeKind } from '../../src';
import { describeEdges, describeNode, WALKTHROUGH_STEPS, walkthroughObjects } from '../support/topology';

const OUTSIDE = { assumeHostsAndSecretsExist: true };

describe('the walkthrough (steps 1 to 4)', () => {
  const graph = IstioTopology.graph(walkthroughObjects(WALKTHROUGH_STEPS), OUTSIDE);

  test('client hosts enter through their gateway port and server and reach their Service', () => {
    expect(describeEdges(graph)).toEqual(expect.arrayContaining([
      'Host: frontpage.example.com -> GatewayPort: istio-system/istio-ingressgateway | port 80',
      'GatewayPort: istio-system/istio-ingressgateway | port 80 -> Server: Gateway backyards-demo/frontpage | port 80 HTTP',
      'Server: Gateway backyards-demo/frontpage | port 80 HTTP -> Route: VirtualService backyards-demo/frontpage | http[0] | any request',
      'Route: VirtualService backyards-demo/frontpage | http[0] | any request -> Service: frontpage.backyards-demo.svc.cluster.local [port 8080]',
      'Host: echo.example.com -> GatewayPort: default/echo-ingress | port 8000',
      'GatewayPort: default/echo-ingress | port 8000 -> Server: Gateway default/echo | port 8000 HTTP',
      'Route: VirtualService default/echo | http[0] | any request -> Service: echo.default.svc.cluster.local [port 80]',
    ]));
  });

  test('the mesh reaches httpbin.org through the dedicated egress gateway, over HTTP', () => {
    expect(describeEdges(graph)).toEqual(expect.arrayContaining([
      'Mesh: mesh | sidecars -> GatewayPort: default/egress | port 80',
      'GatewayPort: default/egress | port 80 -> Server: Gateway default/egress | port 80 HTTP',
      'Server: Gateway default/egress | port 80 HTTP -> Route: VirtualService default/httpbin-egress | http[1] | port 80',
      'Route: VirtualService default/httpbin-egress | http[1] | port 80 -> ExternalHost: httpbin.org [HTTP, port 80]',
    ]));
  });

  test('no client host is drawn in front of the egress gateway, and nothing else is drawn', () => {
    expect(graph.nodes.filter((n) => n.kind === TopologyNodeKind.HOST).map((n) => n.label)).toEqual(['echo.example.com', 'frontpage.example.com']);
    expect(graph.edges).toHaveLength(12);
    expect(graph.nodes).toHaveLength(15);
  });

  test('each node names the objects it is drawn from', () => {
    const node = (label: string) => graph.nodes.find((n) => n.label === label)!;
    expect(node('default/echo-ingress').objects).toEqual(['MeshGateway default/echo-ingress']);
    expect(node('Gateway default/egress').objects).toEqual(['Gateway default/egress']);
    expect(node('httpbin.org').objects).toEqual(['ServiceEntry default/httpbin-ext']);
    expect(node('echo.default.svc.cluster.local').objects).toEqual(['Service default/echo']);
  });

  test('is clean: no node carries a finding', () => {
    expect(graph.findings).toEqual([]);
    expect(graph.nodes.filter((n) => n.level !== undefined)).toEqual([]);
  });
});

describe('the routing example', () => {
  const graph = IstioTopology.graph(walkthroughObjects(['06-routing']), OUTSIDE);

  test('routes by path and splits the storefront 90/10 between subsets', () => {
    expect(describeEdges(graph)).toEqual(expect.arrayContaining([
      'Host: shop.example.com -> GatewayPort: shop/shop-ingress | port 443',
      'GatewayPort: shop/shop-ingress | port 443 -> Server: Gateway shop/shop | port 443 HTTPS | TLS SIMPLE',
      'Server: Gateway shop/shop | port 443 HTTPS | TLS SIMPLE -> Route: VirtualService shop/shop | http[0] api | prefix /api/',
      'Server: Gateway shop/shop | port 443 HTTPS | TLS SIMPLE -> Route: VirtualService shop/shop | http[1] storefront | any request',
      'Route: VirtualService shop/shop | http[0] api | prefix /api/ -> Service: api.shop.svc.cluster.local [port 9090]',
      'Route: VirtualService shop/shop | http[1] storefront | any request -> Service: storefront.shop.svc.cluster.local | subset stable [port 80, weight 90]',
      'Route: VirtualService shop/shop | http[1] storefront | any request -> Service: storefront.shop.svc.cluster.local | subset canary [port 80, weight 10]',
    ]));
  });

  test('the plain HTTP server redirects: no route hangs from it', () => {
    const edges = describeEdges(graph);
    expect(edges).toContain('GatewayPort: shop/shop-ingress | port 80 -> Server: Gateway shop/shop | port 80 HTTP | redirects to HTTPS');
    expect(edges.filter((e) => e.startsWith('Server: Gateway shop/shop | port 80'))).toEqual([]);
  });

  test('TLS passthrough routes by SNI to the payments Service', () => {
    expect(describeEdges(graph)).toEqual(expect.arrayContaining([
      'Host: payments.example.com -> GatewayPort: shop/shop-ingress | port 9443',
      'GatewayPort: shop/shop-ingress | port 9443 -> Server: Gateway shop/payments | port 9443 TLS | TLS PASSTHROUGH',
      'Server: Gateway shop/payments | port 9443 TLS | TLS PASSTHROUGH -> Route: VirtualService shop/payments | tls[0] | sni payments.example.com, port 9443',
      'Route: VirtualService shop/payments | tls[0] | sni payments.example.com, port 9443 -> Service: payments.payments.svc.cluster.local [port 443]',
    ]));
  });

  test('the subsets are drawn from the Service and the DestinationRule that defines them', () => {
    const stable = graph.nodes.find((n) => describeNode(n) === 'Service: storefront.shop.svc.cluster.local | subset stable')!;
    expect(stable.objects).toEqual(['DestinationRule shop/storefront-versions', 'Service shop/storefront']);
  });
});

describe('the HTTPS egress example', () => {
  const graph = IstioTopology.graph(walkthroughObjects(['05-egress-https']), OUTSIDE);

  test('each external host is reached in its mode: TLS passthrough, TLS origination', () => {
    expect(describeEdges(graph)).toEqual([
      'Mesh: mesh | sidecars -> GatewayPort: istio-system/istio-egressgateway | port 443',
      'Mesh: mesh | sidecars -> GatewayPort: istio-system/istio-egressgateway | port 80',
      'GatewayPort: istio-system/istio-egressgateway | port 443 -> Server: Gateway istio-system/istio-egressgateway | port 443 TLS | TLS PASSTHROUGH',
      'GatewayPort: istio-system/istio-egressgateway | port 80 -> Server: Gateway istio-system/istio-egressgateway | port 80 HTTP',
      'Server: Gateway istio-system/istio-egressgateway | port 443 TLS | TLS PASSTHROUGH -> Route: VirtualService default/github-api-egress | tls[1] | sni api.github.com, port 443',
      'Server: Gateway istio-system/istio-egressgateway | port 80 HTTP -> Route: VirtualService default/edition-cnn-egress | http[1] | port 80',
      'Route: VirtualService default/edition-cnn-egress | http[1] | port 80 -> ExternalHost: edition.cnn.com [TLS origination, port 443]',
      'Route: VirtualService default/github-api-egress | tls[1] | sni api.github.com, port 443 -> ExternalHost: api.github.com [TLS passthrough, port 443]',
    ]);
  });

  test('the external host names its ServiceEntry and the DestinationRule that originates TLS', () => {
    expect(graph.nodes.find((n) => n.label === 'edition.cnn.com')!.objects).toEqual(['DestinationRule istio-system/edition-cnn-egress', 'ServiceEntry default/edition-cnn']);
  });
});

describe('TCP egress', () => {
  const objects = [
    { apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name: 'db', namespace: 'app' }, spec: { hosts: ['db.example.com'], addresses: ['10.0.0.9'], ports: [{ number: 5432, name: 'tcp', protocol: 'TCP' }], resolution: 'DNS' } },
    { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'egress', namespace: 'istio-system' }, spec: { selector: { istio: 'egressgateway' }, servers: [{ port: { number: 443, name: 'tcp', protocol: 'TCP' }, hosts: ['db.example.com'] }] } },
    {
      apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'db', namespace: 'app' },
      spec: {
        hosts: ['db.example.com'], gateways: ['istio-system/egress', 'mesh'],
        tcp: [
          { match: [{ gateways: ['mesh'], port: 5432 }], route: [{ destination: { host: 'istio-egressgateway.istio-system.svc.cluster.local', port: { number: 443 } } }] },
          { match: [{ gateways: ['istio-system/egress'], port: 443 }], route: [{ destination: { host: 'db.example.com', port: { number: 5432 } } }] },
        ],
      },
    },
  ];

  test('is drawn as TCP to the external host', () => {
    expect(describeEdges(IstioTopology.graph(objects))).toEqual([
      'Mesh: mesh | sidecars -> GatewayPort: istio-system/istio-egressgateway | port 443',
      'GatewayPort: istio-system/istio-egressgateway | port 443 -> Server: Gateway istio-system/egress | port 443 TCP',
      'Server: Gateway istio-system/egress | port 443 TCP -> Route: VirtualService app/db | tcp[1] | port 443',
      'Route: VirtualService app/db | tcp[1] | port 443 -> ExternalHost: db.example.com [TCP, port 5432]',
    ]);
  });
});

describe('findings on the nodes', () => {
  const gateway = { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'public', namespace: 'edge' }, spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*/shop.example.com'] }] } };
  const typo = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'typo', namespace: 'edge' }, spec: { hosts: ['shop.example.com'], gateways: ['pubic'], http: [{ route: [{ destination: { host: 'shop.shop.svc.cluster.local' } }] }] } };
  const elsewhere = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'blog', namespace: 'blog' }, spec: { hosts: ['blog.example.com'], gateways: ['edge/public'], http: [{ route: [{ destination: { host: 'blog.blog.svc.cluster.local' } }] }] } };
  const graph = IstioTopology.graph([gateway, typo, elsewhere], OUTSIDE);
  const route = (name: string) => graph.nodes.find((n) => n.label === `VirtualService ${name}`)!;

  test('a node takes the level of its most serious finding: errors and warnings are told apart', () => {
    expect(route('edge/typo').level).toBe(FindingLevel.ERROR);
    expect(route('edge/typo').findings.map((f) => f.code)).toEqual(['IST0101', 'IST0132']);
    expect(route('blog/blog').level).toBe(FindingLevel.WARNING);
    expect(route('blog/blog').findings.map((f) => f.code)).toEqual(['IST0132']);
    expect(graph.nodes.find((n) => n.label === 'Gateway edge/public')!.level).toBeUndefined();
  });

  test('a route whose Gateway does not exist is drawn without a server in front of it', () => {
    expect(graph.edges.filter((e) => e.to === route('edge/typo').id)).toEqual([]);
  });

  test('the graph lists every finding, in the CLI order', () => {
    expect(graph.findings.map((f) => `${f.level} ${f.code} ${f.name}`)).toEqual(['Error IST0101 typo', 'Warning IST0132 blog', 'Warning IST0132 typo']);
  });
});

describe('a Gateway with a server per exposed host', () => {
  const server = (port: number, protocol: string, host: string, tls?: object) => ({ port: { number: port, name: `${protocol.toLowerCase()}-${host}`, protocol }, hosts: [host], ...(tls ? { tls } : {}) });
  const objects = [
    {
      apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'shared', namespace: 'edge' },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [server(80, 'HTTP', 'a.example.com'), server(80, 'HTTP', 'b.example.com'), server(443, 'HTTPS', 'a.example.com', { mode: 'SIMPLE', credentialName: 'a' })],
      },
    },
    {
      apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'all', namespace: 'edge' },
      spec: { hosts: ['*.example.com'], gateways: ['shared'], http: [{ directResponse: { status: 204 } }] },
    },
  ];
  const graph = IstioTopology.graph(objects, OUTSIDE);

  test('draws the servers that look alike (port, protocol, TLS mode) as one, as Istio merges them into one listener', () => {
    expect(graph.nodes.filter((n) => n.kind === TopologyNodeKind.SERVER).map((n) => n.details.join(' '))).toEqual(['port 80 HTTP', 'port 443 HTTPS TLS SIMPLE']);
  });

  test('every host still enters through its gateway port, and a wildcard route hangs from each distinct server once', () => {
    expect(describeEdges(graph).filter((e) => e.startsWith('Host') || e.startsWith('Server'))).toEqual([
      'Host: a.example.com -> GatewayPort: istio-system/istio-ingressgateway | port 443',
      'Host: a.example.com -> GatewayPort: istio-system/istio-ingressgateway | port 80',
      'Host: b.example.com -> GatewayPort: istio-system/istio-ingressgateway | port 80',
      'Server: Gateway edge/shared | port 80 HTTP -> Route: VirtualService edge/all | http[0]: direct response 204 | any request',
      'Server: Gateway edge/shared | port 443 HTTPS | TLS SIMPLE -> Route: VirtualService edge/all | http[0]: direct response 204 | any request',
    ]);
  });
});

describe('determinism', () => {
  test('the same objects in another order give the same graph', () => {
    const objects = walkthroughObjects(WALKTHROUGH_STEPS);
    expect(IstioTopology.graph([...objects].reverse(), OUTSIDE)).toEqual(IstioTopology.graph(objects, OUTSIDE));
  });

  test('node ids are unique and made of letters, digits and underscores', () => {
    const graph = IstioTopology.graph([
      ...walkthroughObjects(['06-routing']),
      { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'shop-shop', namespace: 'shop' }, spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['a.example.com'] }] } },
      { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'shop', namespace: 'shop-shop' }, spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['b.example.com'] }] } },
    ], OUTSIDE);
    const ids = graph.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[A-Za-z0-9_]+$/.test(id))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['server_shop_shop_shop_0', 'server_shop_shop_shop_0_2']));
  });
});
