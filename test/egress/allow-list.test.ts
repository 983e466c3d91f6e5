import { App, Chart, Testing } from 'cdk8s';
import { EgressGateway, ExternalService, ExternalServiceProtocol, IstioAnalysis, IstioRelease, WorkloadIdentity } from '../../src';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject, objectsOfKind } from '../support/objects';

const HTTP = ExternalServiceProtocol.HTTP;
const TLS = ExternalServiceProtocol.TLS;
const SELECTOR = { 'gateway-name': 'egress', 'gateway-type': 'egress' };

function setup(app: App = Testing.app(), meshMutualTls = true): { chart: Chart; egress: EgressGateway } {
  const chart = new Chart(app, 'test', { namespace: 'apps' });
  const egress = new EgressGateway(chart, 'egress', { namespace: 'egress', meshMutualTls, ports: [{ name: 'https', port: 443, targetPort: 8443 }, { name: 'tls', port: 9443 }] });
  return { chart, egress };
}

function service(chart: Chart, id: string, host: string, port: number, protocol: ExternalServiceProtocol): ExternalService {
  return new ExternalService(chart, id, { hosts: [host], ports: [{ number: port, protocol, name: `${protocol.toLowerCase()}-${port}` }] });
}

describe('EgressRoute allowFrom', () => {
  test('an HTTP route: an ALLOW policy on the gateway workload, its principals and namespaces for the authority on the target port', () => {
    const { chart, egress } = setup();
    const route = egress.route('api', {
      externalService: service(chart, 'ext', 'api.example.com', 80, HTTP),
      allowFrom: [WorkloadIdentity.serviceAccount('shop', 'checkout'), WorkloadIdentity.namespace('billing'), WorkloadIdentity.serviceAccount('shop', 'cart')],
    });
    const objects = Testing.synth(chart);
    const policy = findObject(objects, 'AuthorizationPolicy', 'egress-allow-list');
    expect(route.allowList).toBeDefined();
    expect(policy.apiVersion).toBe('security.istio.io/v1');
    expect(policy.metadata.namespace).toBe('egress');
    expect(policy.spec).toStrictEqual({
      selector: { matchLabels: SELECTOR },
      action: 'ALLOW',
      rules: [{
        from: [
          { source: { principals: ['cluster.local/ns/shop/sa/cart', 'cluster.local/ns/shop/sa/checkout'] } },
          { source: { namespaces: ['billing'] } },
        ],
        to: [{ operation: { hosts: ['api.example.com', 'api.example.com:*'], ports: ['8443'] } }],
      }],
    });
    expect(findObject(objects, 'MeshGateway', 'egress').spec.ports.find((p: any) => p.port === 443).targetPort).toBe(8443);
  });

  test('a passthrough route is matched by the SNI of the mesh\'s TLS; a route without allowFrom stays open to every caller', () => {
    const { chart, egress } = setup();
    egress.route('open', { externalService: service(chart, 'open-ext', 'open.example.com', 80, HTTP) });
    egress.route('tls', { externalService: service(chart, 'tls-ext', 'tls.example.com', 443, TLS), gatewayPort: 9443, allowFrom: [WorkloadIdentity.namespace('shop')], trustDomain: 'corp.example' });
    const policy = findObject(Testing.synth(chart), 'AuthorizationPolicy', 'egress-allow-list');
    expect(policy.spec.rules).toStrictEqual([
      { to: [{ operation: { hosts: ['open.example.com', 'open.example.com:*'], ports: ['8443'] } }] },
      { from: [{ source: { namespaces: ['shop'] } }], to: [{ operation: { ports: ['9443'] } }], when: [{ key: 'connection.sni', values: ['tls.example.com'] }] },
    ]);
  });

  test('the trust domain names the principals', () => {
    const { chart, egress } = setup();
    egress.route('api', { externalService: service(chart, 'ext', 'api.example.com', 80, HTTP), allowFrom: [WorkloadIdentity.serviceAccount('shop', 'checkout')], trustDomain: 'corp.example' });
    expect(findObject(Testing.synth(chart), 'AuthorizationPolicy', 'egress-allow-list').spec.rules[0].from).toStrictEqual([{ source: { principals: ['corp.example/ns/shop/sa/checkout'] } }]);
  });

  test('no allow-list, no policy', () => {
    const { chart, egress } = setup();
    const route = egress.route('api', { externalService: service(chart, 'ext', 'api.example.com', 80, HTTP) });
    expect(objectsOfKind(Testing.synth(chart), 'AuthorizationPolicy')).toEqual([]);
    expect(route.allowList).toBeUndefined();
  });

  test('a target release before 1.22, which does not serve security.istio.io/v1, gets v1beta1', () => {
    const app = Testing.app();
    IstioAnalysis.enable(app, { istioRelease: IstioRelease.of(1, 21) });
    const { chart, egress } = setup(app);
    egress.route('api', { externalService: service(chart, 'ext', 'api.example.com', 80, HTTP), allowFrom: [WorkloadIdentity.namespace('shop')] });
    expect(findObject(Testing.synth(chart), 'AuthorizationPolicy', 'egress-allow-list').apiVersion).toBe('security.istio.io/v1beta1');
  });

  test('an allow-list without mutual TLS', () => {
    const { chart, egress } = setup(Testing.app(), false);
    expect(() => egress.route('api', { externalService: service(chart, 'ext', 'api.example.com', 443, TLS), allowFrom: [WorkloadIdentity.serviceAccount('shop', 'checkout')] }))
      .toThrow('test/egress/api: invalid allowFrom ["shop/checkout"]: an allow-list needs the callers\' identities, which the egress gateway learns only from the mesh\'s mutual TLS: set meshMutualTls on egress gateway test/egress');
  });

  test('an empty allow-list', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, 'ext', 'api.example.com', 80, HTTP), allowFrom: [] }))
      .toThrow('test/egress/api: invalid allowFrom []: expected one or more identities');
  });

  test('an invalid service account', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, 'ext', 'api.example.com', 80, HTTP), allowFrom: [WorkloadIdentity.serviceAccount('shop', 'Check Out')] }))
      .toThrow('test/egress/api: invalid allowFrom "Check Out": expected the DNS-1123 name of a service account');
  });

  test('an invalid namespace', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, 'ext', 'api.example.com', 80, HTTP), allowFrom: [WorkloadIdentity.namespace('Shop')] }))
      .toThrow('test/egress/api: invalid allowFrom "Shop"');
  });

  test('a refused allow-list claims nothing: the host can still be routed', () => {
    const { chart, egress } = setup();
    const ext = service(chart, 'ext', 'api.example.com', 80, HTTP);
    expect(() => egress.route('api', { externalService: ext, allowFrom: [] })).toThrow('invalid allowFrom []');
    egress.route('api-open', { externalService: ext });
    expect(findObject(Testing.synth(chart), 'Gateway', 'egress').spec.servers[0].hosts).toEqual(['api.example.com']);
  });

  test('an invalid trust domain', () => {
    const { chart, egress } = setup();
    expect(() => egress.route('api', { externalService: service(chart, 'ext', 'api.example.com', 80, HTTP), allowFrom: [WorkloadIdentity.namespace('shop')], trustDomain: 'corp/example' }))
      .toThrow('test/egress/api: invalid trustDomain "corp/example": expected the mesh\'s trust domain');
  });
});

describeWithCrds('allow-lists against the CRD schemas', () => {
  test('v1 and v1beta1', () => {
    const validator = new CrdValidator();
    for (const minor of [21, 22]) {
      const app = Testing.app();
      IstioAnalysis.enable(app, { istioRelease: IstioRelease.of(1, minor) });
      const { chart, egress } = setup(app);
      egress.route('api', { externalService: service(chart, 'ext', 'api.example.com', 80, HTTP), allowFrom: [WorkloadIdentity.serviceAccount('shop', 'checkout')] });
      egress.route('tls', { externalService: service(chart, 'tls-ext', 'tls.example.com', 443, TLS), gatewayPort: 9443 });
      expectValidAgainstCrds(validator, Testing.synth(chart));
    }
  });
});
