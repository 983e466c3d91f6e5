import { fixFor, nameOf } from '../rules/analysis/messages';
import { analyze, objectKey } from '../rules/analyze';
import { FindingLevel, formatFinding, isAtLeast, KubeObject } from '../rules/finding';
import { MeshConfig } from '../rules/mesh-config';
import { IstioRelease } from '../rules/istio-release';
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

/** Properties of the plugin, given under `properties:` in `cdk8s.yaml`. */
export interface IstioAnalysisPluginProps {
  /**
   * Whether to assume the mesh's default ingress gateway (pods labelled `istio: ingressgateway`,
   * the Service `istio-ingressgateway` in `istio-system`) and egress gateway (pods labelled
   * `istio: egressgateway`, the Service `istio-egressgateway` in `istio-system`).
   * @default true
   */
  readonly defaultGateway?: boolean;

  /**
   * Whether destination hosts, DestinationRule hosts and credential Secrets that the manifests
   * do not define are taken to exist elsewhere, and so are the subsets of a host that no
   * DestinationRule of the manifests is for.
   * @default true - an app seldom holds the whole mesh
   */
  readonly assumeHostsAndSecretsExist?: boolean;

  /**
   * The mesh config, as `istioctl analyze --meshConfigFile` reads it, given under `properties:`
   * as a mapping (`ingressControllerMode: OFF`, `dnsCapture: true`, ...).
   * @default - Istio's default mesh config
   */
  readonly meshConfig?: MeshConfig;

  /**
   * The Istio release the manifests are for, as `1.22` or `1.22.3`: the admission rules of that
   * release judge them.
   * @default - IstioRelease.LATEST
   */
  readonly istioRelease?: string;

  /**
   * The level at which a finding fails the validation, as istioctl's `--failure-threshold`:
   * `Warning` fails it on warnings too. Every finding is reported either way.
   * @default FindingLevel.ERROR
   */
  readonly failureThreshold?: FindingLevel;
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
 *       defaultGateway: true
 *       istioRelease: "1.22"
 * ```
 *
 * Every finding becomes a violation; the validation fails when one of them is an Error.
 */
export class IstioAnalysisPlugin {
  private readonly istioRelease: IstioRelease;

  /** @throws when `istioRelease` names no release from 1.10 on */
  constructor(private readonly props: IstioAnalysisPluginProps = {}) {
    this.istioRelease = props.istioRelease === undefined ? IstioRelease.LATEST : IstioRelease.parse(String(props.istioRelease));
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
    const findings = analyze(objects, {
      defaultGateway: this.props.defaultGateway ?? true,
      assumeHostsAndSecretsExist: this.props.assumeHostsAndSecretsExist ?? true,
      meshConfig: this.props.meshConfig,
      istioRelease: this.istioRelease,
    });
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
    const threshold = this.props.failureThreshold ?? FindingLevel.ERROR;
    context.report.submit(findings.some((f) => isAtLeast(f.level, threshold)) ? 'failure' : 'success');
  }
}
