import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { copyWithSharedShapes } from './private/json-shapes';
import { DuplicateObjects } from '../rules/analysis/duplicate-objects';
import { fixFor } from '../rules/analysis/messages';
import { Assumptions } from '../rules/analysis/assumptions';
import { analyzeWithAssumptions, objectKey } from '../rules/analyze';
import { Finding, FindingLevel, formatFinding, isAtLeast, isSuppressed, KubeObject } from '../rules/finding';
import { MeshConfig } from '../rules/mesh-config';
import { IstioRelease } from '../rules/istio-release';
import { ANALYZED_KINDS, DeclaredWorkload, DEFAULT_NAMESPACE, namespaceOf, selectorKey } from '../rules/mesh-index';
import { GatewayWorkloadBase } from '../workload/gateway-workload-base';

/** Options of the synth-time analysis. */
export interface IstioAnalysisOptions {
  /**
   * Whether to assume the mesh's default ingress gateway (pods labelled `istio: ingressgateway`,
   * the Service `istio-ingressgateway` in `istio-system` with ports 80, 443, 31400 and 15443) and
   * egress gateway (pods labelled `istio: egressgateway`, the Service `istio-egressgateway` in
   * `istio-system` with ports 80 and 443).
   * @default true
   */
  readonly defaultGateway?: boolean;

  /**
   * Whether destination hosts, DestinationRule hosts and credential Secrets that the app does not
   * define are taken to exist elsewhere (a Service in another repository, a Secret made by
   * cert-manager), and so are the subsets of a host that no DestinationRule of the app is for.
   * Set it to false when the app holds the whole mesh configuration.
   * @default true - an app seldom holds the whole mesh
   */
  readonly assumeHostsAndSecretsExist?: boolean;

  /**
   * The mesh config of the mesh the app is for, as `istioctl analyze --meshConfigFile` reads it
   * (`IstioAnalyzer.parseMeshConfig` reads the YAML).
   * @default - Istio's default mesh config
   */
  readonly meshConfig?: MeshConfig;

  /**
   * The Istio release the app is for: the admission rules of that release judge it, and the
   * constructs refuse what it lacks (relative route weights before 1.15: use `percent`;
   * `ServerTls.optionalMutual` before 1.19; several mirrors before 1.20). Give it before adding
   * routes, so that they are judged as they are added.
   * @default IstioRelease.LATEST
   */
  readonly istioRelease?: IstioRelease;

  /**
   * The level at which a finding fails synth, as istioctl's `--failure-threshold`: `WARNING`
   * fails it on warnings too. Findings below it are printed to stderr.
   * @default FindingLevel.ERROR
   */
  readonly failureThreshold?: FindingLevel;
}

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
   * @param options how to analyze; leave out to keep the options in force
   */
  public static enable(scope: IConstruct, options?: IstioAnalysisOptions): IstioAnalysis {
    const root = scope.node.root;
    const existing = root.node.tryFindChild(ANALYSIS_ID);
    const analysis = existing instanceof IstioAnalysis ? existing : new IstioAnalysis(root as Construct, ANALYSIS_ID);
    if (options) {
      analysis.options = options;
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
    return (analysis instanceof IstioAnalysis ? analysis.options.istioRelease : undefined) ?? IstioRelease.LATEST;
  }

  private options: IstioAnalysisOptions = {};

  /**
   * The objects as the first validation of `App.synth` serialized them, until the synthesis
   * serializes them for output (or the current tick ends).
   */
  private serialized?: { readonly apiObjects: ApiObject[]; readonly objects: KubeObject[] };

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
    const stage = synthesisStage();
    if (stage === SynthesisStage.REVALIDATION) {
      this.serveSerializedObjects();
      return [];
    }
    const { findings, apiObjects, objects, assumed, outsideWorkloads } = this.analyzeApp();
    if (stage === SynthesisStage.APP) {
      this.serialized = { apiObjects, objects };
      process.nextTick(() => {
        this.serialized = undefined;
      });
    }
    const threshold = this.options.failureThreshold ?? FindingLevel.ERROR;
    for (const { finding, constructPaths } of findings) {
      if (!isAtLeast(finding.level, threshold)) {
        process.stderr.write(`${describe(finding, constructPaths)}\n`);
      }
    }
    const trusted = takenOnTrust(assumed, outsideWorkloads);
    if (trusted) {
      process.stderr.write(`${trusted}\n`);
    }
    return findings.filter((f) => isAtLeast(f.finding.level, threshold)).map((f) => describe(f.finding, f.constructPaths));
  }

  /**
   * Hands synthesis the JSON the analysis made of each object, so that it is not resolved twice
   * (serializing is the dearest part of synthesis). Only done once the whole app passed
   * validation, when `App.synth` goes on to serialize every object at once: each object serves
   * its copy to the next `toJson()` call only, and only until the current tick ends.
   */
  private serveSerializedObjects(): void {
    if (this.serialized) {
      serveOnce(this.serialized.apiObjects, this.serialized.objects);
    }
    this.serialized = undefined;
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
          objects.push(copyWithSharedShapes(construct.toJson()) as KubeObject);
        } else {
          otherApiObjects.push(construct);
        }
      } else if (construct instanceof GatewayWorkloadBase && construct._existsOutsideApp) {
        outsideWorkloads.push(declaredWorkload(construct));
      }
    }
    const otherObjects = otherApiObjects.map(identityOf);
    const { findings: analysisFindings, assumed } = analyzeWithAssumptions(objects, {
      defaultGateway: this.options.defaultGateway ?? true,
      assumeHostsAndSecretsExist: this.options.assumeHostsAndSecretsExist ?? true,
      meshConfig: this.options.meshConfig,
      istioRelease: this.options.istioRelease,
      workloads: outsideWorkloads,
    });
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

/** How many names of each kind the summary of what was taken on trust shows. */
const NAMES_SHOWN = 3;

/**
 * One line that lists what the analysis took to exist outside the app, so that a reviewer sees
 * what was not checked: `IstioAnalysis: taken on trust, not defined in the app: 2 hosts (a, b), ...`.
 * Empty when nothing was.
 */
function takenOnTrust(assumed: Assumptions, outsideWorkloads: readonly DeclaredWorkload[]): string {
  const parts = [
    counted('host', 'hosts', [...assumed.hosts]),
    counted('Secret', 'Secrets', [...assumed.secrets]),
    counted('gateway workload', 'gateway workloads', outsideWorkloads.map((w) => `${selectorKey(w.labels)} in ${w.namespace ?? DEFAULT_NAMESPACE}`)),
  ].filter((part) => part !== '');
  return parts.length === 0 ? '' : `IstioAnalysis: taken on trust, not defined in the app: ${parts.join(', ')}`;
}

function counted(singular: string, plural: string, names: string[]): string {
  if (names.length === 0) {
    return '';
  }
  const shown = [...new Set(names)].sort();
  const more = shown.length > NAMES_SHOWN ? ', ...' : '';
  return `${shown.length} ${shown.length === 1 ? singular : plural} (${shown.slice(0, NAMES_SHOWN).join(', ')}${more})`;
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

/** Where in cdk8s's synthesis a validation runs. */
enum SynthesisStage {
  /** The validation `App.synth` (or `synthYaml`) runs first, before it serializes every chart. */
  APP,
  /**
   * The validation `Chart.toJson` runs again for each chart during `App.synth`, after the first
   * one passed: the app has not changed since.
   */
  REVALIDATION,
  /** Any other: `Testing.synth(chart)`, or a validation called directly. */
  OTHER,
}

/**
 * A stack frame of cdk8s's own `App.synth` or `App.synthYaml`, named by the class of the app (a
 * subclass of `App` shows as `MyApp.synth`) and located in cdk8s's `lib/app.js` (or `src/app.ts`
 * where source maps are applied, as under jest or `node --enable-source-maps`).
 */
const CDK8S_APP_SYNTH = / at \S+\.synth(Yaml)? \(.*[\\/]cdk8s[\\/](lib[\\/]app\.js|src[\\/]app\.ts):/;
/** A stack frame of cdk8s's `App._synthChart` (static: named `App` or `Function`), which `Chart.toJson` calls. */
const CDK8S_SYNTH_CHART = / at \S+\._synthChart \(.*[\\/]cdk8s[\\/](lib[\\/]app\.js|src[\\/]app\.ts):/;

/**
 * cdk8s validates the whole app once in `App.synth` and again for each chart it serializes
 * (`Chart.toJson` calls `App._synthChart`, which validates): analyzing every time would cost
 * the whole analysis once per chart. The call stack tells the stages apart. The assumptions (see
 * README, "Synth-time check"): nothing changes the app between the validations of one `App.synth`, and a
 * stack that does not show these frames (renamed methods, a bundled cdk8s) is
 * `OTHER`, so that every validation is analyzed in full: slower, never wrong.
 */
function synthesisStage(): SynthesisStage {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  if (!CDK8S_APP_SYNTH.test(stack)) {
    return SynthesisStage.OTHER;
  }
  return CDK8S_SYNTH_CHART.test(stack) ? SynthesisStage.REVALIDATION : SynthesisStage.APP;
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

/**
 * Makes the next `toJson()` of each of `apiObjects` (in the current tick) return the JSON at the
 * same position in `objects`. One function and one end-of-tick cleanup serve them all: a closure
 * and a tick callback per object cost about 15 MB of peak memory for 40,000 objects.
 */
function serveOnce(apiObjects: readonly ApiObject[], objects: readonly KubeObject[]): void {
  const jsonByObject = new Map<ApiObject, KubeObject>();
  function serve(this: ApiObject): KubeObject {
    const json = jsonByObject.get(this);
    jsonByObject.delete(this);
    delete (this as Partial<ApiObject>).toJson;
    return json ?? this.toJson();
  }
  apiObjects.forEach((apiObject, i) => {
    jsonByObject.set(apiObject, objects[i]);
    (apiObject as { toJson: () => any }).toJson = serve;
  });
  process.nextTick(() => {
    for (const apiObject of jsonByObject.keys()) {
      if (apiObject.toJson === serve) {
        delete (apiObject as Partial<ApiObject>).toJson;
      }
    }
    jsonByObject.clear();
  });
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
