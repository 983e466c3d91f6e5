import * as fs from 'fs';
import * as path from 'path';
import { synthWalkthrough, toYaml } from './support/synth';

const README = fs.readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');

/** YAML blocks preceded by `<!-- synth: <chart id> <Kind,Kind> -->`: what the docs claim a chart synthesizes. */
function claimedOutputs(): Array<{ chart: string; kinds: string[]; yaml: string }> {
  const pattern = /<!-- synth: (\S+) (\S+) -->\n```yaml\n([\s\S]*?)```/g;
  return [...README.matchAll(pattern)].map((m) => ({ chart: m[1], kinds: m[2].split(','), yaml: m[3] }));
}

describe('README', () => {
  const charts = synthWalkthrough();
  const claims = claimedOutputs();

  test('shows the output of every walkthrough chart it documents', () => {
    expect(claims.map((c) => c.chart)).toEqual(expect.arrayContaining(['01-ingress-default-gateway', '02-dedicated-ingress-gateway']));
  });

  test.each(claims.map((c) => [`${c.chart} ${c.kinds.join(',')}`, c]))('YAML for %s is what the example synthesizes', (_name, claim: any) => {
    const objects = charts.get(claim.chart);
    expect(objects).toBeDefined();
    expect(claim.yaml).toBe(toYaml(objects!.filter((o) => claim.kinds.includes(o.kind))));
  });

  test('gives the two quick-start commands', () => {
    expect(README).toContain('npm ci && npm run synth');
    expect(README).toContain('npm test');
  });
});
