/** A Kubernetes object and where it came from, for `IstioAnalyzer.analyzeSources`. */
export interface SourcedObject {
  /** The object: plain JSON, as synthesized or parsed from YAML. */
  readonly object: any;

  /**
   * Where it came from, as findings should name it: `team-a/dist/gateways.yaml:12`, a repository
   * name, a URL.
   */
  readonly source: string;
}
