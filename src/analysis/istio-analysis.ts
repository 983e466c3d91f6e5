import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { AnalysisDoor, IstioAnalysisOptions, ResolvedAnalysisOptions, resolveAnalysisOptions } from './analysis-options';
import { SynthesisPath, synthesisPath } from './private/shortcuts';
import { takenOnTrust } from './private/taken-on-trust';
import { DuplicateObjects } from '../rules/analysis/duplicate-objects';
import { fixFor } from '../rules/analysis/messages';
import { Assumptions } from '../rules/analysis/assumptions';
import { analyzeWithAssumptions, objectKey } from '../rules/analyze';
import { Finding, formatFinding, isAtLeast, isSuppressed, KubeObject } from '../rules/finding';
import { hostOwnershipProblem } from '../rules/host-ownership';
import { IstioRelease } from '../rules/istio-release';
import { ANALYZED_KINDS, DeclaredWorkload, DEFAULT_NAMESPACE, namespaceOf } from '../rules/mesh-index';
import { invalidInput } from '../private/errors';
import { GatewayWorkloadBase } from '../workload/gateway-workload-base';

/** The id of the construct, under the app root, that carries the analysis. */
const ANALYSIS_ID = 'IstioAnalysis';
const SUPPRESSIONS = Symbol.for('cdk8s-istio-gateways.IstioAnalysis.suppressions');

/**
 * The istioctl-style analysis of every object in a cdk8s app when it synthesizes: Istio objects
 * made by this library's constructs, by the generated L1 classes, as raw `ApiObject`s or pulled
 * in with `Include`. Error findings fail `cdk8s synth` with a list that names the code, the
 * object, its construct path and how to fix it; warnings and infos are printed to stderr.
 *
 * The library's constructs enable it on their app; call `enable` to analyze an app that uses
 * only L1 classes or included YAML, or to change the options.
 */
export class IstioAnalysis extends Construct {
  /**
   * Analyzes the app that `scope` belongs to when it synthesizes. Calling it again is harmless:
   * the app is analyzed once; options, when given, replace those of earlier calls.
   *
   * @param scope any construct of the app
   * @param options how to analyze, with the synth-time defaults that `IstioAnalysisOptions` tables;
   * leave out to keep the options in force
   */
  public static enable(scope: IConstruct, options?: IstioAnalysisOptions): IstioAnalysis {
    const root = scope.node.root;
    const existing = root.node.tryFindChild(ANALYSIS_ID);
    const analysis = existing instanceof IstioAnalysis ? existing : new IstioAnalysis(root as Construct, ANALYSIS_ID);
    if (options) {
      const problem = hostOwnershipProblem(options.hostOwnership ?? []);
      if (problem !== undefined) {
        throw invalidInput(analysis, problem.field, problem.value, problem.problem);
      }
      analysis.options = resolveAnalysisOptions(options, AnalysisDoor.SYNTH);
    }
    return analysis;
  }

  /**
   * Leaves findings of `code` out for every object at or below `scope`, as the annotation
   * `galley.istio.io/analyze-suppress` does for one object.
   *
   * @param code an istioctl message code such as `IST0132`, or `*` for every code
   */
  public static suppress(scope: IConstruct, code: string): void {
    const holder = scope as unknown as { [SUPPRESSIONS]?: string[] };
    holder[SUPPRESSIONS] = [...(holder[SUPPRESSIONS] ?? []), code];
  }

  /**
   * The Istio release the app that `scope` belongs to is for: the one given to `enable`, or
   * `IstioRelease.LATEST`.
   */
  public static targetReleaseOf(scope: IConstruct): IstioRelease {
    const analysis = scope.node.root.node.tryFindChild(ANALYSIS_ID);
    return analysis instanceof IstioAnalysis ? analysis.options.istioRelease : IstioRelease.LATEST;
  }

  /** The options given to `enable`, with the synth-time check's defaults. */
  private options: ResolvedAnalysisOptions = resolveAnalysisOptions({}, AnalysisDoor.SYNTH);
  private readonly path: SynthesisPath = synthesisPath();

  /**
   * What the validations of the current tick printed: cdk8s validates the app several times in
   * one synthesis (once for the app, again for each chart), and a report is printed once.
   */
  private printed = new Set<string>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.node.addValidation({ validate: () => this.validate() });
  }

  /**
   * Analyzes the app as it stands and returns what it finds, each finding with the construct
   * paths of its object. Suppressed findings are left out.
   */
  public findings(): AppFinding[] {
    return this.analyzeApp().findings;
  }

  private validate(): string[] {
    if (this.path.repeatsValidation()) {
      return [];
    }
    const { findings, apiObjects, objects, assumed, outsideWorkloads } = this.analyzeApp();
    this.path.analyzed(apiObjects, objects);
    const threshold = this.options.failureThreshold;
    const report = findings.filter((f) => !isAtLeast(f.finding.level, threshold)).map((f) => describe(f.finding, f.constructPaths));
    const trusted = takenOnTrust('IstioAnalysis', 'app', assumed, outsideWorkloads);
    if (trusted) {
      report.push(trusted);
    }
    this.print(report.map((line) => `${line}\n`).join(''));
    return findings.filter((f) => isAtLeast(f.finding.level, threshold)).map((f) => describe(f.finding, f.constructPaths));
  }

  /** Writes `text` to stderr unless a validation of the current tick already did. */
  private print(text: string): void {
    if (text === '' || this.printed.has(text)) {
      return;
    }
    if (this.printed.size === 0) {
      process.nextTick(() => this.printed.clear());
    }
    this.printed.add(text);
    process.stderr.write(text);
  }

  private analyzeApp(): AppAnalysis {
    const apiObjects: ApiObject[] = [];
    const objects: KubeObject[] = [];
    // Objects of other kinds matter only for their identity (CIG0001): they are neither
    // serialized nor analyzed, only checked for duplicates by kind, namespace and name.
    const otherApiObjects: ApiObject[] = [];
    const outsideWorkloads: DeclaredWorkload[] = [];
    for (const construct of this.node.root.node.findAll()) {
      if (ApiObject.isApiObject(construct)) {
        if (ANALYZED_KINDS.has(construct.kind)) {
          apiObjects.push(construct);
          objects.push(this.path.serialize(construct));
        } else {
          otherApiObjects.push(construct);
        }
      } else if (construct instanceof GatewayWorkloadBase && construct._existsOutsideApp) {
        outsideWorkloads.push(declaredWorkload(construct));
      }
    }
    const otherObjects = otherApiObjects.map(identityOf);
    const { findings: analysisFindings, assumed } = analyzeWithAssumptions(objects, { ...this.options, workloads: [...this.options.workloads, ...outsideWorkloads] });
    const findings = [...analysisFindings, ...duplicatesAmong(otherObjects)];
    if (findings.length === 0) {
      return { findings: [], apiObjects, objects, assumed, outsideWorkloads };
    }
    const allApiObjects = [...apiObjects, ...otherApiObjects];
    const constructsByKey = new Map<string, ApiObject[]>();
    [...objects, ...otherObjects].forEach((json, i) => {
      const key = objectKey(json.kind, namespaceOf(json), json.metadata?.name ?? '');
      const same = constructsByKey.get(key);
      if (same) {
        same.push(allApiObjects[i]);
      } else {
        constructsByKey.set(key, [allApiObjects[i]]);
      }
    });
    const result: AppFinding[] = [];
    for (const finding of findings) {
      const constructs = constructsByKey.get(objectKey(finding.kind, finding.namespace ?? DEFAULT_NAMESPACE, finding.name)) ?? [];
      if (!constructs.some((c) => suppressedBy(c, finding.code))) {
        result.push({ finding, constructPaths: constructs.map((c) => c.node.path) });
      }
    }
    return { findings: result, apiObjects, objects, assumed, outsideWorkloads };
  }
}

/** The CIG0001 findings among `objects`, which `analyze` does not see. */
function duplicatesAmong(objects: readonly KubeObject[]): Finding[] {
  const duplicates = new DuplicateObjects();
  const findings: Finding[] = [];
  for (const obj of objects) {
    const finding = duplicates.add(obj);
    if (finding) {
      findings.push(finding);
    }
  }
  return findings;
}

/** The kind, API version, namespace and name of `apiObject`, without serializing it. */
function identityOf(apiObject: ApiObject): KubeObject {
  return { apiVersion: apiObject.apiVersion, kind: apiObject.kind, metadata: { name: apiObject.name, namespace: apiObject.metadata.namespace } };

}

/** What one analysis of the app found, what it read, and what it took on trust. */
interface AppAnalysis {
  readonly findings: AppFinding[];
  readonly apiObjects: ApiObject[];
  readonly objects: KubeObject[];
  readonly assumed: Assumptions;
  readonly outsideWorkloads: DeclaredWorkload[];
}

/** A finding of the synth-time analysis and where it comes from in the app. */
export interface AppFinding {
  /** The finding. */
  readonly finding: Finding;
  /** The construct paths of the object it is about (more than one when objects share kind, namespace and name). */
  readonly constructPaths: string[];
}

function describe(finding: Finding, constructPaths: string[]): string {
  return `${formatFinding(finding)}\n    at ${constructPaths.join(', ') || '(not in the app)'}\n    fix: ${fixFor(finding.code)}`;
}

/**
 * What a gateway workload construct knows of its pods and Service: for one the app creates (a
 * MeshGateway) the same as its objects say; for one that exists elsewhere
 * (`IngressGateway.fromSelector`), the only knowledge the analysis has of it.
 */
function declaredWorkload(workload: GatewayWorkloadBase): DeclaredWorkload {
  const ports = workload.ports.map((p) => p.port);
  return {
    labels: workload.selectorLabels,
    namespace: workload.namespace,
    serviceName: workload.serviceName,
    ports: ports.length === 0 ? undefined : ports,
  };
}

function suppressedBy(construct: IConstruct, code: string): boolean {
  for (let scope: IConstruct | undefined = construct; scope; scope = scope.node.scope) {
    const codes = (scope as unknown as { [SUPPRESSIONS]?: string[] })[SUPPRESSIONS];
    if (codes && isSuppressed(codes, code)) {
      return true;
    }
  }
  return false;
}
