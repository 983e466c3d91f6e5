import { Finding, formatFinding } from '../../rules/finding';
import { TopologyGraph } from '../graph';
import { MermaidBundle } from './mermaid-bundle';
import { toMermaid } from './mermaid';

/**
 * A page that draws the graph and lists the findings beside it, self-contained: the mermaid
 * bundle is inlined and the page's Content-Security-Policy forbids every request, so opening it
 * reaches no network. When the diagram is drawn, `document.body.dataset.rendered` is `true`
 * (`error` if Mermaid failed, with its message on the page).
 */
export function toHtml(graph: TopologyGraph, mermaid: MermaidBundle): string {
  const source = toMermaid(graph);
  const nodesByFinding = new Map<string, string[]>();
  for (const node of graph.nodes) {
    for (const line of new Set(node.findings.map(formatFinding))) {
      nodesByFinding.set(line, [...nodesByFinding.get(line) ?? [], [node.label, ...node.details].join(' ')]);
    }
  }
  const findings = graph.findings.map((finding) => findingItem(finding, nodesByFinding)).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="generator" content="cdk8s-istio-gateways graph, mermaid ${escapeHtml(mermaid.version)}">
<title>Mesh edge</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; display: flex; gap: 1rem; }
#diagram { flex: 3; padding: 1rem; overflow: auto; }
#findings { flex: 1; min-width: 20rem; padding: 1rem; border-left: 1px solid #ccc; }
#findings li { margin-bottom: 0.75rem; padding-left: 0.5rem; border-left: 4px solid #999; list-style: none; }
#findings li.Error { border-color: #c62828; }
#findings li.Warning { border-color: #b26a00; border-left-style: dashed; }
#findings li.Info { border-color: #1565c0; }
#findings .nodes { color: #555; font-size: 0.9em; }
</style>
</head>
<body>
<main id="diagram"><p>Drawing the diagram...</p></main>
<aside id="findings">
<h2>Findings (${graph.findings.length})</h2>
<ul>
${findings}
</ul>
</aside>
<script type="application/json" id="graph-source">${escapeJsonForScript(JSON.stringify(source))}</script>
<script>${escapeScript(mermaid.script)}</script>
<script>
(async () => {
  const diagram = document.getElementById('diagram');
  try {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', flowchart: { htmlLabels: true } });
    const source = JSON.parse(document.getElementById('graph-source').textContent);
    const { svg } = await mermaid.render('topology', source);
    diagram.innerHTML = svg;
    document.body.dataset.rendered = 'true';
  } catch (e) {
    diagram.textContent = 'Mermaid could not draw the diagram: ' + (e && e.message ? e.message : String(e));
    document.body.dataset.rendered = 'error';
  }
})();
</script>
</body>
</html>
`;
}

/** A finding and the nodes it is marked on, named by their text. */
function findingItem(finding: Finding, nodesByFinding: ReadonlyMap<string, string[]>): string {
  const line = formatFinding(finding);
  const nodes = nodesByFinding.get(line) ?? [];
  const on = nodes.length === 0 ? 'on no node of the diagram' : `on ${nodes.join('; ')}`;
  return `<li class="${escapeHtml(finding.level)}">${escapeHtml(line)}<br><span class="nodes">${escapeHtml(on)}</span></li>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that cannot end its `<script>` element or open a comment in it. */
function escapeJsonForScript(json: string): string {
  return json.replace(/</g, '\\u003c');
}

/** A script that cannot end its `<script>` element early: `</script` only ever occurs in its strings and regexes. */
function escapeScript(script: string): string {
  return script.replace(/<\/(script)/gi, '<\\/$1');
}
