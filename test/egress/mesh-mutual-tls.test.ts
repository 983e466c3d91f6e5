import { Chart, Testing } from 'cdk8s';
import { EgressGateway, EgressMode, ExternalService, ExternalServiceProtocol, IstioApiVersion } from '../../src';
import { subsetName } from '../../src/egress/private/egress-mutual-tls-rule';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject, objectsOfKind } from '../support/objects';

const HTTP = ExternalServiceProtocol.HTTP;
const TLS = ExternalServiceProtocol.TLS;
const TCP = ExternalServiceProtocol.TCP;
const GATEWAY_HOST = 'egress.egress.svc.cluster.local';

/** A chart in namespace `apps` with an egress gateway in namespace `egress` with mutual TLS on 443 and 8443. */
function setup(version?: IstioApiVersion): { chart: Chart; egress: EgressGateway } {
  const chart = new Chart(Testing.app(), 'test', { namespace: 'apps' });
  if (version) {
    IstioApiVersion.use(chart, version);
  }
  const egress = new EgressGateway(chart, 'egress', {
    namespace: 'egress',
    meshMutualTls: true,
    ports: [{ name: 'https', port: 443 }, { name: 'tls', port: 8443 }],
  });
  return { chart, egress };
}

function service(chart: Chart, id: string, host: string, ports: Array<[number, ExternalServiceProtocol]>, addresses?: string[]): ExternalService {
  return new ExternalService(chart, id, { hosts: [host], addresses, ports: ports.map(([number, protocol]) => ({ number, protocol, name: `${protocol.toLowerCase()}-${number}` })) });
}

describe('EgressGateway meshMutualTls', () => {
  test('off by default: the mesh hop goes to the gateway port of the same number, in plain text, with no subset', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'apps' });
    const egress = new EgressGateway(chart, 'egress', { namespace: 'egress' });
    expect(egress.meshMutualTls).toBe(false);
    const route = egress.route('api', { externalService: service(chart, 'ext', 'api.example.com', [[80, HTTP]]) });
    const objects = Testing.synth(chart);
    expect(route.mutualTlsDestinationRule).toBeUndefined();
    expect(objectsOfKind(objects, 'DestinationRule')).toEqual([]);
    expect(findObject(objects, 'Gateway', 'egress').spec.servers[0].tls).toBeUndefined();
    expect(findObject(objects, 'VirtualService', 'api').spec.http[0].route[0].destination).toStrictEqual({ host: GATEWAY_HOST, port: { number: 80 } });
  });

  test('HTTP: an HTTPS server on 443 terminating ISTIO_MUTUAL, a subset sending the host as SNI, the mesh hop to it', () => {
    const { chart, egress } = setup();
    expect(egress.meshMutualTls).toBe(true);
    const route = egress.route('api', { externalService: service(chart, 'ext', 'api.example.com', [[80, HTTP]]) });
    const objects = Testing.synth(chart);
    expect(route.gatewayPort).toBe(443);
    expect(findObject(objects, 'Gateway', 'egress').spec.servers).toStrictEqual([
      { hosts: ['api.example.com'], port: { number: 443, name: 'https', protocol: 'HTTPS' }, tls: { mode: 'ISTIO_MUTUAL' } },
    ]);
    const rule = findObject(objects, 'DestinationRule', 'egress-mtls');
    expect(route.mutualTlsDestinationRule).toBeDefined();
    expect(rule.metadata.namespace).toBe('egress');
    expect(rule.spec).toStrictEqual({
      host: GATEWAY_HOST,
      subsets: [{ name: 'api-example-com', trafficPolicy: { portLevelSettings: [{ port: { number: 443 }, tls: { mode: 'ISTIO_MUTUAL', sni: 'api.example.com' } }] } }],
    });
    expect(findObject(objects, 'VirtualService', 'api').spec.http).toStrictEqual([
      { match: [{ gateways: ['mesh'], port: 80 }], route: [{ destination: { host: GATEWAY_HOST, subset: 'api-example-com', port: { number: 443 } } }] },
      { match: [{ gateways: ['egress/egress'], port: 443 }], route: [{ destination: { host: 'api.example.com', port: { number: 80 } } }] },
    ]);
  });

  test('TLS origination: the mesh hop in ISTIO_MUTUAL to the subset, the gateway opens TLS to 443 with the host as SNI', () => {
    const { chart, egress } = setup();
    egress.route('api', { externalService: service(chart, 'ext', 'api.example.com', [[80, HTTP], [443, TLS]]), port: 80, mode: EgressMode.originateTls(), destinationRuleName: 'api-tls' });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Gateway', 'egress').spec.servers[0].tls).toStrictEqual({ mode: 'ISTIO_MUTUAL' });
    expect(findObject(objects, 'DestinationRule', 'egress-mtls').spec.subsets[0].trafficPolicy.portLevelSettings[0].tls).toStrictEqual({ mode: 'ISTIO_MUTUAL', sni: 'api.example.com' });
    const origination = findObject(objects, 'DestinationRule', 'api-tls').spec;
    expect(origination.host).toBe('api.example.com');
    expect(origination.trafficPolicy.portLevelSettings[0]).toMatchObject({ port: { number: 443 }, tls: { mode: 'SIMPLE', sni: 'api.example.com' } });
    const http = findObject(objects, 'VirtualService', 'api').spec.http;
    expect(http[0].route[0].destination).toStrictEqual({ host: GATEWAY_HOST, subset: 'api-example-com', port: { number: 443 } });
    expect(http[1]).toStrictEqual({ match: [{ gateways: ['egress/egress'], port: 443 }], route: [{ destination: { host: 'api.example.com', port: { number: 443 } } }] });
  });

  test('TLS passthrough: the mesh hop by SNI to the subset, a TLS server terminating ISTIO_MUTUAL, the gateway forwarding TCP', () => {
    const { chart, egress } = setup();
    egress.route('api', { externalService: service(chart, 'ext', 'api.example.com', [[443, TLS]]) });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Gateway', 'egress').spec.servers).toStrictEqual([
      { hosts: ['api.example.com'], port: { number: 443, name: 'https', protocol: 'TLS' }, tls: { mode: 'ISTIO_MUTUAL' } },
    ]);
    const spec = findObject(objects, 'VirtualService', 'api').spec;
    expect(spec.tls).toStrictEqual([
      { match: [{ gateways: ['mesh'], port: 443, sniHosts: ['api.example.com'] }], route: [{ destination: { host: GATEWAY_HOST, subset: 'api-example-com', port: { number: 443 } } }] },
    ]);
    expect(spec.tcp).toStrictEqual([
      { match: [{ gateways: ['egress/egress'], port: 443 }], route: [{ destination: { host: 'api.example.com', port: { number: 443 } } }] },
    ]);
    expect(spec.http).toBeUndefined();
  });

  test('TCP: a TLS server terminating ISTIO_MUTUAL, TCP on both hops, the mesh hop to the subset', () => {
    const { chart, egress } = setup();
    egress.route('db', { externalService: service(chart, 'db-ext', 'db.example.com', [[5432, TCP]], ['240.0.0.10']), gatewayPort: 8443 });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Gateway', 'egress').spec.servers[0]).toStrictEqual({ hosts: ['db.example.com'], port: { number: 8443, name: 'tls', protocol: 'TLS' }, tls: { mode: 'ISTIO_MUTUAL' } });
    expect(findObject(objects, 'VirtualService', 'db').spec.tcp[0].route[0].destination).toStrictEqual({ host: GATEWAY_HOST, subset: 'db-example-com', port: { number: 8443 } });
  });

  test('two hosts share the HTTPS server and the rule, one subset each with its own SNI', () => {
    const { chart, egress } = setup();
    egress.route('b', { externalService: service(chart, 'b-ext', 'b.example.com', [[80, HTTP]]) });
    egress.route('a', { externalService: service(chart, 'a-ext', 'a.example.com', [[80, HTTP]]) });
    const objects = Testing.synth(chart);
    expect(objectsOfKind(objects, 'DestinationRule')).toHaveLength(1);
    expect(findObject(objects, 'Gateway', 'egress').spec.servers[0].hosts).toEqual(['a.example.com', 'b.example.com']);
    const subsets = findObject(objects, 'DestinationRule', 'egress-mtls').spec.subsets;
    expect(subsets.map((s: any) => [s.name, s.trafficPolicy.portLevelSettings[0].tls.sni])).toEqual([['a-example-com', 'a.example.com'], ['b-example-com', 'b.example.com']]);
    expect(findObject(objects, 'VirtualService', 'b').spec.http[0].route[0].destination.subset).toBe('b-example-com');
  });

  test('an existing egress workload takes the option too', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'apps' });
    const egress = EgressGateway.fromSelector(chart, 'mesh-egress', { selector: { istio: 'egressgateway' }, namespace: 'istio-system', serviceName: 'istio-egressgateway', meshMutualTls: true });
    egress.route('api', { externalService: service(chart, 'ext', 'api.example.com', [[80, HTTP]]) });
    const rule = findObject(Testing.synth(chart), 'DestinationRule', 'mesh-egress-mtls');
    expect(rule.metadata.namespace).toBe('istio-system');
    expect(rule.spec.host).toBe('istio-egressgateway.istio-system.svc.cluster.local');
  });

  test('a second host on a TLS port with mutual TLS, which forwards by port alone', () => {
    const { chart, egress } = setup();
    egress.route('a', { externalService: service(chart, 'a-ext', 'a.example.com', [[443, TLS]]) });
    expect(() => egress.route('b', { externalService: service(chart, 'b-ext', 'b.example.com', [[443, TLS]]) }))
      .toThrow('test/egress/b: invalid gatewayPort 443: port 443 of egress gateway test/egress already forwards the TLS or TCP of a.example.com for test/egress/a: with meshMutualTls the gateway forwards what is inside the mesh\'s TLS as opaque TCP, routed by port alone, so b.example.com needs another port');
  });

  test('two hosts whose subset names would be the same', () => {
    const { chart, egress } = setup();
    egress.route('a', { externalService: service(chart, 'a-ext', 'a-b.example.com', [[80, HTTP]]) });
    expect(() => egress.route('b', { externalService: service(chart, 'b-ext', 'a.b-example.com', [[80, HTTP]]) }))
      .toThrow('test/egress/b: invalid host "a.b-example.com": test/egress/a routes a-b.example.com, whose mutual TLS subset is also named a-b-example-com: route one of them through another egress gateway');
  });

  test('subset names are DNS-1123 labels: long hosts are cut and hashed', () => {
    const long = `${'a'.repeat(40)}.${'b'.repeat(40)}.example.com`;
    expect(subsetName('api.example.com')).toBe('api-example-com');
    expect(subsetName(long)).toMatch(/^a{40}-b{13}-[0-9a-f]{8}$/);
    expect(subsetName(long)).not.toBe(subsetName(`${long}.org`));
  });
});

describeWithCrds('mesh mutual TLS against the CRD schemas', () => {
  const validator = new CrdValidator();
  test.each([IstioApiVersion.V1ALPHA3, IstioApiVersion.V1BETA1, IstioApiVersion.V1].map((v): [string, IstioApiVersion] => [v.version, v]))('HTTP, origination, passthrough and TCP, %s', (_name, version) => {
    const { chart, egress } = setup(version);
    egress.route('plain', { externalService: service(chart, 'plain-ext', 'plain.example.com', [[80, HTTP]]) });
    egress.route('originate', { externalService: service(chart, 'orig-ext', 'orig.example.com', [[80, HTTP], [443, TLS]]), port: 80, mode: EgressMode.originateTls() });
    egress.route('passthrough', { externalService: service(chart, 'pass-ext', 'pass.example.com', [[443, TLS]]), gatewayPort: 8443 });
    expectValidAgainstCrds(validator, Testing.synth(chart));
  });
});
