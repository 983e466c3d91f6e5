import * as fs from 'fs';
import * as path from 'path';
import { FindingLevel, IstioTopology } from '../../src';
import { findChromium, renderInChromium } from '../support/chromium';
import { walkthroughObjects } from '../support/topology';

/** Where the screenshot for review goes (gitignored). */
const OUTPUT = path.resolve(__dirname, '..', '..', 'test-output');
const chromium = findChromium();
if (chromium === undefined) {
  // eslint-disable-next-line no-console
  console.warn('SKIPPED the browser test of the HTML graph: no Chromium installed (.ci/run installs Debian\'s chromium; set $CHROMIUM to use another)');
}
const inBrowser = chromium === undefined ? describe.skip : describe;

inBrowser('the HTML page in headless Chromium', () => {
  // the walkthrough and both examples, a VirtualService with a typo (an error) and one for a host its Gateway does not serve (a warning)
  const typo = {
    apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'typo', namespace: 'shop' },
    spec: { hosts: ['shop.example.com'], gateways: ['shop-gateway'], http: [{ route: [{ destination: { host: 'storefront' } }] }] },
  };
  const unserved = {
    apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'blog', namespace: 'shop' },
    spec: { hosts: ['blog.example.com'], gateways: ['shop'], http: [{ route: [{ destination: { host: 'storefront' } }] }] },
  };
  const objects = [...walkthroughObjects(['01-ingress-default-gateway', '02-dedicated-ingress-gateway', '03-external-service', '04-egress-gateway', '05-egress-https', '06-routing']), typo, unserved];
  const graph = IstioTopology.graph(objects, { assumeHostsAndSecretsExist: true });
  let dom = '';

  beforeAll(() => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    const page = path.join(OUTPUT, 'topology.html');
    fs.writeFileSync(page, IstioTopology.toHtml(graph));
    dom = renderInChromium(chromium!, page, path.join(OUTPUT, 'topology.png'));
  });

  test('Mermaid drew the diagram', () => {
    expect(/<body[^>]*data-rendered="(\w+)"/.exec(dom)?.[1]).toBe('true');
  });

  test('every node is rendered, with its label', () => {
    const rendered = new Map([...dom.matchAll(/<g class="node ([^"]*)" id="topology-flowchart-(\w+)-\d+"[^>]*>([\s\S]*?)<\/g><\/g>/g)].map((m) => [m[2], { classes: m[1], content: m[3] }]));
    expect(graph.nodes.length).toBeGreaterThan(30);
    expect(graph.nodes.map((n) => n.id).filter((id) => !rendered.has(id))).toEqual([]);
    expect(graph.nodes.filter((n) => !rendered.get(n.id)!.content.includes(n.label.replace(/&/g, '&amp;')))).toEqual([]);
  });

  test('every edge is rendered', () => {
    const edges = new Set([...dom.matchAll(/id="topology-L_(\w+?)_\d+"/g)].map((m) => m[1]));
    expect(graph.edges.map((e) => `${e.from}_${e.to}`).filter((e) => !edges.has(e))).toEqual([]);
  });

  test('nodes with an error or a warning are drawn in their class', () => {
    const classes = (id: string) => new RegExp(`<g class="node ([^"]*)" id="topology-flowchart-${id}-\\d+"`).exec(dom)![1].split(' ');
    const error = graph.nodes.find((n) => n.level === FindingLevel.ERROR)!;
    const warning = graph.nodes.find((n) => n.level === FindingLevel.WARNING)!;
    expect(classes(error.id)).toContain('error');
    expect(classes(warning.id)).toContain('warning');
  });

  test('a screenshot is written for review', () => {
    expect(fs.statSync(path.join(OUTPUT, 'topology.png')).size).toBeGreaterThan(10_000);
  });
});
