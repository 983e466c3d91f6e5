import { FindingLevel, IstioTopology } from '../../src';
import { toHtml } from '../../src/topology/render/html';
import { MermaidMissingError, readMermaidBundle } from '../../src/topology/render/mermaid-bundle';

const gateway = { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'public', namespace: 'edge' }, spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*/shop.example.com'] }] } };
const typo = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'typo', namespace: 'edge' }, spec: { hosts: ['shop.example.com'], gateways: ['pubic'], http: [{ route: [{ destination: { host: 'shop.shop.svc.cluster.local' } }] }] } };
const orphanEntry = { apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name: 'tcp', namespace: 'edge' }, spec: { hosts: ['db.example.com'], ports: [{ number: 5432, name: 'tcp', protocol: 'TCP' }], resolution: 'DNS' } };
const graph = IstioTopology.graph([gateway, typo, orphanEntry], { assumeHostsAndSecretsExist: true });
const fakeMermaid = { script: 'window.mermaid = { note: "</script><b>" };', version: '0.0.0' };

describe('toHtml', () => {
  const page = toHtml(graph, fakeMermaid);

  test('inlines the mermaid bundle, unable to end its script element early, and forbids every request', () => {
    expect(page).toContain('<script>window.mermaid = { note: "<\\/script><b>" };</script>');
    expect(page).toContain(`content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:"`);
    expect(page).not.toMatch(/(src|href)="https?:/);
  });

  test('carries the Mermaid source as JSON that cannot close its element', () => {
    const json = /<script type="application\/json" id="graph-source">(.*)<\/script>/.exec(page)![1];
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toBe(IstioTopology.toMermaid(graph));
  });

  test('lists every finding beside the diagram, with its level and the nodes it is on', () => {
    const items = [...page.matchAll(/<li class="(\w+)">(.*?)<br><span class="nodes">(.*?)<\/span><\/li>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(items.map(([level]) => level)).toEqual(graph.findings.map((f) => f.level));
    expect(items[0]).toEqual([FindingLevel.ERROR, 'Error [IST0101] (VirtualService edge/typo) Referenced gateway not found: &#34;pubic&#34;', 'on VirtualService edge/typo http[0] any request']);
    expect(items.find(([, line]) => line.includes('IST0134'))![2]).toBe('on no node of the diagram');
  });
});

describe('the mermaid package', () => {
  test('is found when installed, and its one-file browser bundle read', () => {
    const bundle = readMermaidBundle();
    expect(bundle.version).toMatch(/^12\./);
    expect(bundle.script).toContain('globalThis["mermaid"]');
  });

  test('when missing, the error says how to install it', () => {
    expect(() => readMermaidBundle(['/nonexistent'])).toThrow(MermaidMissingError);
    expect(() => readMermaidBundle(['/nonexistent'])).toThrow(/npm install --save-dev mermaid/);
  });
});
