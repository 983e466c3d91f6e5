import { AnalysisDoor, ResolvedAnalysisOptions, resolveAnalysisOptions } from './analysis-options';
import { optionsFromYaml } from './private/option-text';
import { fixFor, nameOf } from '../rules/analysis/messages';
import { analyze, objectKey } from '../rules/analyze';
import { formatFinding, isAtLeast, KubeObject } from '../rules/finding';
import { namespaceOf } from '../rules/mesh-index';

/** A resource named in a violation, as cdk8s-cli's validation report takes it. */
export interface ValidationViolatingResource {
  /** The resource's `metadata.name`, which cdk8s maps to its construct path. */
  readonly resourceName: string;
  /** Where in the resource the problem is. */
  readonly locations: string[];
  /** The manifest file the resource is in. */
  readonly manifestPath: string;
}

/** A violation, as cdk8s-cli's validation report takes it. */
export interface ValidationViolation {
  /** The rule: the istioctl code and message name, such as `IST0101 ReferencedResourceNotFound`. */
  readonly ruleName: string;
  /** What is wrong, in istioctl's words. */
  readonly recommendation: string;
  /** How to fix it. */
  readonly fix: string;
  /** The resources it is about. */
  readonly violatingResources: ValidationViolatingResource[];
}

/** The part of cdk8s-cli's validation report a plugin fills in. */
export interface IValidationReport {
  /** Adds a violation. */
  addViolation(violation: ValidationViolation): void;
  /** Ends the report: `success` or `failure`. */
  submit(status: string, metadata?: { [key: string]: string }): void;
}

/** The part of cdk8s-cli's `ValidationContext` the plugin reads. */
export interface IValidationContext {
  /** The synthesized manifest files. */
  readonly manifests: string[];
  /** The report to fill in. */
  readonly report: IValidationReport;
  /** The documents of a manifest file. */
  parseManifest(manifestPath: string): any[];
}

/**
 * A cdk8s validation plugin that runs the library's analysis (the same rules as the synth-time
 * check and the CLI) over the manifests `cdk8s synth` writes. List it in `cdk8s.yaml`:
 *
 * ```yaml
 * validations:
 *   - package: cdk8s-istio-gateways
 *     version: 0.1.0
 *     class: IstioAnalysisPlugin
 *     properties:
 *       istioRelease: "1.22"
 *       failureThreshold: Warning
 * ```
 *
 * The properties are the options of every door of the analysis (`IstioAnalysisOptions`, which
 * tables each door's defaults). Every finding becomes a violation; the validation fails when one
 * of them is at the failure threshold.
 */
export class IstioAnalysisPlugin {
  private readonly options: ResolvedAnalysisOptions;

  /**
   * @param properties the entry's `properties:` in `cdk8s.yaml`: the fields of
   * `IstioAnalysisOptions` as YAML writes them (`istioRelease` as a version such as `"1.22"`,
   * `failureThreshold` as a level's name such as `Warning`), with the plugin's defaults
   * @throws naming the property when one is unknown or has the wrong type or value
   */
  constructor(properties: { [key: string]: any } = {}) {
    this.options = resolveAnalysisOptions(optionsFromYaml(properties), AnalysisDoor.PLUGIN);
  }

  /** Analyzes the manifests of `context` and fills in its report. */
  public async validate(context: IValidationContext): Promise<void> {
    const objects: KubeObject[] = [];
    const manifestByKey = new Map<string, string>();
    for (const manifest of context.manifests) {
      for (const obj of context.parseManifest(manifest)) {
        if (obj && typeof obj.kind === 'string') {
          objects.push(obj);
          manifestByKey.set(objectKey(obj.kind, namespaceOf(obj), obj.metadata?.name ?? ''), manifest);
        }
      }
    }
    const findings = analyze(objects, this.options);
    for (const finding of findings) {
      context.report.addViolation({
        ruleName: `${finding.code} ${nameOf(finding.code)}`,
        recommendation: formatFinding(finding),
        fix: fixFor(finding.code),
        violatingResources: [{
          resourceName: finding.name,
          locations: [`${finding.kind} ${finding.namespace ?? ''}/${finding.name}`],
          manifestPath: manifestByKey.get(objectKey(finding.kind, finding.namespace ?? 'default', finding.name)) ?? '',
        }],
      });
    }
    context.report.submit(findings.some((f) => isAtLeast(f.level, this.options.failureThreshold)) ? 'failure' : 'success');
  }
}
