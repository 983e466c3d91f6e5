import { AnalysisDoor, IstioAnalysisOptions, resolveAnalysisOptions } from './analysis-options';
import { attributeSources } from './private/attribute-sources';
import { SourcedObject } from './sourced-object';
import { analyze } from '../rules/analyze';
import { Finding, findingsToJson, formatFinding, SUPPRESS_ANNOTATION } from '../rules/finding';
import { MeshConfig, parseMeshConfig } from '../rules/mesh-config';

/**
 * The analysis for your own code: the same rules as the synth-time check, the `analyze` CLI and
 * the cdk8s plugin, over plain Kubernetes objects (synthesized, or parsed from YAML).
 *
 * Static members rather than free functions, so that the API can be published to other
 * languages with jsii.
 */
export class IstioAnalyzer {
  /** The annotation that silences findings on one object: comma-separated codes, or `*`. */
  public static readonly SUPPRESS_ANNOTATION = SUPPRESS_ANNOTATION;

  /**
   * The findings of the per-object admission rules and the cross-object analysis for `objects`,
   * ordered by object and code. Objects of kinds the analysis does not read are skipped.
   *
   * @param options how to judge them, with `IstioAnalyzer`'s defaults (see `IstioAnalysisOptions`):
   * hosts and Secrets the objects do not define are reported, as istioctl reports them
   */
  public static analyze(objects: any[], options: IstioAnalysisOptions = {}): Finding[] {
    return analyze(objects, resolveAnalysisOptions(options, AnalysisDoor.ANALYZER));
  }

  /**
   * `analyze` for objects gathered from several inputs (repositories, folders, files): each
   * finding carries, in `sources`, where every copy of its object came from, in the order given,
   * so that a finding about one object defined by two teams names both.
   *
   * @param options as for `analyze`
   */
  public static analyzeSources(objects: SourcedObject[], options: IstioAnalysisOptions = {}): Finding[] {
    return attributeSources(IstioAnalyzer.analyze(objects.map((o) => o.object), options), objects);
  }

  /**
   * Reads a MeshConfig YAML document, as `istioctl analyze --meshConfigFile` does, for the
   * `meshConfig` option. Fields the analysis does not read are ignored.
   *
   * @param yamlText the MeshConfig YAML (the `mesh` key of the `istio` ConfigMap)
   * @throws Error naming the field when one the analysis reads has the wrong type or value
   */
  public static parseMeshConfig(yamlText: string): MeshConfig {
    return parseMeshConfig(yamlText);
  }

  /** One finding as istioctl prints it: `Error [IST0101] (Gateway edge/storefront) ...`, its sources after the object when it has them. */
  public static format(finding: Finding): string {
    return formatFinding(finding);
  }

  /** Findings as the CLI's `--output json` prints them. */
  public static toJson(findings: Finding[]): string {
    return findingsToJson(findings);
  }

  private constructor() {}
}
