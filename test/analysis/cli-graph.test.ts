import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IstioTopology } from '../../src';
import { runCli } from '../support/cli';
import { toYaml } from '../support/synth';
import { WALKTHROUGH_STEPS, walkthroughObjects } from '../support/topology';

const OUTSIDE = { assumeHostsAndSecretsExist: true };
const INVALID = 'test/fixtures/analysis/virtualservice-gateways-invalid/input.yaml';

describe('cdk8s-istio-gateways graph', () => {
  let dist: string;

  beforeAll(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-dist-'));
    for (const step of WALKTHROUGH_STEPS) {
      fs.writeFileSync(path.join(dist, `${step}.k8s.yaml`), toYaml(walkthroughObjects([step])));
    }
  });

  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  test('draws the synthesized walkthrough as the API draws the app', () => {
    const result = runCli(['graph', '--assume-hosts-and-secrets-exist', dist]);
    expect(result).toEqual({
      status: 0,
      stdout: IstioTopology.toMermaid(IstioTopology.graph(walkthroughObjects(WALKTHROUGH_STEPS), OUTSIDE)),
      stderr: 'graph: taken on trust, not defined in the input: 1 host (frontpage.backyards-demo.svc.cluster.local)\n',
    });
  });

  test('marks the findings on the nodes and still exits 0: the findings are drawn', () => {
    const result = runCli(['graph', INVALID]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('  route_edge_typo_http_0("VirtualService edge/typo<br/>http[0]<br/>any request<br/>1 error, 1 warning")\n');
    expect(result.stdout).toContain('\n  class route_edge_typo_http_0 error\n');
  });

  test('leaves out suppressed findings, as analyze does', () => {
    const result = runCli(['graph', '-S', 'IST0101=VirtualService typo.edge', INVALID]);
    expect(result.stdout).toContain('  route_edge_typo_http_0("VirtualService edge/typo<br/>http[0]<br/>any request<br/>1 warning")\n');
  });

  test('reads standard input', () => {
    expect(runCli(['graph', '-'], fs.readFileSync(INVALID, 'utf8')).stdout).toBe(runCli(['graph', INVALID]).stdout);
  });

  test('-o json gives the nodes, edges and findings', () => {
    const graph = JSON.parse(runCli(['graph', '-o', 'json', INVALID]).stdout);
    expect(Object.keys(graph)).toEqual(['nodes', 'edges', 'findings']);
    expect(graph.findings.map((f: any) => f.code)).toEqual(['IST0101', 'IST0132', 'IST0132', 'IST0132']);
  });

  test('-o html gives the self-contained page', () => {
    const page = runCli(['graph', '--output=html', '--assume-hosts-and-secrets-exist', dist]).stdout;
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('globalThis["mermaid"]');
    expect(page).toContain('<h2>Findings (0)</h2>');
  });

  test('refuses an unknown format, naming the ones it knows', () => {
    const result = runCli(['graph', '-o', 'svg', INVALID]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^invalid --output "svg" for graph: expected "mermaid", "html", "json"\n/);
  });
});
