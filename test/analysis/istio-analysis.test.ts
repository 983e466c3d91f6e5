import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Include, Lazy, Testing, Yaml } from 'cdk8s';
import { Construct } from 'constructs';
import { buildWalkthrough } from '../../examples/main';
import {
  Backend, EgressGateway, ExternalService, ExternalServiceProtocol, FindingLevel, IngressControllerMode, IngressGateway, IstioAnalysis, networking, RegistryOnly, ServiceSubsets,
} from '../../src';
import * as analyzeModule from '../../src/rules/analyze';
import { SUPPRESS_ANNOTATION } from '../../src/rules/finding';
import { shortcutsOn } from '../support/synthesis-path';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'analysis');

function virtualService(scope: Construct, id: string, gateway: string, annotations?: { [key: string]: string }): ApiObject {
  return new ApiObject(scope, id, {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: id, annotations },
    spec: { hosts: [`${id}.example.com`], gateways: [gateway], http: [{ route: [{ destination: { host: 'echo', port: { number: 80 } } }] }] },
  });
}

/** Captures what the analysis prints to stderr while `body` runs. */
function stderrOf(body: () => void): string {
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    body();
    return spy.mock.calls.map((call) => String(call[0])).join('');
  } finally {
    spy.mockRestore();
  }
}

describe('enabling', () => {
  test('the library constructs enable the analysis on their app, once', () => {
    const chart = Testing.chart();
    const gateway = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' }, namespace: 'istio-system' });
    gateway.expose('a', { hosts: ['a.example.com'], port: 80, backend: Backend.fromHost('a.shop.svc.cluster.local', 80) });
    gateway.expose('b', { hosts: ['b.example.com'], port: 80, backend: Backend.fromHost('b.shop.svc.cluster.local', 80) });
    const root = chart.node.root;
    expect(root.node.children.filter((c) => c instanceof IstioAnalysis).map((c) => c.node.path)).toEqual(['IstioAnalysis']);
    expect(IstioAnalysis.enable(chart)).toBe(root.node.findChild('IstioAnalysis'));
  });

  test.each<[string, (chart: Chart) => void]>([
    ['ExternalService', (chart) => new ExternalService(chart, 'partner', { hosts: ['api.partner.example'], ports: [{ number: 443, name: 'https', protocol: ExternalServiceProtocol.HTTPS }] })],
    ['RegistryOnly', (chart) => new RegistryOnly(chart, 'registry-only')],
    ['ServiceSubsets', (chart) => new ServiceSubsets(chart, 'web', { backend: Backend.fromHost('web.shop.svc.cluster.local', 80), namespace: 'shop' })],
    ['IngressGateway.fromSelector', (chart) => IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' }, namespace: 'istio-system' })],
  ])('%s alone enables the analysis on its app', (_name, build) => {
    const chart = Testing.chart();
    build(chart);
    expect(chart.node.root.node.children.filter((c) => c instanceof IstioAnalysis).length).toBe(1);
  });

  test('an app without the library constructs is analyzed once enabled', () => {
    const chart = Testing.chart();
    virtualService(chart, 'orphan', 'missing');
    expect(() => Testing.synth(chart)).not.toThrow();
    IstioAnalysis.enable(chart);
    expect(() => Testing.synth(chart)).toThrow(/IST0101/);
  });

  test('options given replace earlier ones; a call without options keeps them', () => {
    const chart = Testing.chart();
    const analysis = IstioAnalysis.enable(chart, { defaultGateway: false });
    new networking.Gateway(chart, 'gw', { metadata: { name: 'gw' }, spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['a.example.com'] }] } });
    IstioAnalysis.enable(chart);
    expect(analysis.findings().map((f) => f.finding.code)).toEqual(['IST0101']);
    IstioAnalysis.enable(chart, {});
    expect(analysis.findings()).toEqual([]);
  });
});

describe('errors fail synth, warnings print', () => {
  test('an error names the code, the object, its construct path and the fix', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    IstioAnalysis.enable(chart);
    virtualService(chart, 'storefront', 'missing');
    expect(() => Testing.synth(chart)).toThrow([
      'Validation failed with the following errors:',
      '  [IstioAnalysis] Error [IST0101] (VirtualService shop/storefront) Referenced gateway not found: "missing"',
      '    at shop/storefront',
      '    fix: correct the reference, or add the object it names (a workload matching the Gateway selector, the Gateway, a Service or ServiceEntry for the host, a DestinationRule subset, the credential Secret in the gateway workload\'s namespace)',
    ].join('\n'));
  });

  test('a conflict between a library Gateway and a hand-written one fails synth, naming both paths', () => {
    const chart = new Chart(Testing.app(), 'edge', { namespace: 'edge' });
    const gateway = new IngressGateway(chart, 'edge-ingress', { ports: [{ name: 'http', port: 8000 }] });
    gateway.expose('shop', { hosts: ['shop.example.com'], backend: Backend.fromHost('shop.shop.svc.cluster.local', 80) });
    new networking.Gateway(chart, 'legacy', {
      metadata: { name: 'legacy' },
      spec: { selector: gateway.selectorLabels, servers: [{ port: { number: 8000, name: 'http', protocol: 'HTTP' }, hosts: ['shop.example.com'] }] },
    });
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('Error [IST0145] (Gateway edge/legacy) Conflict with gateways edge/shop');
    expect(message).toContain('    at edge/legacy\n');
    expect(message).toContain('Error [IST0145] (Gateway edge/shop) Conflict with gateways edge/legacy');
    expect(message).toContain('    at edge/edge-ingress/shop/Gateway\n');
  });

  test('Included YAML is analyzed like the rest of the app', () => {
    const chart = Testing.chart();
    IstioAnalysis.enable(chart, { assumeHostsAndSecretsExist: false });
    new Include(chart, 'legacy', { url: path.join(FIXTURES, 'gateway-workload-invalid', 'input.yaml') });
    expect(() => Testing.synth(chart)).toThrow(/Error \[IST0101\] \(Gateway edge\/storefront\) Referenced selector not found: "app=edge-gateway"\n {4}at test\/legacy\/storefront-gateway-edge\n/);
    expect(() => Testing.synth(chart)).toThrow(/Error \[IST0101\] \(Gateway edge\/secure\) Referenced credentialName not found: "secure-cert"\n {4}at test\/legacy\/secure-gateway-edge\n/);
  });

  test('warnings and infos are printed to stderr and do not fail synth', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    IstioAnalysis.enable(chart);
    new Include(chart, 'matches', { url: path.join(FIXTURES, 'virtualservice-matches-invalid', 'input.yaml') });
    const printed = stderrOf(() => Testing.synth(chart));
    expect(printed).toContain('Warning [IST0130] (VirtualService shop/reviews) VirtualService rule #4 not used (only the last rule can have no matches).\n    at shop/matches/');
    expect(printed).toContain('Info [IST0131] (VirtualService shop/reviews) VirtualService rule #1 match #0 is not used');
    expect(printed).toContain('    fix: put the catch-all rule (without match) last');
  });

  test('a workload that exists elsewhere, declared with IngressGateway.fromSelector and existsOutsideApp, satisfies Gateway selectors and ports', () => {
    const chart = new Chart(Testing.app(), 'edge', { namespace: 'edge' });
    const edge = IngressGateway.fromSelector(chart, 'edge', { selector: { app: 'edge' }, ports: [{ name: 'http', port: 8080 }], existsOutsideApp: true });
    edge.expose('shop', { hosts: ['shop.example.com'], backend: Backend.fromHost('shop.shop.svc.cluster.local', 80) });
    const other = IngressGateway.fromSelector(chart, 'other', { selector: { app: 'other' }, existsOutsideApp: true });
    other.expose('blog', { hosts: ['blog.example.com'], port: 80, backend: Backend.fromHost('blog.blog.svc.cluster.local', 80) });
    expect(IstioAnalysis.enable(chart).findings()).toEqual([]);
    new networking.Gateway(chart, 'legacy', {
      metadata: { name: 'legacy' },
      spec: { selector: { app: 'edge' }, servers: [{ port: { number: 9090, name: 'http', protocol: 'HTTP' }, hosts: ['legacy.example.com'] }] },
    });
    expect(IstioAnalysis.enable(chart).findings().map((f) => `${f.finding.code} ${f.constructPaths}`)).toEqual(['IST0162 edge/legacy']);
  });

  test('hosts and Secrets outside the app are assumed to exist by default', () => {
    const chart = Testing.chart();
    IstioAnalysis.enable(chart);
    new Include(chart, 'destinations', { url: path.join(FIXTURES, 'virtualservice-destinations-invalid', 'input.yaml') });
    const codes = IstioAnalysis.enable(chart).findings().map((f) => f.finding.message);
    expect(codes).not.toContain('Referenced host not found: "catalogue.shop.svc.cluster.local"');
    expect(codes).toContain('Referenced host:port not found: "catalog:8080"');
  });
});

describe('what synth takes on trust (issue 11, section 4)', () => {
  const httpServer = (port: number) => ({ port: { number: port, name: 'http', protocol: 'HTTP' }, hosts: ['legacy.example.com'] });
  const errorsOf = (chart: Chart) => IstioAnalysis.enable(chart).findings()
    .filter((f) => f.finding.level === 'Error')
    .map((f) => `${f.finding.code} ${f.finding.kind} ${f.finding.namespace}/${f.finding.name}: ${f.finding.message}`);

  test('a fromSelector selector that matches no workload of the app nor a default gateway fails synth', () => {
    const chart = new Chart(Testing.app(), 'edge', { namespace: 'edge' });
    const typo = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingresgateway' } });
    typo.expose('shop', { hosts: ['shop.example.com'], port: 80, backend: Backend.fromHost('shop.shop.svc.cluster.local', 80) });
    expect(() => Testing.synth(chart)).toThrow(/Error \[IST0101\] \(Gateway edge\/shop\) Referenced selector not found: "istio=ingresgateway"\n {4}at edge\/mesh\/shop\/Gateway\n/);
  });

  test('a fromSelector selector that matches the default gateway, or a gateway of the app, passes', () => {
    const chart = new Chart(Testing.app(), 'edge', { namespace: 'edge' });
    IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } })
      .expose('shop', { hosts: ['shop.example.com'], port: 80, backend: Backend.fromHost('shop.shop.svc.cluster.local', 80) });
    const own = new IngressGateway(chart, 'own', { ports: [{ name: 'http', port: 8000 }] });
    IngressGateway.fromSelector(chart, 'again', { selector: own.selectorLabels })
      .expose('blog', { hosts: ['blog.example.com'], port: 8000, backend: Backend.fromHost('blog.blog.svc.cluster.local', 80) });
    expect(errorsOf(chart)).toEqual([]);
  });

  test.each([false, true])('a fromSelector declaration without ports (existsOutsideApp %s) leaves IST0162 on for the Services the app defines', (existsOutsideApp) => {
    const chart = new Chart(Testing.app(), 'edge', { namespace: 'edge' });
    const own = new IngressGateway(chart, 'own', { ports: [{ name: 'http', port: 8000 }] });
    IngressGateway.fromSelector(chart, 'declared', { selector: own.selectorLabels, existsOutsideApp });
    new networking.Gateway(chart, 'legacy', { metadata: { name: 'legacy' }, spec: { selector: own.selectorLabels, servers: [httpServer(9090)] } });
    expect(IstioAnalysis.enable(chart).findings().map((f) => `${f.finding.code} ${f.finding.name}`)).toEqual(['IST0162 legacy']);
  });

  test.each([
    ['IngressGateway', (chart: Chart) => new IngressGateway(chart, 'edge', { ports: [{ name: 'http', port: 8000 }] })],
    ['EgressGateway', (chart: Chart) => new EgressGateway(chart, 'egress')],
    ['IngressGateway.fromSelector', (chart: Chart) => IngressGateway.fromSelector(chart, 'edge', { selector: { istio: 'ingressgateway' } })],
  ])('a chart holding only an %s (and L1 objects) is analyzed', (_, makeGateway) => {
    const chart = new Chart(Testing.app(), 'edge', { namespace: 'edge' });
    makeGateway(chart);
    new networking.Gateway(chart, 'legacy', { metadata: { name: 'legacy' }, spec: { selector: { app: 'nowhere' }, servers: [httpServer(80)] } });
    expect(() => Testing.synth(chart)).toThrow(/Error \[IST0101\] \(Gateway edge\/legacy\) Referenced selector not found: "app=nowhere"/);
  });

  test('a credentialName whose Secret the app defines in another namespace than the gateway workload\'s fails synth', () => {
    const chart = new Chart(Testing.app(), 'edge', { namespace: 'edge' });
    IstioAnalysis.enable(chart);
    new ApiObject(chart, 'cert', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'shop-cert', namespace: 'edge' } });
    new networking.Gateway(chart, 'shop', {
      metadata: { name: 'shop' },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['shop.example.com'], tls: { mode: networking.GatewaySpecServersTlsMode.SIMPLE, credentialName: 'shop-cert' } }],
      },
    });
    expect(errorsOf(chart)).toEqual(['IST0101 Gateway edge/shop: Referenced credentialName not found: "shop-cert"']);
    new ApiObject(chart, 'cert-in-gateway-namespace', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'shop-cert', namespace: 'istio-system' } });
    expect(errorsOf(chart)).toEqual([]);
  });

  test('in an app that declares RegistryOnly, a route to an external host without ServiceEntry fails synth', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    new ApiObject(chart, 'partner', {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'partner' },
      spec: { hosts: ['api.partner.com'], http: [{ route: [{ destination: { host: 'api.partner.com' }, weight: 50 }, { destination: { host: 'ratings' }, weight: 50 }] }] },
    });
    IstioAnalysis.enable(chart);
    expect(errorsOf(chart)).toEqual([]);
    new RegistryOnly(chart, 'registry-only');
    expect(errorsOf(chart)).toEqual(['IST0101 VirtualService shop/partner: Referenced host not found: "api.partner.com"']);
  });

  test('what synth assumes exists outside the app is listed in one line on stderr', () => {
    const chart = new Chart(Testing.app(), 'edge', { namespace: 'edge' });
    IngressGateway.fromSelector(chart, 'edge', { selector: { app: 'edge' }, existsOutsideApp: true })
      .expose('shop', { hosts: ['shop.example.com'], port: 80, backend: Backend.fromHost('shop.shop.svc.cluster.local', 80) });
    new networking.Gateway(chart, 'secure', {
      metadata: { name: 'secure' },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['secure.example.com'], tls: { mode: networking.GatewaySpecServersTlsMode.SIMPLE, credentialName: 'secure-cert' } }],
      },
    });
    for (const host of ['a', 'b', 'c', 'd']) {
      new networking.DestinationRule(chart, `dr-${host}`, { metadata: { name: `dr-${host}` }, spec: { host: `${host}.example.org` } });
    }
    const printed = stderrOf(() => Testing.synth(chart));
    expect(printed.split('\n').filter((l) => l.startsWith('IstioAnalysis:'))).toEqual([
      'IstioAnalysis: taken on trust, not defined in the app: 5 hosts (a.example.org, b.example.org, c.example.org, ...), 1 Secret (istio-system/secure-cert), 1 gateway workload (app=edge in edge)',
    ]);
  });

  test('nothing taken on trust prints nothing', () => {
    const chart = new Chart(Testing.app(), 'edge', { namespace: 'edge' });
    IngressGateway.fromSelector(chart, 'edge', { selector: { istio: 'ingressgateway' } });
    expect(stderrOf(() => Testing.synth(chart))).toBe('');
  });
});

describe('failureThreshold', () => {
  const chartWithWarning = () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    new Include(chart, 'matches', { url: path.join(FIXTURES, 'virtualservice-matches-invalid', 'input.yaml') });
    return chart;
  };

  test('Warning fails synth on warnings, and leaves infos printed', () => {
    const chart = chartWithWarning();
    IstioAnalysis.enable(chart, { failureThreshold: FindingLevel.WARNING });
    let message = '';
    const printed = stderrOf(() => {
      try {
        Testing.synth(chart);
      } catch (e) {
        message = (e as Error).message;
      }
    });
    expect(message).toContain('Warning [IST0130] (VirtualService shop/reviews) VirtualService rule #4 not used');
    expect(message).not.toContain('IST0131');
    expect(printed).toContain('Info [IST0131] (VirtualService shop/reviews)');
  });

  test('the default, Error, lets warnings pass', () => {
    const chart = chartWithWarning();
    IstioAnalysis.enable(chart, {});
    expect(() => stderrOf(() => Testing.synth(chart))).not.toThrow();
  });
});

describe('suppression', () => {
  test('the galley.istio.io/analyze-suppress annotation silences a code on one object', () => {
    const chart = Testing.chart();
    IstioAnalysis.enable(chart);
    virtualService(chart, 'quiet', 'missing', { [SUPPRESS_ANNOTATION]: 'IST0101' });
    virtualService(chart, 'loud', 'missing', { [SUPPRESS_ANNOTATION]: 'IST0132' });
    expect(IstioAnalysis.enable(chart).findings().map((f) => `${f.finding.code} ${f.finding.name}`)).toEqual(['IST0101 loud', 'IST0132 quiet']);
  });

  test('IstioAnalysis.suppress silences a code, or every code, for all objects below a construct', () => {
    const chart = Testing.chart();
    IstioAnalysis.enable(chart);
    const legacy = new Construct(chart, 'legacy');
    virtualService(legacy, 'one', 'missing');
    virtualService(legacy, 'two', 'missing');
    const other = virtualService(chart, 'three', 'missing');
    IstioAnalysis.suppress(legacy, 'IST0101');
    expect(IstioAnalysis.enable(chart).findings().map((f) => `${f.finding.code} ${f.finding.name}`)).toEqual(['IST0132 one', 'IST0101 three', 'IST0132 three', 'IST0132 two']);
    IstioAnalysis.suppress(legacy, 'IST0132');
    IstioAnalysis.suppress(other, '*');
    expect(IstioAnalysis.enable(chart).findings()).toEqual([]);
    expect(() => Testing.synth(chart)).not.toThrow();
  });
});

test('the walkthrough analyzes clean', () => {
  const app = buildWalkthrough(Testing.app());
  expect(IstioAnalysis.enable(app).findings()).toEqual([]);
  expect(stderrOf(() => app.synthYaml())).toBe('IstioAnalysis: taken on trust, not defined in the app: 2 hosts (frontpage.backyards-demo.svc.cluster.local, payments.payments.svc.cluster.local), 1 Secret (shop/shop-example-com-tls)\n');
});

describe('cost within cdk8s synth', () => {
  function appWithCharts(outdir: string, charts: number): App {
    const app = new App({ outdir });
    for (let c = 0; c < charts; c++) {
      const chart = new Chart(app, `chart${c}`, { namespace: `ns${c}` });
      const gateway = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' }, namespace: 'istio-system' });
      gateway.expose('web', { hosts: [`web${c}.example.com`], port: 80, backend: Backend.fromHost(`web.ns${c}.svc.cluster.local`, 80) });
    }
    return app;
  }

  // With the shortcuts, App.synth analyzes once and serializes each object once; on the plain
  // path, cdk8s's validation of the app and of each chart analyze it all, and synthesis
  // serializes each object again.
  test('App.synth analyzes the app once, however many charts, and serializes each object once', () => {
    const app = appWithCharts(fs.mkdtempSync(path.join(os.tmpdir(), 'dist-')), 3);
    const analyzeSpy = jest.spyOn(analyzeModule, 'analyzeWithAssumptions');
    const toJsonSpy = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      app.synth();
      expect(analyzeSpy).toHaveBeenCalledTimes(shortcutsOn() ? 1 : 1 + 3);
      expect(toJsonSpy).toHaveBeenCalledTimes(shortcutsOn() ? 6 : 6 + 4 * 6);
    } finally {
      analyzeSpy.mockRestore();
      toJsonSpy.mockRestore();
    }
  });

  test('App.synth prints the report once, however many charts cdk8s validates the app for', () => {
    const app = appWithCharts(fs.mkdtempSync(path.join(os.tmpdir(), 'dist-')), 3);
    new networking.Gateway(app.charts[0], 'admin', {
      metadata: { name: 'admin' },
      spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 9090, name: 'http', protocol: 'HTTP' }, hosts: ['admin.example.com'] }] },
    });
    const lines = stderrOf(() => app.synth()).split('\n');
    expect(lines.filter((l) => l.startsWith('Warning ['))).toEqual([expect.stringMatching(/^Warning \[IST0162\] \(Gateway ns0\/admin\)/)]);
    expect(lines.filter((l) => l.startsWith('IstioAnalysis: taken on trust'))).toHaveLength(1);
  });

  test('a subclass of App is recognized: analyzed once, each object serialized once', () => {
    class ShopApp extends App {
      public synth(): void {
        super.synth();
      }
    }
    const app = new ShopApp({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dist-')) });
    for (let c = 0; c < 2; c++) {
      const chart = new Chart(app, `chart${c}`, { namespace: `ns${c}` });
      IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' }, namespace: 'istio-system' })
        .expose('web', { hosts: [`web${c}.example.com`], port: 80, backend: Backend.fromHost(`web.ns${c}.svc.cluster.local`, 80) });
    }
    const analyzeSpy = jest.spyOn(analyzeModule, 'analyzeWithAssumptions');
    const toJsonSpy = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      app.synth();
      expect(analyzeSpy).toHaveBeenCalledTimes(shortcutsOn() ? 1 : 1 + 2);
      expect(toJsonSpy).toHaveBeenCalledTimes(shortcutsOn() ? 4 : 4 + 3 * 4);
    } finally {
      analyzeSpy.mockRestore();
      toJsonSpy.mockRestore();
    }
  });

  /** What `app.synth()` writes, file name to content. */
  function synthesized(app: App): { [file: string]: string } {
    app.synth();
    return Object.fromEntries(fs.readdirSync(app.outdir).sort().map((f) => [f, fs.readFileSync(path.join(app.outdir, f), 'utf8')]));
  }

  /** Runs `body` with call stacks that name no method, as if cdk8s had renamed App.synth and App._synthChart. */
  function withUnrecognizedStacks<T>(body: () => T): T {
    const prepare = Error.prepareStackTrace;
    Error.prepareStackTrace = () => 'Error\n    at <anonymous>';
    try {
      return body();
    } finally {
      Error.prepareStackTrace = prepare;
    }
  }

  test('when the call stack does not show cdk8s\'s synthesis, every validation analyzes in full and the output is the same', () => {
    const expected = synthesized(appWithCharts(fs.mkdtempSync(path.join(os.tmpdir(), 'dist-')), 3));
    const app = appWithCharts(fs.mkdtempSync(path.join(os.tmpdir(), 'dist-')), 3);
    const analyzeSpy = jest.spyOn(analyzeModule, 'analyzeWithAssumptions');
    const toJsonSpy = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      expect(withUnrecognizedStacks(() => synthesized(app))).toStrictEqual(expected);
      expect(analyzeSpy).toHaveBeenCalledTimes(4);
      expect(toJsonSpy).toHaveBeenCalledTimes(6 + 4 * 6);
    } finally {
      analyzeSpy.mockRestore();
      toJsonSpy.mockRestore();
    }
    expect(Object.keys(expected)).toEqual(['chart0.k8s.yaml', 'chart1.k8s.yaml', 'chart2.k8s.yaml']);
  });

  test('when the call stack does not show cdk8s\'s synthesis, an error still fails synth', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dist-')) });
    const chart = new Chart(app, 'shop');
    IstioAnalysis.enable(chart);
    virtualService(chart, 'orphan', 'missing');
    expect(() => withUnrecognizedStacks(() => app.synth())).toThrow(/IST0101/);
  });

  test('the synthesis consumes every copy the analysis serves it (none on the plain path): no object keeps a replaced toJson', () => {
    const app = appWithCharts(fs.mkdtempSync(path.join(os.tmpdir(), 'dist-')), 3);
    const apiObjects = app.node.findAll().filter(ApiObject.isApiObject);
    const served: ApiObject[] = [];
    const yamlSave = jest.spyOn(Yaml, 'save').mockImplementation(() => {
      served.push(...apiObjects.filter((o) => Object.prototype.hasOwnProperty.call(o, 'toJson')));
    });
    try {
      app.synth();
    } finally {
      yamlSave.mockRestore();
    }
    expect(apiObjects.filter((o) => Object.prototype.hasOwnProperty.call(o, 'toJson'))).toEqual([]);
    expect(apiObjects.length).toBe(6);
    expect(served.length > 0).toBe(shortcutsOn());
  });

  test('a change made after a failed synth is in the next synth and in toJson', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-'));
    const app = new App({ outdir });
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    IstioAnalysis.enable(chart);
    let hosts = ['a.example.com'];
    const gateway = new ApiObject(chart, 'gw', {
      apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'gw' },
      spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: Lazy.any({ produce: () => hosts }) }] },
    });
    let broken = true;
    chart.node.addValidation({ validate: () => (broken ? ['not yet'] : []) });
    expect(() => app.synth()).toThrow(/not yet/);
    hosts = ['b.example.com'];
    expect(gateway.toJson().spec.servers[0].hosts).toEqual(['b.example.com']);
    broken = false;
    app.synth();
    expect(fs.readFileSync(path.join(outdir, 'shop.k8s.yaml'), 'utf8')).toContain('- b.example.com');
  });
});

describe('objects that replace each other (CIG0001)', () => {
  function destinationRule(scope: Construct, id: string): ApiObject {
    return new ApiObject(scope, id, {
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'reviews', namespace: 'shop' },
      spec: { host: 'reviews.shop.svc.cluster.local' },
    });
  }

  test('two charts with an object of the same kind, namespace and name fail synth, naming both construct paths', () => {
    const app = Testing.app();
    const first = new Chart(app, 'team-a');
    const second = new Chart(app, 'team-b');
    IstioAnalysis.enable(app);
    destinationRule(first, 'reviews');
    destinationRule(second, 'reviews');
    expect(IstioAnalysis.enable(app).findings().map((f) => [f.finding.code, f.finding.level, f.constructPaths])).toEqual([
      ['CIG0001', 'Error', ['team-a/reviews', 'team-b/reviews']],
    ]);
    expect(() => app.synth()).toThrow(/Error \[CIG0001\] \(DestinationRule shop\/reviews\) Another DestinationRule.networking.istio.io named shop\/reviews comes earlier in the input: applying both, this one replaces it/);
  });

  test('objects of kinds the analysis does not read are checked by identity too, without being serialized', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    IstioAnalysis.enable(chart);
    const configMap = (id: string) => new ApiObject(chart, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: id } });
    configMap('one');
    configMap('two');
    const toJsonSpy = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      expect(IstioAnalysis.enable(chart).findings().map((f) => formatLine(f.finding.code, f.finding.namespace, f.constructPaths))).toEqual([
        'CIG0001 shop shop/one,shop/two',
      ]);
      expect(toJsonSpy).not.toHaveBeenCalled();
    } finally {
      toJsonSpy.mockRestore();
    }
  });

  function formatLine(code: string, namespace: string | undefined, paths: string[]): string {
    return `${code} ${namespace} ${paths.join(',')}`;
  }
});

test('the meshConfig option reaches the analysis: without an ingress controller there is no default ingress gateway', () => {
  const chart = Testing.chart();
  new networking.Gateway(chart, 'public', {
    metadata: { name: 'public', namespace: 'edge' },
    spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['a.example.com'] }] },
  });
  expect(IstioAnalysis.enable(chart, {}).findings()).toEqual([]);
  expect(IstioAnalysis.enable(chart, { meshConfig: { ingressControllerMode: IngressControllerMode.OFF } }).findings().map((f) => f.finding.code)).toEqual(['IST0101']);
});
