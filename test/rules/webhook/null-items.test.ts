import { KubeObject } from '../../../src/rules/finding';
import { checkObject } from '../../../src/rules/webhook';
import { istio } from './rule-table';

const server = { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['shop.example.com'] };
const destination = { destination: { host: 'shop.edge.svc.cluster.local', port: { number: 80 } } };
const httpRoute = { route: [destination] };
const sePort = { number: 443, name: 'https', protocol: 'TLS' };
const endpoint = { address: '203.0.113.10' };
const meshGateway = (ports: any[]): KubeObject => ({
  apiVersion: 'istio.banzaicloud.io/v1beta1',
  kind: 'MeshGateway',
  metadata: { name: 'echo-ingress', namespace: 'edge' },
  spec: { type: 'ingress', serviceType: 'LoadBalancer', minReplicas: 1, maxReplicas: 1, ports },
});
const gateway = (servers: any[]) => istio('Gateway', { selector: { istio: 'ingressgateway' }, servers });
const virtualService = (spec: any) => istio('VirtualService', { hosts: ['shop.example.com'], gateways: ['edge'], ...spec });
const tlsRoute = (match: any[]) => ({ match, route: [{ destination: { host: 'shop.edge.svc.cluster.local', port: { number: 443 } } }] });
const tcpRoute = (match: any[]) => ({ match, route: [{ destination: { host: 'db.edge.svc.cluster.local', port: { number: 5432 } } }] });
const serviceEntry = (spec: any) => istio('ServiceEntry', { hosts: ['api.example.com'], location: 'MESH_EXTERNAL', ports: [sePort], resolution: 'DNS', ...spec });
const destinationRule = (spec: any) => istio('DestinationRule', { host: 'shop.edge.svc.cluster.local', ...spec });
const sidecar = (spec: any) => istio('Sidecar', spec);
const ingressListener = { port: { number: 8080, name: 'http', protocol: 'HTTP' }, defaultEndpoint: '127.0.0.1:8080' };

/** An object of each kind with one list, as `of` builds it from its items. */
interface ListCase {
  readonly list: string;
  readonly of: (items: any[]) => KubeObject;
  readonly item: any;
  readonly path: string;
  readonly message: string;
}

const CASES: ListCase[] = [
  { list: 'Gateway servers', of: gateway, item: server, path: 'spec.servers', message: 'a server cannot be null' },
  { list: 'VirtualService http routes', of: (http) => virtualService({ http }), item: httpRoute, path: 'spec.http', message: 'an http route cannot be null' },
  { list: 'VirtualService route destinations', of: (route) => virtualService({ http: [{ route }] }), item: destination, path: 'spec.http[0].route', message: 'a route destination cannot be null' },
  { list: 'VirtualService tls matches', of: (match) => virtualService({ tls: [tlsRoute(match)] }), item: { sniHosts: ['shop.example.com'] }, path: 'spec.tls[0].match', message: 'a tls match cannot be null' },
  { list: 'VirtualService tcp matches', of: (match) => virtualService({ tcp: [tcpRoute(match)] }), item: { port: 5432 }, path: 'spec.tcp[0].match', message: 'a tcp match cannot be null' },
  { list: 'ServiceEntry ports', of: (ports) => serviceEntry({ ports }), item: sePort, path: 'spec.ports', message: 'a port cannot be null' },
  { list: 'ServiceEntry endpoints (STATIC)', of: (endpoints) => serviceEntry({ resolution: 'STATIC', addresses: ['203.0.113.10'], endpoints }), item: endpoint, path: 'spec.endpoints', message: 'an endpoint cannot be null' },
  { list: 'ServiceEntry endpoints (DNS)', of: (endpoints) => serviceEntry({ endpoints }), item: { address: 'api-1.example.com' }, path: 'spec.endpoints', message: 'an endpoint cannot be null' },
  { list: 'DestinationRule subsets', of: (subsets) => destinationRule({ subsets }), item: { name: 'v1', labels: { version: 'v1' } }, path: 'spec.subsets', message: 'a subset cannot be null' },
  {
    list: 'DestinationRule port traffic policies',
    of: (portLevelSettings) => destinationRule({ trafficPolicy: { portLevelSettings } }),
    item: { port: { number: 80 }, connectionPool: { tcp: { maxConnections: 10 } } },
    path: 'spec.trafficPolicy.portLevelSettings',
    message: 'a port traffic policy cannot be null',
  },
  { list: 'Sidecar ingress listeners', of: (ingress) => sidecar({ ingress }), item: ingressListener, path: 'spec.ingress', message: 'an ingress listener cannot be null' },
  { list: 'Sidecar egress listeners', of: (egress) => sidecar({ egress }), item: { hosts: ['./*'] }, path: 'spec.egress', message: 'an egress listener cannot be null' },
  { list: 'MeshGateway ports', of: meshGateway, item: { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }, path: 'spec.ports', message: 'a port cannot be null' },
];

describe('null items in lists, which Istio rejects', () => {
  test.each(CASES.map((c) => [c.list, c] as const))('%s: the list with an item is admitted', (_list, c) => {
    expect(checkObject(c.of([c.item]))).toStrictEqual([]);
  });

  test.each(CASES.map((c) => [c.list, c] as const))('%s: a null item is reported at its path', (_list, c) => {
    const messages = checkObject(c.of([c.item, null])).map((f) => f.message);
    expect(messages).toContain(`${c.path}[1]: ${c.message}`);
  });

  test('the items after a null one are still checked', () => {
    const messages = checkObject(gateway([null, { ...server, port: { ...server.port, number: 70000 } }])).map((f) => f.message);
    expect(messages).toContain('spec.servers[0]: a server cannot be null');
    expect(messages).toContainEqual(expect.stringMatching(/^spec\.servers\[1\]\.port\.number: .*70000/));
  });
});
