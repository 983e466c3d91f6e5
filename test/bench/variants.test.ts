import { App, Chart } from 'cdk8s';
import { oneLargeVirtualService, servicePerRoute, sharedGateway } from '../../bench/analysis-meshes';
import { buildGatewayApiWithL1 } from '../../bench/gateway-api-l1-variant';
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
