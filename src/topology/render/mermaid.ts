import { FindingLevel } from '../../rules/finding';
import { TopologyGraph, TopologyNode, TopologyNodeKind } from '../graph';

/** The shape of each kind of node, as Mermaid's opening and closing brackets. */
const SHAPES: { readonly [kind: string]: readonly [string, string] } = {
  [TopologyNodeKind.HOST]: ['([', '])'],
  [TopologyNodeKind.MESH]: ['((', '))'],
  [TopologyNodeKind.GATEWAY_PORT]: ['[[', ']]'],
  [TopologyNodeKind.SERVER]: ['[', ']'],
  [TopologyNodeKind.ROUTE]: ['(', ')'],
  [TopologyNodeKind.SERVICE]: ['[(', ')]'],
  [TopologyNodeKind.EXTERNAL_HOST]: ['[/', '/]'],
};

/** The class a node with findings gets, by its most serious level: red for errors, amber for warnings, blue for infos. */
const LEVEL_CLASSES: ReadonlyArray<readonly [FindingLevel, string, string]> = [
  [FindingLevel.ERROR, 'error', 'fill:#fde2e1,stroke:#c62828,stroke-width:3px,color:#000'],
  [FindingLevel.WARNING, 'warning', 'fill:#fff3cd,stroke:#b26a00,stroke-width:3px,stroke-dasharray:6 3,color:#000'],
  [FindingLevel.INFO, 'info', 'fill:#e3f2fd,stroke:#1565c0,color:#000'],
];

/**
 * The graph as a Mermaid flowchart, left to right, for a Markdown ` ```mermaid ` block (GitHub and
 * GitLab render it). Nodes with findings are classed `error`, `warning` or `info` and drawn red,
 * amber (dashed) or blue; each such node says how many findings of each level it has.
 */
export function toMermaid(graph: TopologyGraph): string {
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) {
    const [open, close] = SHAPES[node.kind];
    lines.push(`  ${node.id}${open}"${[node.label, ...node.details, ...findingCounts(node)].map(escape).join('<br/>')}"${close}`);
  }
  for (const edge of graph.edges) {
    lines.push(`  ${edge.from} -->${edge.label === undefined ? '' : `|"${escape(edge.label)}"|`} ${edge.to}`);
  }
  for (const [level, name, style] of LEVEL_CLASSES) {
    const ids = graph.nodes.filter((n) => n.level === level).map((n) => n.id);
    if (ids.length > 0) {
      lines.push(`  classDef ${name} ${style}`, `  class ${ids.join(',')} ${name}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `2 errors, 1 warning`: the findings on a node, counted by level. */
function findingCounts(node: TopologyNode): string[] {
  const counts = LEVEL_CLASSES.map(([level, name]) => {
    const n = node.findings.filter((f) => f.level === level).length;
    return n === 0 ? '' : `${n} ${name}${n === 1 ? '' : 's'}`;
  }).filter((c) => c !== '');
  return counts.length === 0 ? [] : [counts.join(', ')];
}

/**
 * Text safe inside a quoted Mermaid label: Mermaid reads `#name;` and `#code;` entities there,
 * so quotes, angle brackets and the characters that would start an entity or markup are written so.
 */
function escape(text: string): string {
  return text.replace(/[#"<>&`]/g, (c) => `#${c.charCodeAt(0)};`);
}
