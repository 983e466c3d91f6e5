import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { oneLargeVirtualService, servicePerRoute, sharedGateway } from '../../bench/analysis-meshes';
import { buildGatewayApiWithL1 } from '../../bench/gateway-api-l1-variant';
import { graphVersusAnalyze } from '../../bench/graph-versus-analyze';
import { buildGatewayApiWithLibrary } from '../../bench/gateway-api-variant';
import { buildWithL1 } from '../../bench/l1-variant';
import { buildWithLibrary } from '../../bench/library-variant';
import { analyze } from '../../src/rules/analyze';

// The benchmark compares the library with hand-written L1 code that must synthesize the same
// bytes; at N >= 11 the egress Gateway's sorted hosts differ from the order they were made in.
function synth(build: (chart: Chart, n: number) => void, n: number): string {
  const app = new App({ outdir: '/dev/null' });
  build(new Chart(app, 'bench', { namespace: 'apps', disableResourceNameHashes: true }), n);
  return app.synthYaml();
}

describe('benchmark variants', () => {
  const quiet = jest.spyOn(console, 'error');
  beforeEach(() => quiet.mockImplementation(() => undefined));
  afterEach(() => quiet.mockReset());

  test.each([1, 12])('the library and L1 Istio charts synthesize the same YAML at N=%d', (n) => {
    expect(synth(buildWithLibrary, n)).toEqual(synth(buildWithL1, n));
  });

  test.each([1, 12])('the library and L1 Gateway API charts synthesize the same YAML at N=%d', (n) => {
    expect(synth(buildGatewayApiWithLibrary, n)).toEqual(synth(buildGatewayApiWithL1, n));
  });
});

describe('analysis benchmark inputs', () => {
  // The scaling figures time a clean analysis; an input with findings would time the reporting.
  test.each([
    ['a Service per route', servicePerRoute],
    ['one shared Gateway', sharedGateway],
    ['one VirtualService of many routes', oneLargeVirtualService],
  ])('%s is clean', (_shape, build) => {
    expect(analyze(build(20), { assumeHostsAndSecretsExist: true })).toEqual([]);
  });
});

describe('graph against analyze', () => {
  test('times both verbs of the compiled CLI and both static APIs on one clean input', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-bench-'));
    try {
      const figures = graphVersusAnalyze(20, 1, dir);
      expect(figures.routes).toBe(20);
      for (const ms of [figures.cli.graph, figures.cli.analyze, figures.inProcess.graph, figures.inProcess.analyze]) {
        expect(Number.isFinite(ms) && ms > 0).toBe(true);
      }
      expect(fs.readFileSync(path.join(dir, 'graph-20.yaml'), 'utf8').split('\n---\n')).toHaveLength(servicePerRoute(20).length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
