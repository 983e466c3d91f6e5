import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { EgressGateway, EgressRoute, ExternalService, ExternalServiceProtocol, GatewayReplicas, GatewayServiceType, IngressGateway, ServerProtocol } from '../../src';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject, objectsOfKind } from '../support/objects';
import { acceptEgressHost } from '../../src/egress/private/egress-hosts-gateway';

function httpService(scope: any, id: string, host: string): ExternalService {
  return new ExternalService(scope, id, { hosts: [host], ports: [{ number: 80, name: 'http', protocol: ExternalServiceProtocol.HTTP }] });
}

describe('EgressGateway', () => {
  test('defaults: an egress ClusterIP with one pod and http on 80, named after the construct id', () => {
    const chart = Testing.chart();
    const gateway = new EgressGateway(chart, 'egress');
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'MeshGateway', 'egress').spec).toStrictEqual({
      type: 'egress', serviceType: 'ClusterIP', minReplicas: 1, maxReplicas: 1,
      ports: [{ name: 'http', port: 80, targetPort: 80, protocol: 'TCP' }],
    });
    expect(gateway.node.defaultChild).toBe(gateway.resource);
    expect(gateway.selectorLabels).toStrictEqual({ 'gateway-name': 'egress', 'gateway-type': 'egress' });
    expect(gateway.gatewayName).toBe('egress');
  });

  test('without routes it creates no Gateway: a Gateway without servers is invalid', () => {
    const chart = Testing.chart();
    const gateway = new EgressGateway(chart, 'egress');
    expect(objectsOfKind(Testing.synth(chart), 'Gateway')).toEqual([]);
    expect(gateway.gateway).toBeUndefined();
  });

  test('takes the same workload options as an ingress gateway', () => {
    const chart = Testing.chart();
    const gateway = new EgressGateway(chart, 'egress', {
      name: 'outbound',
      namespace: 'egress',
      ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'tls', port: 443, targetPort: 8443 }],
      serviceType: GatewayServiceType.NODE_PORT,
      replicas: GatewayReplicas.autoscale(2, 4),
      labels: { team: 'platform' },
    });
    expect(findObject(Testing.synth(chart), 'MeshGateway', 'outbound').spec).toStrictEqual({
      type: 'egress', serviceType: 'NodePort', minReplicas: 2, maxReplicas: 4, labels: { team: 'platform' },
      ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }, { name: 'tls', port: 443, targetPort: 8443, protocol: 'TCP' }],
    });
    expect(gateway.serviceHost()).toBe('outbound.egress.svc.cluster.local');
    expect(gateway.gatewayName).toBe('outbound');
  });

  test('one Gateway for every route, in the workload\'s namespace, one server per port with the hosts of its routes', () => {
    const chart = Testing.chart();
    const gateway = new EgressGateway(chart, 'egress', { namespace: 'egress', ports: [{ name: 'http', port: 80 }, { name: 'http-alt', port: 8080 }] });
    gateway.route('a', { externalService: httpService(chart, 'a-ext', 'a.example.com') });
    gateway.route('b', { externalService: httpService(chart, 'b-ext', 'b.example.com') });
    gateway.route('c', { externalService: httpService(chart, 'c-ext', 'c.example.com'), gatewayPort: 8080 });
    const objects = Testing.synth(chart);
    expect(objectsOfKind(objects, 'Gateway')).toHaveLength(1);
    const egressGateway = findObject(objects, 'Gateway', 'egress');
    expect(egressGateway.metadata.namespace).toBe('egress');
    expect(egressGateway.spec).toStrictEqual({
      selector: { 'gateway-name': 'egress', 'gateway-type': 'egress' },
      servers: [
        { hosts: ['a.example.com', 'b.example.com'], port: { number: 80, name: 'http', protocol: 'HTTP' } },
        { hosts: ['c.example.com'], port: { number: 8080, name: 'http-alt', protocol: 'HTTP' } },
      ],
    });
    expect(gateway.gateway).toBeDefined();
  });

  test('the Gateway can be named', () => {
    const chart = Testing.chart();
    const gateway = new EgressGateway(chart, 'egress', { namespace: 'egress', gatewayName: 'outbound' });
    gateway.route('a', { externalService: httpService(chart, 'a-ext', 'a.example.com') });
    expect(findObject(Testing.synth(chart), 'Gateway', 'outbound').spec.servers[0].hosts).toEqual(['a.example.com']);
  });

  test('an existing egress workload: its selector, its Service, a Gateway named after the construct id', () => {
    const chart = Testing.chart();
    const gateway = EgressGateway.fromSelector(chart, 'mesh-egress', { selector: { istio: 'egressgateway' }, namespace: 'istio-system', serviceName: 'istio-egressgateway' });
    gateway.route('a', { externalService: httpService(chart, 'a-ext', 'a.example.com') });
    const objects = Testing.synth(chart);
    expect(objectsOfKind(objects, 'MeshGateway')).toEqual([]);
    const egressGateway = findObject(objects, 'Gateway', 'mesh-egress');
    expect(egressGateway.metadata.namespace).toBe('istio-system');
    expect(egressGateway.spec).toStrictEqual({ selector: { istio: 'egressgateway' }, servers: [{ hosts: ['a.example.com'], port: { number: 80, name: 'http-80', protocol: 'HTTP' } }] });
    expect(gateway.serviceHost()).toBe('istio-egressgateway.istio-system.svc.cluster.local');
  });

  test('accepting a host with TLS adds a passthrough server; unknown workload ports are named by protocol and number', () => {
    const chart = Testing.chart();
    const gateway = EgressGateway.fromSelector(chart, 'mesh-egress', { selector: { istio: 'egressgateway' } });
    acceptEgressHost(gateway, chart, 'api.example.com', 443, ServerProtocol.TLS);
    acceptEgressHost(gateway, chart, 'other.example.com', 8443, ServerProtocol.TLS);
    expect(findObject(Testing.synth(chart), 'Gateway', 'mesh-egress').spec.servers).toStrictEqual([
      { hosts: ['api.example.com'], port: { number: 443, name: 'tls-443', protocol: 'TLS' }, tls: { mode: 'PASSTHROUGH' } },
      { hosts: ['other.example.com'], port: { number: 8443, name: 'tls-8443', protocol: 'TLS' }, tls: { mode: 'PASSTHROUGH' } },
    ]);
  });

  test('10,000 routes through one gateway share one server', () => {
    const chart = Testing.chart();
    const gateway = new EgressGateway(chart, 'egress', { namespace: 'egress' });
    for (let i = 0; i < 10000; i++) {
      gateway.route(`r${i}`, { externalService: httpService(chart, `s${i}`, `h${i}.example.com`) });
    }
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Gateway', 'egress').spec.servers).toHaveLength(1);
    expect(findObject(objects, 'Gateway', 'egress').spec.servers[0].hosts).toHaveLength(10000);
  });
});

describeWithCrds('EgressGateway against the CRD schemas', () => {
  const validator = new CrdValidator();
  test('a created and an existing egress gateway with routes', () => {
    const chart = Testing.chart();
    const created = new EgressGateway(chart, 'egress', { namespace: 'egress' });
    created.route('a', { externalService: httpService(chart, 'a-ext', 'a.example.com') });
    const existing = EgressGateway.fromSelector(chart, 'mesh-egress', { selector: { istio: 'egressgateway' }, namespace: 'istio-system', serviceName: 'istio-egressgateway' });
    existing.route('b', { externalService: httpService(chart, 'b-ext', 'b.example.com') });
    expectValidAgainstCrds(validator, Testing.synth(chart));
  });
});

describe('EgressGateway errors', () => {
  test('a route on a port the egress gateway does not listen on', () => {
    const chart = Testing.chart();
    const gateway = new EgressGateway(chart, 'egress', { namespace: 'egress' });
    expect(() => gateway.route('a', { externalService: httpService(chart, 'ext', 'a.example.com'), gatewayPort: 8080 }))
      .toThrow('test/egress/a: invalid gatewayPort 8080: gateway workload test/egress listens on 80 (http)');
  });

  test('a port of an existing egress gateway whose ports were given', () => {
    const chart = Testing.chart();
    const gateway = EgressGateway.fromSelector(chart, 'mesh-egress', { selector: { istio: 'egressgateway' }, namespace: 'istio-system', serviceName: 'istio-egressgateway', ports: [{ name: 'tls', port: 443 }] });
    expect(() => gateway.route('a', { externalService: httpService(chart, 'ext', 'a.example.com') }))
      .toThrow('test/mesh-egress/a: invalid gatewayPort 80: gateway workload test/mesh-egress listens on 443 (tls)');
  });

  test('two protocols on one gateway port', () => {
    const chart = Testing.chart();
    const gateway = new EgressGateway(chart, 'egress', { namespace: 'egress' });
    gateway.route('a', { externalService: httpService(chart, 'a-ext', 'a.example.com') });
    const tls = new ExternalService(chart, 'b-ext', { hosts: ['b.example.com'], ports: [{ number: 443, protocol: ExternalServiceProtocol.TLS }] });
    expect(() => gateway.route('b', { externalService: tls, gatewayPort: 80 }))
      .toThrow('test/egress/b: invalid gatewayPort 80: port 80 of egress gateway test/egress already serves HTTP for test/egress/a, and a port serves one protocol: route TLS through another port');
  });

  test('the same host twice on one gateway port', () => {
    const chart = Testing.chart();
    const gateway = new EgressGateway(chart, 'egress', { namespace: 'egress' });
    const service = httpService(chart, 'ext', 'a.example.com');
    gateway.route('a', { externalService: service });
    expect(() => gateway.route('b', { externalService: service, virtualServiceName: 'a' }))
      .toThrow('test/egress/b: invalid host "a.example.com": test/egress/a already serves host a.example.com on port 80 of gateway workload test/egress');
  });

  test('a route through an existing egress gateway whose Service is not known', () => {
    const chart = Testing.chart();
    const gateway = EgressGateway.fromSelector(chart, 'mesh-egress', { selector: { istio: 'egressgateway' } });
    expect(() => gateway.route('a', { externalService: httpService(chart, 'ext', 'a.example.com') }))
      .toThrow('test/mesh-egress: invalid serviceName (not set): the cluster-local host of gateway workload test/mesh-egress needs the name of its Service: give serviceName');
  });

  test('a route through an existing egress gateway whose namespace is not known', () => {
    const chart = new Chart(Testing.app(), 'test');
    const gateway = EgressGateway.fromSelector(chart, 'mesh-egress', { selector: { istio: 'egressgateway' }, serviceName: 'istio-egressgateway' });
    expect(() => gateway.route('a', { externalService: httpService(chart, 'ext', 'a.example.com') }))
      .toThrow('test/mesh-egress: invalid namespace (not set): the cluster-local host of gateway workload test/mesh-egress needs the namespace of its Service, and the chart has none: give namespace');
  });

  test('a Gateway name that is not DNS-1123', () => {
    expect(() => new EgressGateway(Testing.chart(), 'egress', { gatewayName: 'Egress' })).toThrow('test/egress: invalid gatewayName "Egress": expected a DNS-1123 label (Istio requires it of Gateway names)');
    expect(() => new EgressGateway(Testing.chart(), 'egress', { gatewayName: 'egress.gw' })).toThrow('test/egress: invalid gatewayName "egress.gw": expected a DNS-1123 label (Istio requires it of Gateway names)');
    expect(() => EgressGateway.fromSelector(Testing.chart(), 'Mesh_Egress', { selector: { istio: 'egressgateway' } })).toThrow('test/Mesh_Egress: invalid gatewayName "Mesh_Egress": expected a DNS-1123 label');
  });

  test('a MeshGateway name that is not DNS-1123 is reported as the name', () => {
    expect(() => new EgressGateway(Testing.chart(), 'Egress')).toThrow('test/Egress: invalid name "Egress": expected a DNS-1035 label (it names a Service)');
  });

  test('an ingress gateway is not an egress gateway: the types keep them apart', () => {
    const chart = Testing.chart();
    const ingress: any = new IngressGateway(chart, 'edge');
    expect(ingress.acceptHost).toBeUndefined();
  });

  test('an egress gateway the library did not make, in the gateway\'s chart and in another', () => {
    const app = Testing.app();
    const platform = new Chart(app, 'platform', { namespace: 'egress' });
    const handMade: any = Object.assign(new Construct(platform, 'hand-made'), {
      gatewayName: 'hand-made', selectorLabels: { app: 'egress' }, namespace: 'egress', serviceName: 'egress', ports: [],
      serviceHost: () => 'egress.egress.svc.cluster.local', route: () => undefined,
    });
    const message = 'platform/hand-made: an egress gateway is a construct of the library: EgressGateway or EgressGateway.fromSelector';
    expect(() => new EgressRoute(platform, 'same-chart', { egressGateway: handMade, externalService: httpService(platform, 'ext', 'api.example.com') })).toThrow(message);
    const team = new Chart(app, 'team', { namespace: 'team' });
    expect(() => new EgressRoute(team, 'other-chart', { egressGateway: handMade, externalService: httpService(team, 'ext', 'api.example.com') })).toThrow(message);
  });
});
