import { AnalysisDoor, IstioAnalysisOptions, resolveAnalysisOptions } from './analysis-options';
import { topologyOf } from '../topology/build-graph';
import { TopologyGraph } from '../topology/graph';
import { toHtml } from '../topology/render/html';
import { toMermaid } from '../topology/render/mermaid';
import { readMermaidBundle } from '../topology/render/mermaid-bundle';

/**
 * The edge of a mesh as a diagram, drawn from plain Kubernetes objects (synthesized, or parsed
 * from YAML) before anything is applied: which hosts enter through which gateway and reach which
 * services, and which external hosts the mesh reaches through which egress gateway, with the
 * findings of the analysis (`IstioAnalyzer.analyze`) marked on the nodes they concern. The
 * `graph` CLI command draws the same.
 */
export class IstioTopology {
  /**
   * The graph of `objects`: client hosts -> gateway workload and port -> Gateway server ->
   * route -> Service or subset, and mesh -> egress gateway workload and port -> server -> route
   * -> external host (HTTP, TLS origination, TLS passthrough or TCP), each node with the
   * findings about the objects it is drawn from.
   *
   * @param options how to analyze the objects, with `IstioAnalyzer`'s defaults (see
   * `IstioAnalysisOptions`): hosts and Secrets the objects do not define are reported
   */
  public static graph(objects: any[], options: IstioAnalysisOptions = {}): TopologyGraph {
    return topologyOf(objects, resolveAnalysisOptions(options, AnalysisDoor.ANALYZER));
  }

  /** The graph as a Mermaid flowchart, for a ` ```mermaid ` block in Markdown (GitHub and GitLab render it). */
  public static toMermaid(graph: TopologyGraph): string {
    return toMermaid(graph);
  }

  /**
   * The graph as a self-contained HTML page: the diagram, drawn in the browser by the `mermaid`
   * package inlined into the page (no network access), and the findings listed beside it.
   * `mermaid` is an optional peer dependency: install it (`npm install --save-dev mermaid`) to
   * use this.
   *
   * @throws Error saying how to install it, when the `mermaid` package is not installed
   */
  public static toHtml(graph: TopologyGraph): string {
    return toHtml(graph, readMermaidBundle());
  }

  private constructor() {}
}
