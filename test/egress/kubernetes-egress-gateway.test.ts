import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { EgressMode, ExternalService, ExternalServiceProtocol, GatewayApiEgressRoute, KubernetesEgressGateway, WorkloadIdentity } from '../../src';
import { analyze } from '../../src/rules/analyze';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject, objectsOfKind } from '../support/objects';

const HTTP = ExternalServiceProtocol.HTTP;
const TLS = ExternalServiceProtocol.TLS;
const TCP = ExternalServiceProtocol.TCP;

/** A chart in namespace `egress` holding a Gateway API egress gateway. */
function setup(): { chart: Chart; egress: KubernetesEgressGateway } {
  const chart = new Chart(Testing.app(), 'test', { namespace: 'egress' });
  return { chart, egress: new KubernetesEgressGateway(chart, 'egress') };
}

function service(scope: Construct, id: string, host: string, ports: Array<[number, ExternalServiceProtocol]>): ExternalService {
  return new ExternalService(scope, id, { hosts: [host], ports: ports.map(([number, protocol]) => ({ number, protocol, name: `${protocol.toLowerCase()}-${number}` })) });
}

describe('KubernetesEgressGateway', () => {
  test('HTTP: a ClusterIP Gateway of class istio with a listener for the host, a route on the ServiceEntry to the gateway\'s Service, and one on the listener to the host', () => {
    const { chart, egress } = setup();
    const route = egress.route('api', { externalService: service(chart, 'api-ext', 'api.example.com', [[80, HTTP]]), gatewayPort: 8080 });
    const objects = Testing.synth(chart);
    const gateway = findObject(objects, 'Gateway', 'egress');
    expect(gateway.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(gateway.metadata.annotations).toStrictEqual({ 'networking.istio.io/service-type': 'ClusterIP' });
    expect(gateway.spec).toStrictEqual({ gatewayClassName: 'istio', listeners: [{ name: 'api', hostname: 'api.example.com', port: 8080, protocol: 'HTTP' }] });
    expect(findObject(objects, 'HTTPRoute', 'api-to-gateway').spec).toStrictEqual({
      parentRefs: [{ group: 'networking.istio.io', kind: 'ServiceEntry', name: 'api-ext', port: 80 }],
      rules: [{ backendRefs: [{ name: 'egress-istio', port: 8080 }] }],
    });
    expect(findObject(objects, 'HTTPRoute', 'api-from-gateway').spec).toStrictEqual({
      parentRefs: [{ name: 'egress', sectionName: 'api' }],
      hostnames: ['api.example.com'],
      rules: [{ backendRefs: [{ group: 'networking.istio.io', kind: 'Hostname', name: 'api.example.com', port: 80 }] }],
    });
    expect([route.host, route.port, route.gatewayPort, route.destinationRule]).toStrictEqual(['api.example.com', 80, 8080, undefined]);
    expect(egress.serviceHost()).toBe('egress-istio.egress.svc.cluster.local');
  });

  test('TLS passthrough: a TLS listener passing through, and TLSRoutes for the SNI host', () => {
    const { chart, egress } = setup();
    egress.route('api', { externalService: service(chart, 'api-ext', 'api.example.com', [[443, TLS]]) });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Gateway', 'egress').spec.listeners).toStrictEqual([{ name: 'api', hostname: 'api.example.com', port: 443, protocol: 'TLS', tls: { mode: 'Passthrough' } }]);
    expect(objectsOfKind(objects, 'HTTPRoute')).toStrictEqual([]);
    expect(findObject(objects, 'TLSRoute', 'api-to-gateway').spec).toStrictEqual({
      parentRefs: [{ group: 'networking.istio.io', kind: 'ServiceEntry', name: 'api-ext', port: 443 }],
      hostnames: ['api.example.com'],
      rules: [{ backendRefs: [{ name: 'egress-istio', port: 443 }] }],
    });
    expect(findObject(objects, 'TLSRoute', 'api-from-gateway').spec.rules).toStrictEqual([{ backendRefs: [{ group: 'networking.istio.io', kind: 'Hostname', name: 'api.example.com', port: 443 }] }]);
  });

  test('TLS origination: an HTTP listener, a route to the host\'s TLS port and a DestinationRule originating TLS there', () => {
    const { chart, egress } = setup();
    const route = egress.route('api', { externalService: service(chart, 'api-ext', 'api.example.com', [[80, HTTP], [443, TLS]]), port: 80, mode: EgressMode.originateTls() });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Gateway', 'egress').spec.listeners).toStrictEqual([{ name: 'api', hostname: 'api.example.com', port: 80, protocol: 'HTTP' }]);
    expect(findObject(objects, 'HTTPRoute', 'api-from-gateway').spec.rules[0].backendRefs).toStrictEqual([{ group: 'networking.istio.io', kind: 'Hostname', name: 'api.example.com', port: 443 }]);
    const rule = findObject(objects, 'DestinationRule', 'api');
    expect(rule.metadata.namespace).toBe('egress');
    expect(rule.spec.host).toBe('api.example.com');
    expect(rule.spec.trafficPolicy.portLevelSettings).toStrictEqual([{ port: { number: 443 }, tls: { mode: 'SIMPLE', sni: 'api.example.com', caCertificates: '/etc/ssl/certs/ca-certificates.crt' } }]);
    expect(route.destinationRule).toBeDefined();
  });

  test('TCP: a TCP listener without a host name, and TCPRoutes without hostnames', () => {
    const { chart, egress } = setup();
    egress.route('db', { externalService: service(chart, 'db-ext', 'db.example.com', [[5432, TCP]]), gatewayPort: 15432 });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Gateway', 'egress').spec.listeners).toStrictEqual([{ name: 'db', port: 15432, protocol: 'TCP' }]);
    expect(findObject(objects, 'TCPRoute', 'db-to-gateway').spec).toStrictEqual({
      parentRefs: [{ group: 'networking.istio.io', kind: 'ServiceEntry', name: 'db-ext', port: 5432 }],
      rules: [{ backendRefs: [{ name: 'egress-istio', port: 15432 }] }],
    });
    expect(findObject(objects, 'TCPRoute', 'db-from-gateway').spec).toStrictEqual({
      parentRefs: [{ name: 'egress', sectionName: 'db' }],
      rules: [{ backendRefs: [{ group: 'networking.istio.io', kind: 'Hostname', name: 'db.example.com', port: 5432 }] }],
    });
  });

  test('a ServiceEntry in another namespace is named with its namespace', () => {
    const app = Testing.app();
    const registry = new Chart(app, 'registry', { namespace: 'registry' });
    const chart = new Chart(app, 'test', { namespace: 'egress' });
    new KubernetesEgressGateway(chart, 'egress').route('api', { externalService: service(registry, 'api-ext', 'api.example.com', [[80, HTTP]]) });
    expect(findObject(Testing.synth(chart), 'HTTPRoute', 'api-to-gateway').spec.parentRefs).toStrictEqual([{ group: 'networking.istio.io', kind: 'ServiceEntry', name: 'api-ext', namespace: 'registry', port: 80 }]);
  });

  test('a mesh route in another namespace than the gateway\'s names the gateway\'s Service with its namespace, which a ReferenceGrant there allows', () => {
    const { chart, egress } = setup();
    const route = egress.route('api', { externalService: service(chart, 'api-ext', 'api.example.com', [[80, HTTP]]), namespace: 'apps' });
    const objects = Testing.synth(chart);
    const meshRoute = findObject(objects, 'HTTPRoute', 'api-to-gateway');
    expect(meshRoute.metadata.namespace).toBe('apps');
    expect(meshRoute.spec.parentRefs).toStrictEqual([{ group: 'networking.istio.io', kind: 'ServiceEntry', name: 'api-ext', namespace: 'egress', port: 80 }]);
    expect(meshRoute.spec.rules).toStrictEqual([{ backendRefs: [{ name: 'egress-istio', namespace: 'egress', port: 80 }] }]);
    expect(findObject(objects, 'HTTPRoute', 'api-from-gateway').metadata.namespace).toBe('egress');
    const grant = findObject(objects, 'ReferenceGrant', 'apps-api-to-gateway');
    expect(grant.metadata.namespace).toBe('egress');
    expect(grant.spec).toStrictEqual({
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'apps' }],
      to: [{ group: '', kind: 'Service', name: 'egress-istio' }],
    });
    expect(route.referenceGrant).toBeDefined();
    expect(analyze(objects)).toStrictEqual([]);
  });

  test('without a ReferenceGrant the analysis flags the mesh route\'s reference to the gateway\'s Service', () => {
    const { chart, egress } = setup();
    egress.route('api', { externalService: service(chart, 'api-ext', 'api.example.com', [[80, HTTP]]), namespace: 'apps' });
    const objects = Testing.synth(chart).filter((o) => o.kind !== 'ReferenceGrant');
    expect(analyze(objects).map((f) => f.code)).toStrictEqual(['CIG0104']);
  });

  test('a route made in another construct scope adds its listener to the gateway', () => {
    const { chart, egress } = setup();
    new GatewayApiEgressRoute(new Construct(chart, 'team'), 'api', { egressGateway: egress, externalService: service(chart, 'api-ext', 'api.example.com', [[80, HTTP]]) });
    expect(findObject(Testing.synth(chart), 'Gateway', 'egress').spec.listeners.map((l: any) => l.name)).toStrictEqual(['api']);
  });

  test('the analysis finds nothing in HTTP, passthrough, origination and TCP routes', () => {
    const { chart, egress } = setup();
    // A virtual address lets the sidecars tell the TCP service's traffic apart (IST0134 otherwise).
    egress.route('db', { externalService: new ExternalService(chart, 'db-ext', { hosts: ['db.example.com'], addresses: ['240.0.0.10'], ports: [{ number: 5432, name: 'tcp', protocol: TCP }] }) });
    egress.route('plain', { externalService: service(chart, 'plain-ext', 'plain.example.com', [[80, HTTP]]) });
    egress.route('passthrough', { externalService: service(chart, 'passthrough-ext', 'passthrough.example.com', [[443, TLS]]) });
    egress.route('originate', { externalService: service(chart, 'originate-ext', 'originate.example.com', [[80, HTTP], [443, TLS]]), port: 80, gatewayPort: 8080, mode: EgressMode.originateTls() });
    expect(analyze(Testing.synth(chart))).toStrictEqual([]);
  });
});

describe('KubernetesEgressGateway errors', () => {
  test('virtualServiceName: the Gateway API form has no VirtualService', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, 'api-ext', 'api.example.com', [[80, HTTP]]), virtualServiceName: 'api' }))
      .toThrow('test/egress/api: invalid virtualServiceName "api": the Gateway API traffic API has no VirtualService: the routes are named after the construct id (api-to-gateway and api-from-gateway)');
  });

  test('exportTo: a Gateway API route has none', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, 'api-ext', 'api.example.com', [[80, HTTP]]), exportTo: ['.'] }))
      .toThrow('test/egress/api: invalid exportTo ["."]: a Gateway API route has no exportTo: a route in the ServiceEntry\'s namespace applies to every namespace\'s workloads, one in another namespace (namespace) to that namespace\'s alone');
  });

  test('allowFrom: a Gateway API egress gateway has no mutual TLS to check identities with', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, 'api-ext', 'api.example.com', [[80, HTTP]]), allowFrom: [WorkloadIdentity.namespace('shop')] }))
      .toThrow('test/egress/api: invalid allowFrom [{"namespaceName":"shop"}]: an allow-list needs the mesh\'s mutual TLS to the egress gateway, which a Gateway API egress gateway does not have here: use an EgressGateway with meshMutualTls');
  });

  test('trustDomain: only allow-lists read it', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, 'api-ext', 'api.example.com', [[80, HTTP]]), trustDomain: 'corp.example' }))
      .toThrow('test/egress/api: invalid trustDomain "corp.example": an allow-list needs');
  });

  test('namespace: the route attaches to a ServiceEntry exported to its namespace', () => {
    const { chart, egress } = setup();
    const ext = new ExternalService(chart, 'api-ext', { hosts: ['api.example.com'], ports: [{ number: 80, name: 'http', protocol: HTTP }], exportTo: ['.'] });
    expect(() => egress.route('api', { externalService: ext, namespace: 'apps' }))
      .toThrow('test/egress/api: invalid namespace "apps": the external service is not exported to namespace apps, so a route there could not attach to its ServiceEntry: put the route in a namespace the ServiceEntry is exported to');
  });

  test('namespace: a route whose namespace is not known cannot be granted the gateway\'s Service', () => {
    const app = Testing.app();
    const egress = new KubernetesEgressGateway(new Chart(app, 'platform', { namespace: 'egress' }), 'egress');
    const team = new Chart(app, 'team');
    expect(() => new GatewayApiEgressRoute(team, 'api', { egressGateway: egress, externalService: service(team, 'api-ext', 'api.example.com', [[80, HTTP]]) }))
      .toThrow('team/api: invalid namespace (not set): the route to the egress gateway\'s Service may cross namespaces, which a ReferenceGrant in the gateway\'s namespace must allow from the route\'s: give both the route (or its chart) and the egress gateway a namespace');
  });

  test('mode: gRPC is not built for the Gateway API form', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('grpc', { externalService: service(chart, 'grpc-ext', 'grpc.example.com', [[8080, ExternalServiceProtocol.GRPC]]) }))
      .toThrow('test/egress/grpc: invalid mode "GRPC": the Gateway API form of an egress route carries HTTP, TLS and TCP; GRPC through a Gateway API egress gateway (a GRPCRoute) is not built yet: use an EgressGateway (the Istio traffic API) for this route');
  });

  test('gatewayPort: a TCP port carries one host', () => {
    const { chart, egress } = setup();
    egress.route('db', { externalService: service(chart, 'db-ext', 'db.example.com', [[5432, TCP]]) });
    expect(() => egress.route('replica', { externalService: service(chart, 'replica-ext', 'replica.example.com', [[5432, TCP]]) }))
      .toThrow('test/egress/replica: invalid gatewayPort 5432: port 5432 of egress gateway test/egress already carries TCP to db.example.com for test/egress/db, and TCP carries no host name to tell replica.example.com apart: route it through another port');
  });

  test('gatewayPort: a port serves one protocol', () => {
    const { chart, egress } = setup();
    egress.route('plain', { externalService: service(chart, 'plain-ext', 'plain.example.com', [[443, HTTP]]) });
    expect(() => egress.route('passthrough', { externalService: service(chart, 'passthrough-ext', 'passthrough.example.com', [[443, TLS]]) }))
      .toThrow('test/egress/passthrough: invalid gatewayPort 443: port 443 of egress gateway test/egress already serves HTTP for test/egress/plain, and a port serves one protocol: route TLS through another port');
  });

  test('host: one route per host and gateway port', () => {
    const { chart, egress } = setup();
    const ext = service(chart, 'api-ext', 'api.example.com', [[80, HTTP], [8080, HTTP]]);
    egress.route('api', { externalService: ext, port: 80 });
    expect(() => egress.route('api-alt', { externalService: ext, port: 8080, gatewayPort: 80 }))
      .toThrow('test/egress/api-alt: invalid host "api.example.com": test/egress/api already serves host api.example.com on port 80 of gateway workload test/egress');
  });

  test('a gateway without routes has no listeners', () => {
    const { chart } = setup();
    expect(() => Testing.synth(chart)).toThrow('test/egress: no listeners: route an external service through the gateway');
  });
});

describeWithCrds('KubernetesEgressGateway against the CRD schemas', () => {
  test('HTTP, passthrough, origination and TCP', () => {
    const { chart, egress } = setup();
    egress.route('db', { externalService: service(chart, 'db-ext', 'db.example.com', [[5432, TCP]]) });
    egress.route('plain', { externalService: service(chart, 'plain-ext', 'plain.example.com', [[80, HTTP]]) });
    egress.route('passthrough', { externalService: service(chart, 'passthrough-ext', 'passthrough.example.com', [[443, TLS]]) });
    egress.route('originate', { externalService: service(chart, 'originate-ext', 'originate.example.com', [[80, HTTP], [443, TLS]]), port: 80, gatewayPort: 8080, mode: EgressMode.originateTls(), namespace: 'apps' });
    const objects = Testing.synth(chart);
    expect(objects.map((o) => o.kind).sort()).toStrictEqual(['DestinationRule', 'Gateway', 'HTTPRoute', 'HTTPRoute', 'HTTPRoute', 'HTTPRoute', 'ReferenceGrant', 'ServiceEntry', 'ServiceEntry', 'ServiceEntry', 'ServiceEntry', 'TCPRoute', 'TCPRoute', 'TLSRoute', 'TLSRoute']);
    expectValidAgainstCrds(new CrdValidator(), objects);
  });
});
