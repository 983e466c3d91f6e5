import { TopologyGraph, TopologyNode } from '../../src';
import { synthWalkthrough } from './synth';

/** The walkthrough's steps 1 to 4, whose diagram the README shows. */
export const WALKTHROUGH_STEPS = ['01-ingress-default-gateway', '02-dedicated-ingress-gateway', '03-external-service', '04-egress-gateway'];

/** The objects of the walkthrough charts `ids`, in chart order. */
export function walkthroughObjects(ids: readonly string[]): any[] {
  const charts = synthWalkthrough();
  return ids.flatMap((id) => charts.get(id) ?? []);
}

/** A node as a line a test can read: `Kind: label | detail | detail`. */
export function describeNode(node: TopologyNode): string {
  return `${node.kind}: ${[node.label, ...node.details].join(' | ')}`;
}

/** Every edge as `from -> to` (with ` [label]`), the nodes described by `describeNode`. */
export function describeEdges(graph: TopologyGraph): string[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, describeNode(n)]));
  return graph.edges.map((e) => `${byId.get(e.from)} -> ${byId.get(e.to)}${e.label === undefined ? '' : ` [${e.label}]`}`);
}
