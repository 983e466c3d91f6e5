import { FindingLevel, IstioTopology, TopologyGraph, TopologyNodeKind } from '../../src';
import { WALKTHROUGH_STEPS, walkthroughObjects } from '../support/topology';

const finding = (level: FindingLevel, code: string) => ({ code, level, kind: 'VirtualService', name: 'a', namespace: 'ns', message: 'm' });

const graph: TopologyGraph = {
  nodes: [
    { id: 'host_a', kind: TopologyNodeKind.HOST, label: 'a.example.com', details: [], objects: [], findings: [] },
    { id: 'route_a', kind: TopologyNodeKind.ROUTE, label: 'VirtualService ns/a', details: ['http[0] "q" <b> #1 & `x`'], objects: ['VirtualService ns/a'], findings: [finding(FindingLevel.ERROR, 'IST0101'), finding(FindingLevel.WARNING, 'IST0132'), finding(FindingLevel.WARNING, 'IST0130')], level: FindingLevel.ERROR },
    { id: 'svc_b', kind: TopologyNodeKind.SERVICE, label: 'b.ns.svc.cluster.local', details: ['subset v1'], objects: [], findings: [finding(FindingLevel.WARNING, 'IST0132')], level: FindingLevel.WARNING },
    { id: 'ext_c', kind: TopologyNodeKind.EXTERNAL_HOST, label: 'c.example.org', details: [], objects: [], findings: [] },
  ],
  edges: [
    { from: 'host_a', to: 'route_a' },
    { from: 'route_a', to: 'svc_b', label: 'weight 90 | "x"' },
  ],
  findings: [],
};

describe('toMermaid', () => {
  const text = IstioTopology.toMermaid(graph);

  test('a left-to-right flowchart: a shape per kind, details on lines of their own', () => {
    expect(text.split('\n').slice(0, 5)).toEqual([
      'flowchart LR',
      '  host_a(["a.example.com"])',
      '  route_a("VirtualService ns/a<br/>http[0] #34;q#34; #60;b#62; #35;1 #38; #96;x#96;<br/>1 error, 2 warnings")',
      '  svc_b[("b.ns.svc.cluster.local<br/>subset v1<br/>1 warning")]',
      '  ext_c[/"c.example.org"/]',
    ]);
  });

  test('edges with and without labels, labels quoted and escaped', () => {
    expect(text).toContain('\n  host_a --> route_a\n  route_a -->|"weight 90 | #34;x#34;"| svc_b\n');
  });

  test('errors and warnings are classed and styled apart', () => {
    expect(text).toContain('\n  class route_a error\n');
    expect(text).toContain('\n  class svc_b warning\n');
    expect(text).toMatch(/classDef error fill:#fde2e1,stroke:#c62828/);
    expect(text).toMatch(/classDef warning fill:#fff3cd,stroke:#b26a00,[^\n]*stroke-dasharray/);
    expect(text).not.toContain('classDef info');
  });

  test('the walkthrough gives the same text every time', () => {
    const objects = walkthroughObjects(WALKTHROUGH_STEPS);
    const once = IstioTopology.toMermaid(IstioTopology.graph(objects, { assumeHostsAndSecretsExist: true }));
    expect(IstioTopology.toMermaid(IstioTopology.graph([...objects].reverse(), { assumeHostsAndSecretsExist: true }))).toBe(once);
  });
});
