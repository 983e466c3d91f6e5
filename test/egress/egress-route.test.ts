import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { EgressGateway, EgressMode, EgressRoute, ExternalService, ExternalServiceProtocol, ExternalServiceResolution, IEgressGateway, IstioApiVersion, ServerVerification } from '../../src';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject, objectsOfKind } from '../support/objects';

const HTTP = ExternalServiceProtocol.HTTP;
const HTTPS = ExternalServiceProtocol.HTTPS;
const TLS = ExternalServiceProtocol.TLS;

/** A chart in namespace `apps` with an egress gateway in namespace `egress` listening on 80, 443 and 8080. */
function setup(version?: IstioApiVersion): { chart: Chart; egress: EgressGateway } {
  const chart = new Chart(Testing.app(), 'test', { namespace: 'apps' });
  if (version) {
    IstioApiVersion.use(chart, version);
  }
  const egress = new EgressGateway(chart, 'egress', {
    namespace: 'egress',
    ports: [{ name: 'http', port: 80 }, { name: 'tls', port: 443 }, { name: 'http-alt', port: 8080 }],
  });
  return { chart, egress };
}

function service(scope: Construct, ports: Array<[number, ExternalServiceProtocol]>, hosts = ['api.example.com']): ExternalService {
  return new ExternalService(scope, 'ext', { hosts, ports: ports.map(([number, protocol]) => ({ number, protocol, name: `${protocol.toLowerCase()}-${number}` })) });
}

const TCP = ExternalServiceProtocol.TCP;

/** A chart in namespace `apps` with an egress gateway in namespace `egress` listening on TCP ports 5432 and 6379. */
function tcpSetup(): { chart: Chart; egress: EgressGateway } {
  const chart = new Chart(Testing.app(), 'test', { namespace: 'apps' });
  const egress = new EgressGateway(chart, 'egress', { namespace: 'egress', ports: [{ name: 'tcp-postgres', port: 5432 }, { name: 'tcp-redis', port: 6379 }] });
  return { chart, egress };
}

/** An external TCP service with a virtual address, so that the sidecars can tell its traffic apart. */
function tcpService(scope: Construct, id: string, host: string, port: number, address: string): ExternalService {
  return new ExternalService(scope, id, { hosts: [host], addresses: [address], ports: [{ number: port, protocol: TCP, name: `tcp-${port}` }] });
}

describe('EgressRoute over TCP', () => {
  test('a TCP port: a TCP server for the host, and two TCP hops', () => {
    const { chart, egress } = tcpSetup();
    const route = egress.route('db', { externalService: tcpService(chart, 'db-ext', 'db.partner.example', 5432, '240.0.0.10') });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Gateway', 'egress').spec.servers).toStrictEqual([
      { hosts: ['db.partner.example'], port: { number: 5432, name: 'tcp-postgres', protocol: 'TCP' } },
    ]);
    expect(findObject(objects, 'VirtualService', 'db').spec).toStrictEqual({
      hosts: ['db.partner.example'],
      gateways: ['egress/egress', 'mesh'],
      tcp: [
        { match: [{ gateways: ['mesh'], port: 5432 }], route: [{ destination: { host: 'egress.egress.svc.cluster.local', port: { number: 5432 } } }] },
        { match: [{ gateways: ['egress/egress'], port: 5432 }], route: [{ destination: { host: 'db.partner.example', port: { number: 5432 } } }] },
      ],
    });
    expect([route.port, route.gatewayPort, route.destinationRule]).toEqual([5432, 5432, undefined]);
  });

  test('each TCP host needs a gateway port of its own', () => {
    const { chart, egress } = tcpSetup();
    egress.route('db', { externalService: tcpService(chart, 'db-ext', 'db.partner.example', 5432, '240.0.0.10') });
    const cache = tcpService(chart, 'cache-ext', 'cache.partner.example', 6379, '240.0.0.11');
    expect(() => egress.route('cache', { externalService: cache, gatewayPort: 5432 }))
      .toThrow('test/egress/cache: invalid gatewayPort 5432: port 5432 of egress gateway test/egress already carries TCP to db.partner.example for test/egress/db, and TCP carries no host name to tell cache.partner.example apart: route it through another port');
    egress.route('cache-own-port', { externalService: cache });
    // listed by host, whatever order the routes were declared in
    expect(findObject(Testing.synth(chart), 'Gateway', 'egress').spec.servers.map((s: any) => [s.port.number, s.hosts])).toEqual([
      [6379, ['cache.partner.example']],
      [5432, ['db.partner.example']],
    ]);
  });

  test('an HTTP route and a TCP route for two ports of one host share its VirtualService', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'apps' });
    const egress = new EgressGateway(chart, 'egress', { namespace: 'egress', ports: [{ name: 'http', port: 80 }, { name: 'tcp-postgres', port: 5432 }] });
    const ext = new ExternalService(chart, 'ext', { hosts: ['api.example.com'], addresses: ['240.0.0.12'], ports: [{ number: 80, protocol: HTTP, name: 'http' }, { number: 5432, protocol: TCP, name: 'tcp-postgres' }] });
    egress.route('api', { externalService: ext, port: 80 });
    egress.route('api-db', { externalService: ext, port: 5432, virtualServiceName: 'api' });
    const vs = findObject(Testing.synth(chart), 'VirtualService', 'api');
    expect(vs.spec.http.map((r: any) => r.match[0].port)).toEqual([80, 80]);
    expect(vs.spec.tcp.map((r: any) => r.match[0].port)).toEqual([5432, 5432]);
  });
});

describe('EgressRoute', () => {
  test('an HTTP port: two HTTP hops, the Gateway named across namespaces', () => {
    const { chart, egress } = setup();
    const route = egress.route('api', { externalService: service(chart, [[80, HTTP]]) });
    const objects = Testing.synth(chart);
    const vs = findObject(objects, 'VirtualService', 'api');
    expect(vs.metadata.namespace).toBe('apps');
    expect(vs.spec).toStrictEqual({
      hosts: ['api.example.com'],
      gateways: ['egress/egress', 'mesh'],
      http: [
        { match: [{ gateways: ['mesh'], port: 80 }], route: [{ destination: { host: 'egress.egress.svc.cluster.local', port: { number: 80 } } }] },
        { match: [{ gateways: ['egress/egress'], port: 80 }], route: [{ destination: { host: 'api.example.com', port: { number: 80 } } }] },
      ],
    });
    expect(objectsOfKind(objects, 'DestinationRule')).toEqual([]);
    expect([route.host, route.port, route.gatewayPort]).toEqual(['api.example.com', 80, 80]);
    expect(route.destinationRule).toBeUndefined();
  });

  test('the Gateway by its name alone when the route is in the gateway\'s namespace', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'egress' });
    const egress = new EgressGateway(chart, 'egress');
    egress.route('api', { externalService: service(chart, [[80, HTTP]]) });
    expect(findObject(Testing.synth(chart), 'VirtualService', 'api').spec.gateways).toEqual(['egress', 'mesh']);
  });

  test('a gateway port other than the service port: each hop matches the port its gateway receives on', () => {
    const { chart, egress } = setup();
    egress.route('api', { externalService: service(chart, [[80, HTTP]]), gatewayPort: 8080 });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'VirtualService', 'api').spec.http).toStrictEqual([
      { match: [{ gateways: ['mesh'], port: 80 }], route: [{ destination: { host: 'egress.egress.svc.cluster.local', port: { number: 8080 } } }] },
      { match: [{ gateways: ['egress/egress'], port: 8080 }], route: [{ destination: { host: 'api.example.com', port: { number: 80 } } }] },
    ]);
    expect(findObject(objects, 'Gateway', 'egress').spec.servers).toStrictEqual([{ hosts: ['api.example.com'], port: { number: 8080, name: 'http-alt', protocol: 'HTTP' } }]);
  });

  test.each([[ExternalServiceProtocol.HTTP2, 'HTTP2'], [ExternalServiceProtocol.GRPC, 'GRPC']])('a %s port: the Gateway server speaks %s', (protocol, server) => {
    const { chart, egress } = setup();
    egress.route('api', { externalService: service(chart, [[8080, protocol]]) });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Gateway', 'egress').spec.servers[0].port).toStrictEqual({ number: 8080, name: 'http-alt', protocol: server });
    expect(findObject(objects, 'VirtualService', 'api').spec.http).toHaveLength(2);
  });

  test.each([HTTPS, TLS])('a %s port: TLS passthrough by default, tls routes matched on SNI', (protocol) => {
    const { chart, egress } = setup();
    egress.route('api', { externalService: service(chart, [[443, protocol]]) });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Gateway', 'egress').spec.servers).toStrictEqual([
      { hosts: ['api.example.com'], port: { number: 443, name: 'tls', protocol: 'TLS' }, tls: { mode: 'PASSTHROUGH' } },
    ]);
    const vs = findObject(objects, 'VirtualService', 'api');
    expect(vs.spec.http).toBeUndefined();
    expect(vs.spec.tls).toStrictEqual([
      { match: [{ gateways: ['mesh'], port: 443, sniHosts: ['api.example.com'] }], route: [{ destination: { host: 'egress.egress.svc.cluster.local', port: { number: 443 } } }] },
      { match: [{ gateways: ['egress/egress'], port: 443, sniHosts: ['api.example.com'] }], route: [{ destination: { host: 'api.example.com', port: { number: 443 } } }] },
    ]);
  });

  test('TLS origination: HTTP hops to the TLS port, a DestinationRule in the egress gateway\'s namespace', () => {
    const { chart, egress } = setup();
    const route = egress.route('api', { externalService: service(chart, [[80, HTTP], [8443, HTTPS]]), port: 80, mode: EgressMode.originateTls({ port: 8443, sni: 'edge.example.com' }) });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'VirtualService', 'api').spec.http[1].route).toStrictEqual([{ destination: { host: 'api.example.com', port: { number: 8443 } } }]);
    expect(findObject(objects, 'Gateway', 'egress').spec.servers).toStrictEqual([{ hosts: ['api.example.com'], port: { number: 80, name: 'http', protocol: 'HTTP' } }]);
    const rule = findObject(objects, 'DestinationRule', 'api');
    expect(route.destinationRule).toBeDefined();
    expect(rule.metadata.namespace).toBe('egress');
    expect(rule.spec).toStrictEqual({
      host: 'api.example.com',
      exportTo: ['.'],
      trafficPolicy: {
        portLevelSettings: [{ port: { number: 8443 }, tls: { mode: 'SIMPLE', sni: 'edge.example.com', caCertificates: '/etc/ssl/certs/ca-certificates.crt' } }],
      },
    });
  });

  test('TLS origination defaults to port 443, the routed host as SNI and verification against the system CA bundle', () => {
    const { chart, egress } = setup();
    egress.route('api', { externalService: service(chart, [[80, HTTP], [443, TLS]]), port: 80, mode: EgressMode.originateTls() });
    expect(findObject(Testing.synth(chart), 'DestinationRule', 'api').spec.trafficPolicy.portLevelSettings)
      .toStrictEqual([{ port: { number: 443 }, tls: { mode: 'SIMPLE', sni: 'api.example.com', caCertificates: '/etc/ssl/certs/ca-certificates.crt' } }]);
  });

  test.each([
    ['a CA bundle path', ServerVerification.caCertificates('/etc/egress-ca/ca.pem'), { caCertificates: '/etc/egress-ca/ca.pem' }],
    ['a secret in the egress gateway\'s namespace', ServerVerification.credentialName('api-ca'), { credentialName: 'api-ca' }],
  ])('TLS origination verifying the server with %s and subject alt names', (_name, verification, expected) => {
    const { chart, egress } = setup();
    egress.route('api', {
      externalService: service(chart, [[80, HTTP], [443, TLS]]), port: 80,
      mode: EgressMode.originateTls({ verification, subjectAltNames: ['api.example.com', 'spiffe://example.com/api'] }),
    });
    expect(findObject(Testing.synth(chart), 'DestinationRule', 'api').spec.trafficPolicy.portLevelSettings[0].tls).toStrictEqual({
      mode: 'SIMPLE', sni: 'api.example.com', ...expected, subjectAltNames: ['api.example.com', 'spiffe://example.com/api'],
    });
  });

  test('TLS origination that explicitly skips verification', () => {
    const { chart, egress } = setup();
    egress.route('api', { externalService: service(chart, [[80, HTTP], [443, TLS]]), port: 80, mode: EgressMode.originateTls({ verification: ServerVerification.insecure() }) });
    expect(findObject(Testing.synth(chart), 'DestinationRule', 'api').spec.trafficPolicy.portLevelSettings[0].tls)
      .toStrictEqual({ mode: 'SIMPLE', sni: 'api.example.com', insecureSkipVerify: true });
  });

  test('two ports of one host: one VirtualService, with both hops of each', () => {
    const { chart, egress } = setup();
    // TLS originated to 8443: a passthrough route to the port TLS is originated to is refused
    const ext = service(chart, [[80, HTTP], [443, TLS], [8443, TLS]]);
    const origination = egress.route('api', { externalService: ext, port: 80, mode: EgressMode.originateTls({ port: 8443 }) });
    const passthrough = egress.route('api-tls', { externalService: ext, port: 443, virtualServiceName: 'api' });
    const objects = Testing.synth(chart);
    expect(objectsOfKind(objects, 'VirtualService')).toHaveLength(1);
    expect(passthrough.virtualService).toBe(origination.virtualService);
    expect(findObject(objects, 'VirtualService', 'api').spec).toStrictEqual({
      hosts: ['api.example.com'],
      gateways: ['egress/egress', 'mesh'],
      http: [
        { match: [{ gateways: ['mesh'], port: 80 }], route: [{ destination: { host: 'egress.egress.svc.cluster.local', port: { number: 80 } } }] },
        { match: [{ gateways: ['egress/egress'], port: 80 }], route: [{ destination: { host: 'api.example.com', port: { number: 8443 } } }] },
      ],
      tls: [
        { match: [{ gateways: ['mesh'], port: 443, sniHosts: ['api.example.com'] }], route: [{ destination: { host: 'egress.egress.svc.cluster.local', port: { number: 443 } } }] },
        { match: [{ gateways: ['egress/egress'], port: 443, sniHosts: ['api.example.com'] }], route: [{ destination: { host: 'api.example.com', port: { number: 443 } } }] },
      ],
    });
    expect(findObject(objects, 'Gateway', 'egress').spec.servers.map((s: any) => [s.port.number, s.hosts])).toEqual([[80, ['api.example.com']], [443, ['api.example.com']]]);
  });

  test('two ports of one host originating TLS to one port: one DestinationRule with one setting', () => {
    const { chart, egress } = setup();
    const ext = service(chart, [[80, HTTP], [8080, HTTP], [443, TLS]]);
    const first = egress.route('api', { externalService: ext, port: 80, mode: EgressMode.originateTls() });
    const second = egress.route('api-alt', { externalService: ext, port: 8080, mode: EgressMode.originateTls(), virtualServiceName: 'api', destinationRuleName: 'api' });
    const objects = Testing.synth(chart);
    expect(objectsOfKind(objects, 'DestinationRule')).toHaveLength(1);
    expect(second.destinationRule).toBe(first.destinationRule);
    expect(findObject(objects, 'DestinationRule', 'api').spec.trafficPolicy.portLevelSettings).toStrictEqual([
      { port: { number: 443 }, tls: { mode: 'SIMPLE', sni: 'api.example.com', caCertificates: '/etc/ssl/certs/ca-certificates.crt' } },
    ]);
  });

  test('two ports of one host originating TLS to two ports: one DestinationRule with a setting per port', () => {
    const { chart, egress } = setup();
    const ext = service(chart, [[80, HTTP], [8080, HTTP], [443, TLS], [8443, TLS]]);
    egress.route('api', { externalService: ext, port: 80, mode: EgressMode.originateTls() });
    egress.route('api-alt', { externalService: ext, port: 8080, mode: EgressMode.originateTls({ port: 8443, verification: ServerVerification.credentialName('api-ca') }), virtualServiceName: 'api', destinationRuleName: 'api' });
    const objects = Testing.synth(chart);
    expect(objectsOfKind(objects, 'DestinationRule').map((o) => o.metadata.name)).toEqual(['api']);
    expect(findObject(objects, 'DestinationRule', 'api').spec.trafficPolicy.portLevelSettings).toStrictEqual([
      { port: { number: 443 }, tls: { mode: 'SIMPLE', sni: 'api.example.com', caCertificates: '/etc/ssl/certs/ca-certificates.crt' } },
      { port: { number: 8443 }, tls: { mode: 'SIMPLE', sni: 'api.example.com', credentialName: 'api-ca' } },
    ]);
  });

  test('a later route for the host may repeat the shared VirtualService\'s name', () => {
    const { chart, egress } = setup();
    const ext = service(chart, [[80, HTTP], [443, TLS]]);
    egress.route('api', { externalService: ext, port: 80, virtualServiceName: 'api-out' });
    egress.route('api-tls', { externalService: ext, port: 443, virtualServiceName: 'api-out' });
    const objects = Testing.synth(chart);
    expect(objectsOfKind(objects, 'VirtualService').map((o) => o.metadata.name)).toEqual(['api-out']);
    expect(findObject(objects, 'VirtualService', 'api-out').spec.tls).toHaveLength(2);
  });

  test('one host of a service with several, names and namespace set explicitly', () => {
    const { chart, egress } = setup();
    const ext = service(chart, [[80, HTTP], [443, HTTPS]], ['a.example.com', 'b.example.com']);
    new EgressRoute(chart, 'b', {
      egressGateway: egress, externalService: ext, host: 'b.example.com', port: 80, mode: EgressMode.originateTls(),
      namespace: 'egress', virtualServiceName: 'b-out', destinationRuleName: 'b-tls',
    });
    const objects = Testing.synth(chart);
    const vs = findObject(objects, 'VirtualService', 'b-out');
    expect(vs.metadata.namespace).toBe('egress');
    expect(vs.spec.hosts).toEqual(['b.example.com']);
    expect(vs.spec.gateways).toEqual(['egress', 'mesh']);
    expect(findObject(objects, 'DestinationRule', 'b-tls').spec.host).toBe('b.example.com');
  });

  test('a route in another chart through an existing egress gateway', () => {
    const app = Testing.app();
    const platform = new Chart(app, 'platform', { namespace: 'istio-system' });
    const egress: IEgressGateway = EgressGateway.fromSelector(platform, 'mesh-egress', { selector: { istio: 'egressgateway' }, serviceName: 'istio-egressgateway' });
    const apps = new Chart(app, 'apps', { namespace: 'apps' });
    new EgressRoute(apps, 'api', { egressGateway: egress, externalService: service(apps, [[80, HTTP]]) });
    expect(findObject(Testing.synth(platform), 'Gateway', 'mesh-egress').metadata.namespace).toBe('istio-system');
    const vs = findObject(Testing.synth(apps), 'VirtualService', 'api');
    expect(vs.spec.gateways).toEqual(['istio-system/mesh-egress', 'mesh']);
    expect(vs.spec.http[0].route[0].destination.host).toBe('istio-egressgateway.istio-system.svc.cluster.local');
  });

  test('the chart lists the egress Gateway before every VirtualService that names it, wherever the routes are', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'apps' });
    const early = new Construct(chart, 'early');
    const egress = new EgressGateway(chart, 'egress', { ports: [{ name: 'http', port: 80 }] });
    const external = (id: string) => new ExternalService(chart, id, { hosts: [`${id}.example.com`], ports: [{ number: 80, protocol: HTTP }] });
    egress.route('first', { externalService: external('a') });
    egress.route('second', { externalService: external('b') });
    new EgressRoute(early, 'elsewhere', { egressGateway: egress, externalService: external('c') });
    const listed = Testing.synth(chart).map((o) => `${o.kind}/${o.metadata.name}`);
    const gatewayAt = listed.indexOf('Gateway/egress');
    expect(gatewayAt).toBeGreaterThanOrEqual(0);
    for (const name of ['first', 'second', 'elsewhere']) {
      expect(listed.indexOf(`VirtualService/${name}`)).toBeGreaterThan(gatewayAt);
    }
  });

  test('an external service exported to its own namespace and the egress gateway\'s', () => {
    const { chart, egress } = setup();
    const ext = new ExternalService(chart, 'ext', { hosts: ['api.example.com'], ports: [{ number: 80, protocol: HTTP }], exportTo: ['.', 'egress'] });
    egress.route('api', { externalService: ext });
    expect(findObject(Testing.synth(chart), 'Gateway', 'egress').spec.servers[0].hosts).toEqual(['api.example.com']);
  });

  test('the API version in force is used', () => {
    const { chart, egress } = setup(IstioApiVersion.V1);
    egress.route('api', { externalService: service(chart, [[80, HTTP], [443, HTTPS]]), port: 80, mode: EgressMode.originateTls() });
    const objects = Testing.synth(chart);
    expect(objects.filter((o) => o.apiVersion.startsWith('networking.istio.io')).map((o) => o.apiVersion)).toEqual(Array(4).fill('networking.istio.io/v1'));
  });
});

describeWithCrds('EgressRoute against the CRD schemas', () => {
  const validator = new CrdValidator();
  test.each([IstioApiVersion.V1ALPHA3, IstioApiVersion.V1BETA1, IstioApiVersion.V1].map((v): [string, IstioApiVersion] => [v.version, v]))('HTTP, passthrough and origination, %s', (_name, version) => {
    const { chart, egress } = setup(version);
    const ext = service(chart, [[80, HTTP], [443, TLS], [8080, ExternalServiceProtocol.GRPC], [8443, TLS]]);
    egress.route('plain', { externalService: ext, port: 8080 });
    egress.route('passthrough', { externalService: ext, port: 443, virtualServiceName: 'plain' });
    egress.route('originate', { externalService: ext, port: 80, mode: EgressMode.originateTls({ port: 8443 }), virtualServiceName: 'plain' });
    expectValidAgainstCrds(validator, Testing.synth(chart));
  });

  test('TCP', () => {
    const { chart, egress } = tcpSetup();
    egress.route('db', { externalService: tcpService(chart, 'db-ext', 'db.partner.example', 5432, '240.0.0.10') });
    expectValidAgainstCrds(validator, Testing.synth(chart));
  });

  test.each([
    ['a CA bundle path', ServerVerification.caCertificates('/etc/egress-ca/ca.pem'), ['api.example.com']],
    ['a secret', ServerVerification.credentialName('api-ca'), ['api.example.com']],
    ['none (insecure)', ServerVerification.insecure(), undefined],
  ])('TLS origination verifying with %s', (_name, verification, subjectAltNames) => {
    const { chart, egress } = setup(IstioApiVersion.V1);
    egress.route('originate', { externalService: service(chart, [[80, HTTP], [443, TLS]]), port: 80, mode: EgressMode.originateTls({ verification, subjectAltNames }) });
    expectValidAgainstCrds(validator, Testing.synth(chart));
  });
});

describe('EgressRoute errors', () => {
  test('a port the external service does not declare', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, [[80, HTTP]]), port: 8080 }))
      .toThrow('test/egress/api: invalid port 8080: external service test/ext declares 80 (http-80, HTTP)');
  });

  test('no port where the external service has several', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, [[80, HTTP], [443, TLS]]) }))
      .toThrow('test/egress/api: invalid port (not set): external service test/ext has ports 80, 443: name the port to route');
  });

  test('a port the egress gateway does not listen on', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, [[9000, HTTP]]) }))
      .toThrow('test/egress/api: invalid gatewayPort 9000: gateway workload test/egress listens on 80 (http), 443 (tls), 8080 (http-alt)');
  });

  test('a gateway port outside 1-65535', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, [[80, HTTP]]), gatewayPort: 0 }))
      .toThrow('test/egress/api: invalid gatewayPort 0: port number 0 must be in the range 1..65535');
  });

  test('no host where the external service has several', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, [[80, HTTP]], ['a.example.com', 'b.example.com']) }))
      .toThrow('test/egress/api: invalid host (not set): external service test/ext has hosts a.example.com, b.example.com: name the host to route');
  });

  test('a host the external service does not have', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, [[80, HTTP]]), host: 'other.example.com' }))
      .toThrow('test/egress/api: invalid host "other.example.com": external service test/ext has hosts api.example.com');
  });

  test('a wildcard host', () => {
    const { chart, egress } = setup();
    const ext = new ExternalService(chart, 'ext', { hosts: ['*.example.com'], ports: [{ number: 443, protocol: TLS }], resolution: ExternalServiceResolution.NONE });
    expect(() => egress.route('api', { externalService: ext }))
      .toThrow(/^test\/egress\/api: invalid host "\*\.example\.com": an egress gateway cannot route a wildcard host: .* Route each host you need through the gateway .*, or let the sidecars reach the wildcard host directly \(an ExternalService with TLS passthrough and resolution NONE, or DYNAMIC_DNS from Istio 1.28\)$/);
  });

  test('an HTTP route on a TLS port', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, [[443, TLS]]), mode: EgressMode.http() }))
      .toThrow('test/egress/api: invalid port 443: port 443 (tls-443) speaks TLS: an HTTP egress route needs an HTTP, HTTP2 or GRPC port: use EgressMode.tlsPassthrough() for TLS the application originates');
  });

  test('TLS origination from a TLS port', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, [[443, HTTPS]]), mode: EgressMode.originateTls() }))
      .toThrow('test/egress/api: invalid port 443: port 443 (https-443) speaks HTTPS: an HTTP egress route needs an HTTP, HTTP2 or GRPC port');
  });

  test('TLS passthrough on an HTTP port', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, [[80, HTTP]]), mode: EgressMode.tlsPassthrough() }))
      .toThrow('test/egress/api: invalid port 80: port 80 (http-80) speaks HTTP: TLS passthrough needs an HTTPS or TLS port; use EgressMode.http() or EgressMode.originateTls() for plain HTTP');
  });

  test('TCP on a port that speaks HTTP, and HTTP on a TCP port', () => {
    const { chart, egress } = tcpSetup();
    const ext = service(chart, [[80, HTTP], [5432, TCP]]);
    expect(() => egress.route('http', { externalService: ext, port: 80, gatewayPort: 5432, mode: EgressMode.tcp() }))
      .toThrow('test/egress/http: invalid port 80: port 80 (http-80) speaks HTTP: a TCP egress route needs a TCP port, and this port\'s protocol has its own mode');
    expect(() => egress.route('tcp', { externalService: ext, port: 5432, mode: EgressMode.http() }))
      .toThrow('test/egress/tcp: invalid port 5432: port 5432 (tcp-5432) speaks TCP: an HTTP egress route needs an HTTP, HTTP2 or GRPC port: use EgressMode.tcp() for a TCP port');
  });

  test('TLS origination to a port the external service does not declare', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, [[80, HTTP]]), mode: EgressMode.originateTls() }))
      .toThrow('test/egress/api: invalid mode.port 443: external service test/ext declares 80 (http-80, HTTP)');
  });

  test('TLS origination to a plain HTTP port', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, [[80, HTTP], [8080, HTTP]]), port: 80, mode: EgressMode.originateTls({ port: 8080 }) }))
      .toThrow('test/egress/api: invalid mode.port 8080: port 8080 (http-8080) speaks HTTP: TLS origination needs an HTTPS or TLS port of the external service');
  });

  test('TLS origination with an SNI that is not a host name', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, [[80, HTTP], [443, TLS]]), port: 80, mode: EgressMode.originateTls({ sni: '*.example.com' }) }))
      .toThrow('test/egress/api: invalid mode.sni "*.example.com": domain name "*.example.com" is invalid: label "*" is not a DNS-1123 label');
  });

  test('an external service not exported to the egress gateway\'s namespace', () => {
    const { chart, egress } = setup();
    const ext = new ExternalService(chart, 'ext', { hosts: ['api.example.com'], ports: [{ number: 80, protocol: HTTP }], exportTo: ['.'] });
    expect(() => egress.route('api', { externalService: ext }))
      .toThrow('test/egress/api: invalid externalService "test/ext": the external service is not exported to namespace egress, so the egress gateway there could not resolve api.example.com: add "egress" to its exportTo');
  });

  test('an empty exportTo exports the external service everywhere, as Istio reads it', () => {
    const { chart, egress } = setup();
    const ext = new ExternalService(chart, 'ext', { hosts: ['api.example.com'], ports: [{ number: 80, protocol: HTTP }], exportTo: [] });
    expect(ext.isExportedTo('egress')).toBe(true);
    expect(egress.route('api', { externalService: ext }).host).toBe('api.example.com');
  });

  test('a route namespace while the egress gateway\'s is not known', () => {
    const egress = EgressGateway.fromSelector(Testing.chart(), 'mesh-egress', { selector: { istio: 'egressgateway' }, serviceName: 'istio-egressgateway' });
    const apps = new Chart(Testing.app(), 'apps', { namespace: 'apps' });
    expect(() => new EgressRoute(apps, 'api', { egressGateway: egress, externalService: service(apps, [[80, HTTP]]) }))
      .toThrow('apps/api: invalid egressGateway "test/mesh-egress": the route\'s namespace is apps and the egress gateway\'s is not known: give the egress gateway a namespace');
  });

  test('a second VirtualService name for a host routed already', () => {
    const { chart, egress } = setup();
    const ext = service(chart, [[80, HTTP], [443, TLS]]);
    egress.route('api', { externalService: ext, port: 80 });
    expect(() => egress.route('api-tls', { externalService: ext, port: 443, virtualServiceName: 'api-tls-out' }))
      .toThrow('test/egress/api-tls: invalid virtualServiceName "api-tls-out": test/egress/api already routes api.example.com in namespace apps in VirtualService api, which this route joins since one host has one mesh VirtualService: set virtualServiceName to "api"');
    expect(() => egress.route('api-tls-default', { externalService: ext, port: 443 }))
      .toThrow('test/egress/api-tls-default: invalid virtualServiceName "api-tls-default": test/egress/api already routes api.example.com');
  });

  test('one host through two egress gateways: each gateway owns a VirtualService, which the analysis reports as IST0109', () => {
    const { chart, egress } = setup();
    const other = new EgressGateway(chart, 'other-egress', { namespace: 'egress', ports: [{ name: 'tls', port: 443 }] });
    const ext = service(chart, [[80, HTTP], [443, TLS]]);
    egress.route('api', { externalService: ext, port: 80 });
    other.route('api-tls', { externalService: ext, port: 443 });
    expect(() => Testing.synth(chart)).toThrow(/Error \[IST0109\] \(VirtualService apps\/api(-tls)?\) The VirtualServices apps\/api,apps\/api-tls associated with mesh gateway define the same host/);
  });

  test('one port of a host routed twice, through two gateway ports', () => {
    const { chart, egress } = setup();
    const ext = service(chart, [[80, HTTP]]);
    egress.route('api', { externalService: ext });
    expect(() => egress.route('api-alt', { externalService: ext, gatewayPort: 8080, virtualServiceName: 'api' }))
      .toThrow('test/egress/api-alt: invalid port 80: test/egress/api already sends the mesh\'s traffic for api.example.com on port 80 through the egress gateway: one route per port of a host');
  });

  test('two routes originating TLS to one external port with different settings', () => {
    const { chart, egress } = setup();
    const ext = service(chart, [[80, HTTP], [8080, HTTP], [443, TLS]]);
    egress.route('api', { externalService: ext, port: 80, mode: EgressMode.originateTls() });
    expect(() => egress.route('api-alt', { externalService: ext, port: 8080, mode: EgressMode.originateTls({ sni: 'edge.example.com' }), virtualServiceName: 'api', destinationRuleName: 'api' }))
      .toThrow('test/egress/api-alt: invalid mode {"mode":"SIMPLE","sni":"edge.example.com","caCertificates":"/etc/ssl/certs/ca-certificates.crt"}: test/egress/api already originates TLS to api.example.com port 443 with {"mode":"SIMPLE","sni":"api.example.com","caCertificates":"/etc/ssl/certs/ca-certificates.crt"}, and one port has one TLS setting');
  });

  test('a second DestinationRule name for a host with TLS origination already', () => {
    const { chart, egress } = setup();
    const ext = service(chart, [[80, HTTP], [8080, HTTP], [443, TLS]]);
    egress.route('api', { externalService: ext, port: 80, mode: EgressMode.originateTls() });
    expect(() => egress.route('api-alt', { externalService: ext, port: 8080, mode: EgressMode.originateTls(), virtualServiceName: 'api', destinationRuleName: 'api-alt-tls' }))
      .toThrow('test/egress/api-alt: invalid destinationRuleName "api-alt-tls": test/egress/api already originates TLS to api.example.com with DestinationRule api, which this route joins since Istio applies one DestinationRule per host: set destinationRuleName to "api"');
  });

  test.each([
    ['a relative CA bundle path', { verification: ServerVerification.caCertificates('certs/ca.pem') }, 'invalid mode.verification.caCertificates "certs/ca.pem": expected an absolute path in the proxy\'s file system, such as "/etc/ssl/certs/ca-certificates.crt"'],
    ['a secret name Kubernetes rejects', { verification: ServerVerification.credentialName('API_CA') }, 'invalid mode.verification.credentialName "API_CA": expected the DNS-1123 name of a secret'],
    ['empty subject alt names', { subjectAltNames: [] }, 'invalid mode.subjectAltNames []: expected one or more names without spaces'],
    ['subject alt names without verification', { verification: ServerVerification.insecure(), subjectAltNames: ['api.example.com'] }, 'invalid mode.subjectAltNames ["api.example.com"]: an insecure verification checks no names'],
  ])('TLS origination with %s', (_name, options, message) => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, [[80, HTTP], [443, TLS]]), port: 80, mode: EgressMode.originateTls(options) }))
      .toThrow(`test/egress/api: ${message}`);
  });

  test('names and a namespace that Kubernetes rejects', () => {
    const { chart, egress } = setup();
    const ext = service(chart, [[80, HTTP], [443, TLS]]);
    expect(() => egress.route('Api', { externalService: ext, port: 80 })).toThrow('test/egress/Api: invalid virtualServiceName "Api": expected a DNS-1123 name');
    expect(() => egress.route('a', { externalService: ext, port: 80, destinationRuleName: 'A' })).toThrow('test/egress/a: invalid destinationRuleName "A": expected a DNS-1123 name');
    expect(() => egress.route('b', { externalService: ext, port: 80, namespace: 'A' })).toThrow('test/egress/b: invalid namespace "A": expected a DNS-1123 label');
  });
});
