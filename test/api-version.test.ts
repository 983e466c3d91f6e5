import { Chart, Testing } from 'cdk8s';
import { Backend, IngressGateway, IstioAnalysis, IstioApiVersion } from '../src';
import { createGatewayApiObject, GatewayApiKind } from '../src/api-version';
import { describeWithCrds, loadCrds } from './support/crds';

function exposeOnce(chart: any): void {
  IngressGateway.fromSelector(chart, 'gw', { selector: { istio: 'ingressgateway' } })
    .expose('app', { hosts: ['app.example.com'], port: 80, backend: Backend.fromHost('app.default.svc.cluster.local', 80) });
}

describe('IstioApiVersion', () => {
  test('defaults to v1beta1', () => {
    const chart = Testing.chart();
    exposeOnce(chart);
    expect(Testing.synth(chart).map((o) => o.apiVersion)).toEqual(['networking.istio.io/v1beta1', 'networking.istio.io/v1beta1']);
  });

  test.each([
    [IstioApiVersion.V1ALPHA3, 'networking.istio.io/v1alpha3'],
    [IstioApiVersion.V1BETA1, 'networking.istio.io/v1beta1'],
    [IstioApiVersion.V1, 'networking.istio.io/v1'],
  ])('chosen per app: %s', (version, apiVersion) => {
    const app = Testing.app();
    IstioApiVersion.use(app, version);
    const chart = new Chart(app, 'test');
    exposeOnce(chart);
    expect(Testing.synth(chart).map((o) => o.apiVersion)).toEqual([apiVersion, apiVersion]);
  });

  test('chosen per chart: the chart overrides the app', () => {
    const app = Testing.app();
    IstioApiVersion.use(app, IstioApiVersion.V1ALPHA3);
    const chart = new Chart(app, 'test');
    IstioApiVersion.use(chart, IstioApiVersion.V1);
    exposeOnce(chart);
    expect(Testing.synth(chart).map((o) => o.apiVersion)).toEqual(['networking.istio.io/v1', 'networking.istio.io/v1']);
  });

  test('an unknown version in context fails, naming the valid ones', () => {
    const app = Testing.app();
    app.node.setContext('cdk8s-istio-gateways/apiVersion', 'v2');
    const chart = new Chart(app, 'test');
    expect(() => exposeOnce(chart)).toThrow(/invalid context "cdk8s-istio-gateways\/apiVersion" value "v2": expected one of v1alpha3, v1beta1, v1/);
  });
});

// createIstioObject writes every version's spec in one set of types; that is sound only while the
// served versions of each kind share one schema.
describeWithCrds('the served versions of each Istio kind', () => {
  const istioCrds = loadCrds().filter((crd) => crd.spec.group === 'networking.istio.io');

  test('cover the five kinds the library emits', () => {
    expect(istioCrds.map((crd) => crd.spec.names.kind).sort()).toEqual(['DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'VirtualService']);
  });

  test.each(istioCrds.map((crd) => [crd.spec.names.kind, crd]))('%s: v1alpha3, v1beta1 and v1 share one schema', (_kind, crd: any) => {
    const schemas = ['v1alpha3', 'v1beta1', 'v1'].map((name) => crd.spec.versions.find((v: any) => v.name === name)?.schema.openAPIV3Schema);
    expect(schemas[0]).toBeDefined();
    expect(schemas[1]).toStrictEqual(schemas[0]);
    expect(schemas[2]).toStrictEqual(schemas[0]);
  });
});

describe('createGatewayApiObject', () => {
  test.each(['Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'ReferenceGrant', 'BackendTLSPolicy'] as GatewayApiKind[])(
    '%s is emitted as gateway.networking.k8s.io/v1', (kind) => {
      const chart = Testing.chart();
      IstioAnalysis.suppress(chart, '*');
      createGatewayApiObject(chart, 'obj', kind, { metadata: { name: 'obj' }, spec: {} as any });
      expect(Testing.synth(chart).map((o) => [o.apiVersion, o.kind])).toStrictEqual([['gateway.networking.k8s.io/v1', kind]]);
    });
});

// The v1 classes are picked by their GVK: the CRD file lists ReferenceGrant's v1 first although
// it stores v1beta1, and a later CRD could list another version first.
describeWithCrds('the Gateway API CRDs', () => {
  test('serve v1 for every kind the library emits', () => {
    const crds = loadCrds().filter((crd) => crd.spec.group === 'gateway.networking.k8s.io');
    const servedV1 = crds.filter((crd) => crd.spec.versions.some((v) => v.name === 'v1' && v.served)).map((crd) => crd.spec.names.kind);
    expect(servedV1).toEqual(expect.arrayContaining(['Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'ReferenceGrant', 'BackendTLSPolicy']));
  });
});
