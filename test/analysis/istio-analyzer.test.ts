import { FindingLevel, IstioAnalyzer, IstioRelease, ServerVerification } from '../../src';

const orphan = {
  apiVersion: 'networking.istio.io/v1beta1',
  kind: 'VirtualService',
  metadata: { name: 'orphan', namespace: 'shop' },
  spec: { hosts: ['orphan.example.com'], gateways: ['missing'], http: [{ route: [{ destination: { host: 'orphan.shop.svc.cluster.local' } }] }] },
};

describe('IstioAnalyzer', () => {
  test('analyzes plain objects with the shared rules', () => {
    const findings = IstioAnalyzer.analyze([orphan], { assumeHostsAndSecretsExist: true });
    expect(findings).toEqual([{
      code: 'IST0101', level: FindingLevel.ERROR, kind: 'VirtualService', name: 'orphan', namespace: 'shop',
      message: 'Referenced gateway not found: "missing"',
    }, {
      code: 'IST0132', level: FindingLevel.WARNING, kind: 'VirtualService', name: 'orphan', namespace: 'shop',
      message: 'one or more host [orphan.example.com] defined in VirtualService shop/orphan not found in Gateway shop/missing.',
    }]);
  });

  test('judges the objects by the Istio release it is given', () => {
    const dynamic = { apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name: 'web', namespace: 'shop' }, spec: { hosts: ['*.example.com'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'DYNAMIC_DNS' } };
    expect(IstioAnalyzer.analyze([dynamic])).toEqual([]);
    expect(IstioAnalyzer.analyze([dynamic], { istioRelease: IstioRelease.parse('1.27.4') })).toEqual([{
      code: 'IST0106', level: FindingLevel.ERROR, kind: 'ServiceEntry', name: 'web', namespace: 'shop',
      message: 'spec.resolution: resolution DYNAMIC_DNS needs Istio 1.28 or later, not 1.27: use DNS with the hosts named',
    }]);
  });

  test('formats a finding as istioctl prints it, and findings as the CLI JSON', () => {
    const [finding] = IstioAnalyzer.analyze([orphan], { assumeHostsAndSecretsExist: true });
    expect(IstioAnalyzer.format(finding)).toBe('Error [IST0101] (VirtualService shop/orphan) Referenced gateway not found: "missing"');
    expect(JSON.parse(IstioAnalyzer.toJson([finding]))).toEqual([finding]);
  });

  test('analyzeSources names where every copy of each finding\'s object came from, in the order given', () => {
    const gateway = (host: string) => ({
      apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'public', namespace: 'istio-system' },
      spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: [host] }] },
    });
    const findings = IstioAnalyzer.analyzeSources([
      { object: gateway('shop.team-a.example.com'), source: 'team-a/dist/edge.yaml:2' },
      { object: orphan, source: 'team-b/dist/routes.yaml:1' },
      { object: gateway('blog.team-b.example.com'), source: 'team-b/dist/edge.yaml:12' },
    ], { assumeHostsAndSecretsExist: true });
    expect(findings.map((f) => [f.code, f.kind, f.sources])).toEqual([
      ['CIG0001', 'Gateway', ['team-a/dist/edge.yaml:2', 'team-b/dist/edge.yaml:12']],
      ['IST0101', 'VirtualService', ['team-b/dist/routes.yaml:1']],
      ['IST0132', 'VirtualService', ['team-b/dist/routes.yaml:1']],
    ]);
    expect(IstioAnalyzer.format(findings[0])).toMatch(/^Error \[CIG0001\] \(Gateway istio-system\/public team-a\/dist\/edge.yaml:2, team-b\/dist\/edge.yaml:12\) /);
  });

  test('the suppression annotation silences the code on the object', () => {
    const quiet = { ...orphan, metadata: { ...orphan.metadata, annotations: { [IstioAnalyzer.SUPPRESS_ANNOTATION]: 'IST0101' } } };
    expect(IstioAnalyzer.SUPPRESS_ANNOTATION).toBe('galley.istio.io/analyze-suppress');
    expect(IstioAnalyzer.analyze([quiet], { assumeHostsAndSecretsExist: true }).map((f) => f.code)).toEqual(['IST0132']);
  });
});

test('ServerVerification names the proxy image system CA bundle', () => {
  expect(ServerVerification.SYSTEM_CA_BUNDLE).toBe('/etc/ssl/certs/ca-certificates.crt');
});
