import { MeshIndex, selectorKey, toFqdn } from '../../src/rules/mesh-index';
import { fixtureObjects } from '../support/fixtures';

test('toFqdn qualifies short names in the rule namespace and leaves the rest', () => {
  expect(toFqdn('shop', 'reviews')).toBe('reviews.shop.svc.cluster.local');
  expect(toFqdn('shop', 'reviews.other.svc.cluster.local')).toBe('reviews.other.svc.cluster.local');
  expect(toFqdn('shop', '*.example.com')).toBe('*.example.com');
});

test('selectorKey is the sorted Kubernetes form', () => {
  expect(selectorKey({ version: 'v1', app: 'echo' })).toBe('app=echo,version=v1');
  expect(selectorKey(undefined)).toBe('');
});

describe('workloads', () => {
  const index = new MeshIndex(fixtureObjects('gateway-workload-valid'), { defaultGateway: true, workloads: [] });

  test('a MeshGateway is pods labelled gateway-name, gateway-type and its labels, behind a Service of its ports', () => {
    const [workload] = index.selectWorkloads({ 'gateway-name': 'edge' });
    expect(workload).toStrictEqual({ namespace: 'gateways', labels: { 'team': 'edge', 'gateway-name': 'edge', 'gateway-type': 'ingress' } });
    expect(index.servicesOf(workload).map((s) => [s.name, s.ports.map((p) => p.number)])).toEqual([['edge', [8000, 8443]]]);
    expect(index.resolveHost('shop', undefined, 'edge.gateways.svc.cluster.local')?.ports.map((p) => p.number)).toEqual([8000, 8443]);
  });

  test('an IstioMeshGateway is pods with its pod labels, gateway-name and gateway-type, behind a Service of spec.service.ports', () => {
    const [workload] = index.selectWorkloads({ tier: 'partner' });
    expect(workload).toStrictEqual({ namespace: 'gateways', labels: { 'tier': 'partner', 'gateway-name': 'partner', 'gateway-type': 'ingress' } });
    expect(index.servicesOf(workload).map((s) => [s.name, s.ports.map((p) => p.number)])).toEqual([['partner', [9443]]]);
  });

  test('a Deployment is pods with its template labels, selected by Services of its namespace', () => {
    const [workload] = index.selectWorkloads({ istio: 'internal' });
    expect(workload).toStrictEqual({ namespace: 'internal', labels: { app: 'internal-gateway', istio: 'internal' } });
    expect(index.servicesOf(workload).map((s) => s.name)).toEqual(['internal-gateway']);
  });

  test('the default gateway is assumed in istio-system', () => {
    const [workload] = index.selectWorkloads({ istio: 'ingressgateway' });
    expect(workload.namespace).toBe('istio-system');
    expect(index.servicesOf(workload)[0].ports.map((p) => p.number)).toEqual([80, 443, 31400, 15443]);
    expect(new MeshIndex([], { defaultGateway: false, workloads: [] }).selectWorkloads({ istio: 'ingressgateway' })).toEqual([]);
  });

  test('the default egress gateway is assumed in istio-system with ports 80 and 443', () => {
    const [workload] = index.selectWorkloads({ istio: 'egressgateway' });
    expect(workload).toStrictEqual({ namespace: 'istio-system', labels: { app: 'istio-egressgateway', istio: 'egressgateway' } });
    expect(index.servicesOf(workload).map((s) => [s.name, s.ports.map((p) => p.number)])).toEqual([['istio-egressgateway', [80, 443]]]);
    expect(new MeshIndex([], { defaultGateway: false, workloads: [] }).selectWorkloads({ istio: 'egressgateway' })).toEqual([]);
  });

  test('a selector must match every label; an empty one matches every workload', () => {
    expect(index.selectWorkloads({ istio: 'internal', app: 'other' })).toEqual([]);
    expect(index.selectWorkloads({}).length).toBe(5);
  });
});

describe('endpoints of pods on nodes', () => {
  // Re-expresses the topology rule of Istio's PodNotSelectedAnalyzer (analyzers_test.go
  // "DestinationRuleSubsetsWithTopologyLabels" and "DestinationRuleEmptyTopologyLabels"): a pod's
  // endpoint carries its node's name and locality labels.
  const pod = (name: string, nodeName: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop', labels: { app: name } }, spec: { nodeName } });
  const node = (name: string, labels: { [key: string]: string }) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels } });
  const index = new MeshIndex([
    pod('cart', 'node-a'),
    pod('till', 'node-b'),
    pod('shelf', 'node-c'),
    node('node-a', { 'topology.kubernetes.io/region': 'eu', 'topology.kubernetes.io/zone': 'eu-1', 'topology.istio.io/subzone': 'rack-7' }),
    node('node-b', { 'topology.kubernetes.io/region': 'eu', 'topology.istio.io/subzone': 'rack-9' }),
  ], { defaultGateway: false, workloads: [] });
  const apps = (selector: { [key: string]: string }) => index.selectEndpoints(selector).map((w) => w.labels.app).sort();

  test('carry the node name, also when the Node is not in the input, and its region, zone and subzone', () => {
    expect(apps({ 'kubernetes.io/hostname': 'node-c' })).toEqual(['shelf']);
    expect(apps({ 'topology.kubernetes.io/region': 'eu' })).toEqual(['cart', 'till']);
    expect(apps({ 'topology.kubernetes.io/zone': 'eu-1', 'topology.istio.io/subzone': 'rack-7' })).toEqual(['cart']);
  });

  test('carry no subzone without a zone, as Istio\'s locality ends at the first empty part', () => {
    expect(apps({ 'topology.istio.io/subzone': 'rack-9' })).toEqual([]);
  });

  test('are selected by their own labels too, but Gateways select by the pods\' own labels only', () => {
    expect(apps({ app: 'till' })).toEqual(['till']);
    expect(index.selectWorkloads({ 'kubernetes.io/hostname': 'node-c' })).toEqual([]);
  });
});

describe('hosts', () => {
  const service = (name: string, namespace: string, exportTo?: string) => ({
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, namespace, annotations: exportTo ? { 'networking.istio.io/exportTo': exportTo } : undefined },
    spec: { ports: [{ port: 80 }] },
  });
  const serviceEntry = (name: string, namespace: string, hosts: string[], exportTo?: string[]) => ({
    apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name, namespace },
    spec: { hosts, exportTo, ports: [{ number: 443, name: 'tls', protocol: 'TLS' }] },
  });
  const index = new MeshIndex([
    service('public', 'shop'),
    service('private', 'shop', '.'),
    serviceEntry('api', 'shop', ['api.example.com'], ['team']),
    serviceEntry('cdn', 'edge', ['*.cdn.example.com']),
  ], { defaultGateway: false, workloads: [] });

  test('a Service is visible everywhere by its full name, and by its short name in its namespace', () => {
    expect(index.resolveHost('shop', undefined, 'public')).toBeDefined();
    expect(index.resolveHost('other', undefined, 'public')).toBeUndefined();
    expect(index.resolveHost('other', undefined, 'public.shop.svc.cluster.local')).toBeDefined();
  });

  test('exportTo limits where a host resolves', () => {
    expect(index.resolveHost('shop', undefined, 'private')).toBeDefined();
    expect(index.resolveHost('other', undefined, 'private.shop.svc.cluster.local')).toBeUndefined();
    expect(index.resolveHost('team', undefined, 'api.example.com')).toBeDefined();
    expect(index.resolveHost('shop', undefined, 'api.example.com')).toBeUndefined();
  });

  test('a wildcard ServiceEntry covers the hosts below its domain', () => {
    expect(index.resolveHost('shop', undefined, 'img.cdn.example.com')?.ports.map((p) => p.number)).toEqual([443]);
    expect(index.resolveHost('shop', undefined, 'cdn.example.com')).toBeUndefined();
  });

  test('Secrets and cert-manager Certificates provide credentials; subsets are keyed by full host', () => {
    const objects = fixtureObjects('gateway-workload-valid');
    const withSubsets = new MeshIndex([...objects, ...fixtureObjects('destinationrule-hosts-valid')], { defaultGateway: true, workloads: [] });
    expect(withSubsets.hasSecret('istio-system/www-cert')).toBe(true);
    expect(withSubsets.hasSecret('gateways/shop-cert')).toBe(true);
    expect(withSubsets.hasSecret('shop/shop-cert')).toBe(false);
    expect(withSubsets.hasSubset('reviews.shop.svc.cluster.local', 'v2')).toBe(true);
    expect(withSubsets.hasSubset('reviews.shop.svc.cluster.local', 'v3')).toBe(false);
  });
});

test('selectorKey sorts keys written in any order, and leaves sorted ones as they are', () => {
  expect(selectorKey({ b: '2', c: '3', a: '1' })).toBe('a=1,b=2,c=3');
  expect(selectorKey({ a: '1', b: '2', c: '3' })).toBe('a=1,b=2,c=3');
  expect(selectorKey({ only: 'one' })).toBe('only=one');
});
