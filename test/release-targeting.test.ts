import { ApiObject, Testing } from 'cdk8s';
import { Backend, IngressGateway, IstioAnalysis, IstioAnalysisPlugin, IstioRelease, RouteDestination, ServerTls } from '../src';
import { findObject } from './support/objects';

const stable = Backend.fromHost('web.shop.svc.cluster.local', 8080);
const canary = Backend.fromHost('web-canary.shop.svc.cluster.local', 8080);

/** A chart whose app targets `release`, with the mesh's default gateway. */
function appFor(release?: IstioRelease) {
  const chart = Testing.chart();
  if (release) {
    IstioAnalysis.enable(chart, { istioRelease: release });
  }
  const gateway = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
  return { chart, gateway, web: () => gateway.expose('web', { hosts: ['shop.example.com'], port: 80 }) };
}

/** A VirtualService written as an L1 object, with relative weights. */
function relativeWeights(chart: any): void {
  new ApiObject(chart, 'split', {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'split', namespace: 'shop' },
    spec: { hosts: ['split.example.com'], gateways: ['istio-system/shop'], http: [{ route: [{ destination: { host: 'a.shop.svc.cluster.local' }, weight: 3 }, { destination: { host: 'b.shop.svc.cluster.local' }, weight: 1 }] }] },
  });
}

describe('the app\'s target Istio release', () => {
  test('is the latest release unless the app names one', () => {
    expect(IstioAnalysis.targetReleaseOf(appFor().chart).toString()).toBe(IstioRelease.LATEST.toString());
    expect(IstioAnalysis.targetReleaseOf(appFor(IstioRelease.of(1, 14)).gateway).toString()).toBe('1.14');
  });

  test('before 1.15, relative weights are refused when the route is added, with the advice to use percent', () => {
    const exposure = appFor(IstioRelease.of(1, 14)).web();
    expect(() => exposure.addHttpRoute({ destinations: [RouteDestination.to(stable, { weight: 3 }), RouteDestination.to(canary, { weight: 1 })] })).toThrow(
      'test/mesh/web: invalid httpRoutes[0].destinations [3,1]: the destinations\' weights add up to 4, and Istio 1.14 requires 100 when a route has several destinations (1.15 and later read weights as relative): give percent instead of weight',
    );
  });

  test('before 1.15, percentages and weights summing to 100 are emitted as they are for the latest release', () => {
    const { chart, web } = appFor(IstioRelease.of(1, 14));
    const exposure = web();
    exposure.addHttpRoute({ destinations: [RouteDestination.to(stable, { percent: 75 }), RouteDestination.to(canary, { percent: 25 })] });
    exposure.addHttpRoute({ destinations: [RouteDestination.to(stable, { weight: 90 }), RouteDestination.to(canary, { weight: 10 })] });
    expect(findObject(Testing.synth(chart), 'VirtualService', 'web').spec.http.map((h: any) => h.route.map((r: any) => r.weight))).toStrictEqual([[75, 25], [90, 10]]);
  });

  test('from 1.15, relative weights are emitted as given', () => {
    const { chart, web } = appFor(IstioRelease.of(1, 15));
    const exposure = web();
    exposure.addHttpRoute({ destinations: [RouteDestination.to(stable, { weight: 3 }), RouteDestination.to(canary, { weight: 1 })] });
    expect(findObject(Testing.synth(chart), 'VirtualService', 'web').spec.http[0].route.map((r: any) => r.weight)).toStrictEqual([3, 1]);
  });

  test('before 1.19, OPTIONAL_MUTUAL is refused, naming the exposure and the release it needs', () => {
    const { gateway } = appFor(IstioRelease.of(1, 18));
    expect(() => gateway.expose('partner', { hosts: ['partner.example.com'], port: 443, backend: stable, tls: ServerTls.optionalMutual({ credentialName: 'partner-mtls' }) })).toThrow(
      'test/mesh/partner: invalid tls.mode "OPTIONAL_MUTUAL": TLS mode OPTIONAL_MUTUAL needs Istio 1.19 or later, not 1.18: use MUTUAL',
    );
  });

  test('from 1.19, OPTIONAL_MUTUAL is emitted', () => {
    const { chart, gateway } = appFor(IstioRelease.of(1, 19));
    gateway.expose('partner', { hosts: ['partner.example.com'], port: 443, backend: stable, tls: ServerTls.optionalMutual({ credentialName: 'partner-mtls' }) });
    expect(findObject(Testing.synth(chart), 'Gateway', 'partner').spec.servers[0].tls.mode).toBe('OPTIONAL_MUTUAL');
  });

  test('before 1.20, mirrors fails synth', () => {
    const { chart, web } = appFor(IstioRelease.of(1, 19));
    const exposure = web();
    exposure.addHttpRoute({ destinations: [RouteDestination.to(stable)], mirrors: [{ destination: RouteDestination.to(canary), percent: 5 }] });
    expect(() => Testing.synth(chart)).toThrow(/test\/mesh\/web: invalid httpRoutes\[0\].mirrors "mirrors": mirrors needs Istio 1.20 or later, not 1.19: use mirror, with one destination/);
  });

  test('before 1.15, a direct response is refused', () => {
    const exposure = appFor(IstioRelease.of(1, 14)).web();
    expect(() => exposure.addHttpRoute({ directResponse: { status: 503 } })).toThrow(
      'test/mesh/web: invalid httpRoutes[0].directResponse {"status":503}: directResponse needs Istio 1.15 or later, not 1.14: use a redirect, or a backend that answers',
    );
  });

  test('before 1.19, a regex rewrite is refused; from 1.19 it is emitted', () => {
    const rewrite = { uriRegex: '^/v1/(.*)', uriRegexReplacement: '/v2/\\1' };
    expect(() => appFor(IstioRelease.of(1, 18)).web().addHttpRoute({ destinations: [RouteDestination.to(stable)], rewrite })).toThrow(
      'test/mesh/web: invalid httpRoutes[0].rewrite.uriRegex "^/v1/(.*)": uriRegexRewrite needs Istio 1.19 or later, not 1.18: use uri',
    );
    const { chart, web } = appFor(IstioRelease.of(1, 19));
    web().addHttpRoute({ destinations: [RouteDestination.to(stable)], rewrite });
    expect(findObject(Testing.synth(chart), 'VirtualService', 'web').spec.http[0].rewrite.uriRegexRewrite).toStrictEqual({ match: '^/v1/(.*)', rewrite: '/v2/\\1' });
  });

  test('the synth-time check judges L1 objects by the target release', () => {
    const old = appFor(IstioRelease.of(1, 14));
    relativeWeights(old.chart);
    const findings = IstioAnalysis.enable(old.chart).findings().map((f) => f.finding);
    expect(findings).toContainEqual(expect.objectContaining({ code: 'IST0106', kind: 'VirtualService', name: 'split', message: expect.stringMatching(/^spec.http\[0\].route: the destinations' weights add up to 4, and Istio 1.14 requires 100/) }));
    const latest = appFor();
    relativeWeights(latest.chart);
    expect(IstioAnalysis.enable(latest.chart).findings().map((f) => f.finding.code)).not.toContain('IST0106');
  });
});

describe('IstioAnalysisPlugin: istioRelease', () => {
  function validate(properties: { istioRelease?: string }): Promise<string[]> {
    const chart = Testing.chart();
    relativeWeights(chart);
    const documents = Testing.synth(chart);
    const violations: string[] = [];
    return new IstioAnalysisPlugin(properties).validate({
      manifests: ['app.k8s.yaml'],
      parseManifest: () => documents,
      report: { addViolation: (v) => violations.push(v.recommendation), submit: () => undefined },
    }).then(() => violations);
  }

  test('judges the manifests by the release it names', async () => {
    expect((await validate({ istioRelease: '1.14.6' })).join('\n')).toMatch(/IST0106.*weights add up to 4, and Istio 1.14 requires 100/);
    expect((await validate({})).join('\n')).not.toMatch(/IST0106/);
  });

  test('refuses a release it cannot read', () => {
    expect(() => new IstioAnalysisPlugin({ istioRelease: 'latest' })).toThrow('invalid Istio release "latest": expected major.minor or major.minor.patch, such as 1.22 or 1.22.3');
  });
});
