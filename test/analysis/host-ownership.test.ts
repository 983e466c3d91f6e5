import { Chart, Testing } from 'cdk8s';
import {
  Backend, ExternalService, ExternalServiceProtocol, IngressGateway, IstioAnalysis, IstioAnalysisPlugin, IstioAnalyzer, NamespaceHosts,
} from '../../src';
import { main } from '../../src/analysis/cli';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';

const POLICY: NamespaceHosts[] = [
  { namespace: 'team-a', hosts: ['*.team-a.example.com'] },
  { namespace: 'team-b', hosts: ['api.b.example.com'] },
];
const FIXTURES = 'test/fixtures/cli/host-ownership';

/** A chart of `namespace` whose app is analyzed with the policy, exposing `host` and sending egress to `external`. */
function teamChart(namespace: string, host: string, external: string): Chart {
  const chart = new Chart(Testing.app(), namespace, { namespace });
  IstioAnalysis.enable(chart, { hostOwnership: POLICY });
  const gateway = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' }, namespace: 'istio-system' });
  gateway.expose('shop', { hosts: [host], port: 80, backend: Backend.fromHost(`shop.${namespace}.svc.cluster.local`, 80) });
  new ExternalService(chart, 'partner', { hosts: [external], ports: [{ number: 443, name: 'https', protocol: ExternalServiceProtocol.HTTPS }] });
  return chart;
}

function cli(...args: string[]): { status: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const status = main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out: out.join(''), err: err.join('') };
}

describe('the synth-time check', () => {
  test('an app whose namespace exposes and sends egress to hosts it owns synthesizes', () => {
    const chart = teamChart('team-a', 'shop.team-a.example.com', 'partner.team-a.example.com');
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('an app whose namespace exposes a host it does not own fails with CIG0401, on the object that claims it', () => {
    const chart = teamChart('team-b', 'shop.team-a.example.com', 'api.b.example.com');
    expect(() => Testing.synth(chart)).toThrow(
      /Error \[CIG0401\] \(Gateway team-b\/shop\) Namespace "team-b" exposes host "shop.team-a.example.com", which it does not own: it owns \[api.b.example.com\]\./);
    expect(() => Testing.synth(chart)).toThrow(/Error \[CIG0401\] \(VirtualService team-b\/shop\) Namespace "team-b" exposes host "shop.team-a.example.com"/);
  });

  test('an app whose namespace sends egress to a host it does not own fails with CIG0401 on the ServiceEntry', () => {
    const chart = teamChart('team-a', 'shop.team-a.example.com', 'api.partner.example');
    expect(() => Testing.synth(chart)).toThrow(/Error \[CIG0401\] \(ServiceEntry team-a\/partner\) Namespace "team-a" sends egress to host "api.partner.example"/);
  });

  test('an app in a namespace the policy does not name is not policed', () => {
    const chart = teamChart('team-c', 'shop.team-a.example.com', 'api.partner.example');
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('an entry with an empty namespace is refused, naming the construct and the entry', () => {
    const chart = Testing.chart();
    expect(() => IstioAnalysis.enable(chart, { hostOwnership: [{ namespace: '', hosts: ['a.example.com'] }] }))
      .toThrow('IstioAnalysis: invalid hostOwnership[0].namespace "": expected the name of a namespace');
  });

  test('an entry with a host that is not a host or a wildcard is refused, naming the construct and the entry', () => {
    const chart = Testing.chart();
    expect(() => IstioAnalysis.enable(chart, { hostOwnership: [...POLICY, { namespace: 'team-c', hosts: ['a.*.example.com'] }] }))
      .toThrow('IstioAnalysis: invalid hostOwnership[2].hosts[0] "a.*.example.com": domain name "a.*.example.com" is invalid: label "*" is not a DNS-1123 label');
  });
});

describeWithCrds('host ownership apps against the CRD schemas', () => {
  test('the custom resources of a team\'s app are valid', () => {
    const chart = teamChart('team-a', 'shop.team-a.example.com', 'partner.team-a.example.com');
    expectValidAgainstCrds(new CrdValidator(), Testing.synth(chart));
  });
});

describe('IstioAnalyzer and the plugin', () => {
  const serviceEntry = {
    apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name: 'partner', namespace: 'team-b' },
    spec: { hosts: ['api.partner.example'], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }], resolution: 'DNS' },
  };
  const finding = 'Error [CIG0401] (ServiceEntry team-b/partner) Namespace "team-b" sends egress to host "api.partner.example", which it does not own: it owns [api.b.example.com].';

  test('IstioAnalyzer reports a host the namespace does not own', () => {
    expect(IstioAnalyzer.analyze([serviceEntry], { hostOwnership: POLICY }).map((f) => IstioAnalyzer.format(f))).toEqual([finding]);
    expect(IstioAnalyzer.analyze([serviceEntry], {})).toEqual([]);
  });

  test('IstioAnalyzer refuses a malformed entry', () => {
    expect(() => IstioAnalyzer.analyze([serviceEntry], { hostOwnership: [{ namespace: 'team-a', hosts: [''] }] }))
      .toThrow('invalid hostOwnership[0].hosts[0] "": empty domain name not allowed');
  });

  test('the plugin reads the policy from its properties', async () => {
    const violations: string[] = [];
    let status = '';
    await new IstioAnalysisPlugin({ hostOwnership: POLICY }).validate({
      manifests: ['app.k8s.yaml'],
      parseManifest: () => [serviceEntry],
      report: { addViolation: (v) => violations.push(v.recommendation), submit: (s) => { status = s; } },
    });
    expect(violations).toEqual([finding]);
    expect(status).toBe('failure');
  });
});

describe('the CLI\'s --host-ownership', () => {
  test('without a policy the manifests are clean', () => {
    expect(cli('analyze', `${FIXTURES}/manifests`)).toMatchObject({ status: 0, out: expect.stringMatching(/^No validation issues found/) });
  });

  test.each(['policy.yaml', 'policy.json'])('with %s, a host outside its namespace\'s hosts fails the analysis', (file) => {
    const run = cli('analyze', '--host-ownership', `${FIXTURES}/${file}`, `${FIXTURES}/manifests`);
    expect(run.out).toBe(`Error [CIG0401] (ServiceEntry team-b/partner ${FIXTURES}/manifests/teams.yaml:35) Namespace "team-b" sends egress to host "api.partner.example", which it does not own: it owns [api.b.example.com].\n`);
    expect(run.status).toBe(1);
  });

  test('a policy file that cannot be read is unreadable input naming it', () => {
    const run = cli('analyze', `--host-ownership=${FIXTURES}/missing.yaml`, `${FIXTURES}/manifests`);
    expect(run.status).toBe(2);
    expect(run.err).toMatch(new RegExp(`^error: ${FIXTURES}/missing.yaml: ENOENT`));
  });

  test('a policy with an invalid host is unreadable input naming the file, the namespace and the entry', () => {
    const run = cli('analyze', '--host-ownership', `${FIXTURES}/bad-host.yaml`, `${FIXTURES}/manifests`);
    expect(run.status).toBe(2);
    expect(run.err).toBe(`error: ${FIXTURES}/bad-host.yaml: host ownership policy namespaces.team-b[1]: "*api.example.com": partial wildcard "*api.example.com" is not allowed: use "*" or a "*." prefix\n`);
  });

  test('a file without the namespaces mapping is unreadable input naming the file', () => {
    const run = cli('analyze', '--host-ownership', `${FIXTURES}/not-a-policy.yaml`, `${FIXTURES}/manifests`);
    expect(run.status).toBe(2);
    expect(run.err).toBe(`error: ${FIXTURES}/not-a-policy.yaml: host ownership policy: expected a mapping with the key "namespaces"\n`);
  });

  test('the flag without a FILE is bad usage', () => {
    const run = cli('analyze', `${FIXTURES}/manifests`, '--host-ownership');
    expect(run.status).toBe(2);
    expect(run.err).toMatch(/^--host-ownership needs a FILE\n/);
  });

  test('the help text documents it', () => {
    expect(cli('--help').out).toMatch(/--host-ownership FILE +police the hosts each namespace exposes or sends egress to/);
  });
});
