import * as fs from 'fs';
import * as path from 'path';
import { IstioTopology } from '../src';
import { synthWalkthrough, toYaml } from './support/synth';

const ROOT = path.resolve(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
/** The guide and the reference: every page whose YAML blocks claim what an example synthesizes. */
const PAGES = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

interface Claim {
  readonly page: string;
  readonly chart: string;
  readonly objects: string[];
  readonly yaml: string;
}

/**
 * YAML blocks preceded by `<!-- synth: <chart id> <Kind/name,...> -->`: what the README claims an
 * example chart synthesizes, object for object.
 */
function claims(): Claim[] {
  const pattern = /<!-- synth: (\S+) (\S+) -->\n```yaml\n([\s\S]*?)```/g;
  return PAGES.flatMap((page) => [...fs.readFileSync(path.join(ROOT, page), 'utf8').matchAll(pattern)]
    .map((m) => ({ page, chart: m[1], objects: m[2].split(','), yaml: m[3] })));
}

describe('README', () => {
  const charts = synthWalkthrough();

  test('shows the output of every walkthrough step', () => {
    expect(claims().filter((c) => c.page === 'README.md').map((c) => c.chart)).toEqual(expect.arrayContaining([
      '01-ingress-default-gateway', '02-dedicated-ingress-gateway', '03-external-service', '04-egress-gateway',
    ]));
  });

  test('checks the egress reference against the HTTPS egress example', () => {
    expect(claims().filter((c) => c.page === 'docs/egress.md').map((c) => c.chart)).toContain('05-egress-https');
  });

  test.each(claims().map((c) => [`${c.page}: ${c.chart} ${c.objects.join(',')}`, c]))('YAML for %s is what the example synthesizes', (_name, claim: any) => {
    const objects = charts.get(claim.chart) ?? [];
    const shown = claim.objects.map((ref: string) => objects.find((o) => `${o.kind}/${o.metadata.name}` === ref));
    expect(shown.filter((o: any) => o === undefined)).toEqual([]);
    expect(claim.yaml).toBe(toYaml(shown));
  });

  test('gives the two quick-start commands', () => {
    expect(README).toContain('npm ci && npm run synth');
    expect(README).toContain('npm test');
  });
});

/**
 * Mermaid blocks preceded by `<!-- graph: <chart ids> [--assume-hosts-and-secrets-exist] -->`: what
 * the README claims `graph` draws of those example charts.
 */
function graphClaims(): { charts: string[]; assume: boolean; mermaid: string }[] {
  const pattern = /<!-- graph: (\S+)( --assume-hosts-and-secrets-exist)? -->\n```mermaid\n([\s\S]*?)```/g;
  return [...README.matchAll(pattern)].map((m) => ({ charts: m[1].split(','), assume: m[2] !== undefined, mermaid: m[3] }));
}

describe('README diagrams', () => {
  const charts = synthWalkthrough();

  test('the walkthrough is shown as a diagram', () => {
    expect(graphClaims().map((c) => c.charts)).toContainEqual(['01-ingress-default-gateway', '02-dedicated-ingress-gateway', '03-external-service', '04-egress-gateway']);
  });

  test.each(graphClaims().map((c) => [c.charts.join(','), c]))('the diagram of %s is what graph draws of the examples', (_name, claim: any) => {
    const objects = claim.charts.flatMap((id: string) => charts.get(id) ?? []);
    expect(claim.mermaid).toBe(IstioTopology.toMermaid(IstioTopology.graph(objects, { assumeHostsAndSecretsExist: claim.assume })));
  });
});
