import { AnalysisOptions } from '../rules/analyze';
import { FindingLevel } from '../rules/finding';
import { hostOwnershipProblem, NamespaceHosts } from '../rules/host-ownership';
import { IstioRelease } from '../rules/istio-release';
import { MeshConfig } from '../rules/mesh-config';
import { DeclaredWorkload } from '../rules/mesh-index';

/**
 * How the analysis judges objects. One set of options serves its four doors: the synth-time
 * check (`IstioAnalysis.enable(app, options)`), the cdk8s validation plugin (`IstioAnalysisPlugin`,
 * under `properties:` in `cdk8s.yaml`), the `analyze` CLI (as flags) and `IstioAnalyzer.analyze`.
 *
 * The doors share every default but one, `assumeHostsAndSecretsExist`, because they see different
 * inputs: a cdk8s app seldom holds the whole mesh, while the CLI and `IstioAnalyzer` read
 * manifests as `istioctl analyze` does, which reports what its input lacks.
 *
 * | option | synth-time check | plugin (`properties:`) | CLI | `IstioAnalyzer` |
 * | --- | --- | --- | --- | --- |
 * | `defaultGateway` | true | true | true; `--no-default-gateway` | true |
 * | `assumeHostsAndSecretsExist` | **true** | **true** | false; `--assume-hosts-and-secrets-exist` | false |
 * | `meshConfig` | Istio's default | Istio's default, as a mapping | Istio's default; `--meshConfigFile FILE` | Istio's default |
 * | `istioRelease` | `IstioRelease.LATEST` | latest, as `"1.22"` | latest; `--istio-version 1.22` | `IstioRelease.LATEST` |
 * | `failureThreshold` | `FindingLevel.ERROR` | `Error`, as `Warning` | `Error`; `--failure-threshold Warning` | not read: it returns every finding |
 * | `workloads` | none besides what `fromSelector` declares | none, as a list of mappings | none; no flag | none |
 * | `now` | the current time | the current time, as `"2026-01-01T00:00:00Z"` | the current time; no flag | the current time |
 * | `hostOwnership` | none policed | none policed, as a list of mappings | none policed; `--host-ownership FILE` | none policed |
 */
export interface IstioAnalysisOptions {
  /**
   * Whether to assume the mesh's default gateways, as `istioctl analyze --use-kube=false` does:
   * the ingress gateway (pods labelled `istio: ingressgateway`, the Service
   * `istio-ingressgateway` in `istio-system` with ports 80, 443, 31400 and 15443) and the egress
   * gateway (pods labelled `istio: egressgateway`, the Service `istio-egressgateway` in
   * `istio-system` with ports 80 and 443). Each is ignored when the input defines its Service.
   * @default true - at every door
   */
  readonly defaultGateway?: boolean;

  /**
   * Whether a destination host, a DestinationRule host or a credential Secret that the input does
   * not define is taken to exist elsewhere (a Service in another repository, a Secret made by
   * cert-manager) instead of being reported (IST0101, IST0174), and so are the subsets of a host
   * that no DestinationRule of the input is for, and the Gateway API Gateway a route attaches to
   * (`KubernetesGateway.fromName`). What is taken on trust is listed in one line on
   * stderr by the synth-time check and the CLI. Set it to false when the input holds the whole
   * mesh configuration.
   * @default - true for the synth-time check and the plugin (an app seldom holds the whole mesh);
   * false for the CLI and `IstioAnalyzer`, as istioctl
   */
  readonly assumeHostsAndSecretsExist?: boolean;

  /**
   * The mesh config of the mesh the input is for, as `istioctl analyze --meshConfigFile` reads it
   * (`IstioAnalyzer.parseMeshConfig` reads the YAML): with `ingressControllerMode: OFF` there is
   * no default ingress gateway, `ingressService` names its Service, and with DNS capture and
   * auto-allocation ServiceEntries need no `addresses` (IST0134).
   * @default - Istio's default mesh config
   */
  readonly meshConfig?: MeshConfig;

  /**
   * The Istio release the input is for: the admission rules of that release judge it, and the
   * constructs refuse what it lacks (relative route weights before 1.15: use `percent`;
   * `ServerTls.optionalMutual` before 1.19; several mirrors before 1.20). For the synth-time
   * check, give it before adding routes, so that they are judged as they are added.
   * @default IstioRelease.LATEST
   */
  readonly istioRelease?: IstioRelease;

  /**
   * The level at which a finding fails, as istioctl's `--failure-threshold`: `WARNING` fails on
   * warnings too. The synth-time check prints the findings below it to stderr; the plugin and the
   * CLI report every finding either way. `IstioAnalyzer.analyze` returns every finding and does
   * not read it.
   * @default FindingLevel.ERROR
   */
  readonly failureThreshold?: FindingLevel;

  /**
   * Gateway workloads that exist outside the input (labels, namespace, Service name, ports):
   * Gateways may select them, and their ports, when given, are checked. At synth time they come
   * in addition to those that `IngressGateway.fromSelector` and `EgressGateway.fromSelector`
   * declare with `existsOutsideApp`.
   * @default - none
   */
  readonly workloads?: DeclaredWorkload[];

  /**
   * The time credential certificates are judged at (IST0161: expired or not yet valid).
   * @default - the current time
   */
  readonly now?: Date;

  /**
   * A host ownership policy: the hosts (exact, or wildcards such as `*.team-a.example.com`) each
   * namespace may expose (Istio Gateway servers, VirtualServices bound to gateways, Gateway API
   * listeners and routes) or send egress to (MESH_EXTERNAL ServiceEntries, and the
   * VirtualServices of the sidecars for their hosts). A host outside its namespace's hosts is an
   * error (CIG0401), reported on the object that claims it. A namespace the policy does not name
   * is not policed; one named by several entries owns the hosts of all of them.
   * @default - no namespace is policed
   */
  readonly hostOwnership?: NamespaceHosts[];
}

/** A door of the analysis: where it is run from decides its defaults (see `IstioAnalysisOptions`). */
export enum AnalysisDoor {
  SYNTH = 'synth-time check',
  PLUGIN = 'plugin',
  CLI = 'CLI',
  ANALYZER = 'IstioAnalyzer',
}

/** The options of one door, every default filled in. */
export interface ResolvedAnalysisOptions extends AnalysisOptions {
  readonly defaultGateway: boolean;
  readonly assumeHostsAndSecretsExist: boolean;
  readonly istioRelease: IstioRelease;
  readonly failureThreshold: FindingLevel;
  readonly workloads: DeclaredWorkload[];
  readonly hostOwnership: NamespaceHosts[];
}

/** The one default that differs by door, as the table of `IstioAnalysisOptions` says. */
const ASSUMES_HOSTS_AND_SECRETS: { readonly [door in AnalysisDoor]: boolean } = {
  [AnalysisDoor.SYNTH]: true,
  [AnalysisDoor.PLUGIN]: true,
  [AnalysisDoor.CLI]: false,
  [AnalysisDoor.ANALYZER]: false,
};

/**
 * `options` with the defaults of `door` for what it leaves out.
 * @throws naming the entry, the value and what is valid when `hostOwnership` is malformed
 */
export function resolveAnalysisOptions(options: IstioAnalysisOptions, door: AnalysisDoor): ResolvedAnalysisOptions {
  const problem = hostOwnershipProblem(options.hostOwnership ?? []);
  if (problem !== undefined) {
    throw new Error(`invalid ${problem.field} ${JSON.stringify(problem.value)}: ${problem.problem}`);
  }
  return {
    defaultGateway: options.defaultGateway ?? true,
    assumeHostsAndSecretsExist: options.assumeHostsAndSecretsExist ?? ASSUMES_HOSTS_AND_SECRETS[door],
    meshConfig: options.meshConfig,
    istioRelease: options.istioRelease ?? IstioRelease.LATEST,
    failureThreshold: options.failureThreshold ?? FindingLevel.ERROR,
    workloads: options.workloads ?? [],
    now: options.now,
    hostOwnership: options.hostOwnership ?? [],
  };
}
