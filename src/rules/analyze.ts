import { analyzeAnnotations } from './analysis/annotations';
import { analyzeApplicationUid } from './analysis/application-uid';
import { analyzeConflictingGateways } from './analysis/conflicting-gateways';
import { Assumptions } from './analysis/assumptions';
import { AnalysisContext } from './analysis/context';
import { analyzeDestinationRuleHosts } from './analysis/destinationrule-hosts';
import { analyzeDeploymentServices } from './analysis/deployment-services';
import { analyzeDeprecatedFields } from './analysis/deprecated-fields';
import { analyzeDestinationRuleTls } from './analysis/destinationrule-tls';
import { analyzeDuplicateCertificates } from './analysis/duplicate-certificate';
import { analyzeDuplicateObjects } from './analysis/duplicate-objects';
import { analyzeGatewayApiBackends } from './analysis/gateway-api-backends';
import { analyzeGatewayApiListeners } from './analysis/gateway-api-listeners';
import { analyzeGatewayApiParents } from './analysis/gateway-api-parents';
import { analyzeGatewayCredentials } from './analysis/gateway-credentials';
import { analyzeGatewayWorkloads } from './analysis/gateway-selected-workloads';
import { analyzeHttpRouteAnswers } from './analysis/http-route-answers';
import { analyzeHostOwnership } from './analysis/host-ownership';
import { analyzeHttpRoutePaths } from './analysis/http-route-paths';
import { analyzeMeshGatewayHosts } from './analysis/mesh-gateway-hosts';
import { analyzeServerTlsSettings } from './analysis/server-tls-settings';
import { analyzeServicePortNames } from './analysis/service-port-names';
import { analyzeServiceEntryAddresses } from './analysis/serviceentry-addresses';
import { analyzeServiceEntryProtocols } from './analysis/serviceentry-protocols';
import { analyzeSidecarSelectors } from './analysis/sidecar-selectors';
import { analyzeStatusConditions } from './analysis/status-conditions';
import { analyzeAuthorizationPolicies } from './analysis/authorization-policies';
import { analyzeEgressLockdown } from './analysis/egress-lockdown';
import { analyzeEgressMeshHops } from './analysis/egress-mesh-hops';
import { analyzeEgressAllowListHosts } from './analysis/egress-allow-list-hosts';
import { analyzeVirtualServiceDestinations } from './analysis/virtualservice-destinations';
import { analyzeVirtualServiceGateways } from './analysis/virtualservice-gateways';
import { analyzeVirtualServiceIngressSubsets } from './analysis/virtualservice-ingress-subsets';
import { analyzeVirtualServiceInternalGateways } from './analysis/virtualservice-internal-gateways';
import { analyzeVirtualServiceMatches } from './analysis/virtualservice-matches';
import { Finding, isSuppressed, KubeObject, suppressedCodes } from './finding';
import { NamespaceHosts } from './host-ownership';
import { MeshConfig } from './mesh-config';
import { IstioRelease } from './istio-release';
import { DeclaredWorkload, isAnalyzedNamespace, MeshIndex, namespaceOf, reportedNamespaceOf } from './mesh-index';
import { readSchema } from './schema';
import { checkObject } from './webhook';

/** Options of `analyze`. */
export interface AnalysisOptions {
  /**
   * Whether to assume the mesh's default gateways: the ingress gateway, as `istioctl analyze
   * --use-kube=false` does (pods labelled `istio: ingressgateway`, the Service
   * `istio-ingressgateway` in `istio-system` with ports 80, 443, 31400 and 15443), and the egress
   * gateway (pods labelled `istio: egressgateway`, the Service `istio-egressgateway` in
   * `istio-system` with ports 80 and 443). Each is ignored when the input defines its Service.
   * @default true
   */
  readonly defaultGateway?: boolean;

  /**
   * Whether a destination host, a DestinationRule host or a credential Secret that the input
   * does not declare is taken to exist outside it (a Service in another repository, a Secret made
   * by cert-manager), instead of being reported (IST0101, IST0174), as istioctl does. So are the
   * subsets of a destination host that no DestinationRule of the input is for, and the parent
   * Gateway of a Gateway API route.
   * @default false
   */
  readonly assumeHostsAndSecretsExist?: boolean;

  /**
   * Gateway workloads that exist outside the input (such as `IngressGateway.fromSelector`
   * declares): Gateways may select them, and their ports, when given, are checked.
   * @default - none
   */
  readonly workloads?: DeclaredWorkload[];

  /**
   * The mesh config, as `istioctl analyze --meshConfigFile` reads it (see
   * `IstioAnalyzer.parseMeshConfig`): with `ingressControllerMode: OFF` there is no default
   * ingress gateway, `ingressService` names its Service, and with DNS capture and auto-allocation
   * ServiceEntries need no `addresses` (IST0134).
   * @default - Istio's default mesh config
   */
  readonly meshConfig?: MeshConfig;

  /**
   * The time credential certificates are judged at (IST0161: expired or not yet valid).
   * @default - the current time
   */
  readonly now?: Date;

  /**
   * The Istio release whose admission rules judge the objects: an older release refuses some of
   * what a newer one admits (relative route weights before 1.15) and lacks fields and options
   * that arrived later (`OPTIONAL_MUTUAL`, `DYNAMIC_DNS`, `warmup`).
   * @default IstioRelease.LATEST
   */
  readonly istioRelease?: IstioRelease;

  /**
   * The hosts each namespace may expose or send egress to (CIG0401); namespaces it does not
   * name are not policed.
   * @default - no namespace is policed
   */
  readonly hostOwnership?: NamespaceHosts[];
}

const ANALYZERS = [
  analyzeGatewayWorkloads,
  analyzeConflictingGateways,
  analyzeDuplicateCertificates,
  analyzeVirtualServiceGateways,
  analyzeVirtualServiceDestinations,
  analyzeMeshGatewayHosts,
  analyzeVirtualServiceMatches,
  analyzeServiceEntryAddresses,
  analyzeDestinationRuleTls,
  analyzeDestinationRuleHosts,
  analyzeDuplicateObjects,
  analyzeVirtualServiceIngressSubsets,
  analyzeGatewayCredentials,
  analyzeVirtualServiceInternalGateways,
  analyzeSidecarSelectors,
  analyzeAuthorizationPolicies,
  analyzeEgressLockdown,
  analyzeHostOwnership,
  analyzeEgressMeshHops,
  analyzeEgressAllowListHosts,
  analyzeDeprecatedFields,
  analyzeServerTlsSettings,
  analyzeHttpRoutePaths,
  analyzeHttpRouteAnswers,
  analyzeServiceEntryProtocols,
  analyzeServicePortNames,
  analyzeApplicationUid,
  analyzeDeploymentServices,
  analyzeAnnotations,
  analyzeGatewayApiListeners,
  analyzeGatewayApiParents,
  analyzeGatewayApiBackends,
  analyzeStatusConditions,
];

/**
 * Analyzes Kubernetes objects (as synthesized or parsed from YAML) the way Istio's admission
 * webhook and `istioctl analyze` would: each object against its CRD's structural schema first, as
 * the API server checks it (fields it would drop are dropped; objects it would refuse go no
 * further, except that those it refuses only for missing required fields still take part in the
 * references, as istioctl reads them), then each object alone, then the references between them.
 * As istioctl does, the references leave out the objects of Kubernetes' own namespaces
 * (`kube-system`, `kube-public`, `kube-node-lease`, `local-path-storage`); the per-object rules
 * still judge them, as the API server and the webhook would.
 * Objects of kinds it does not know are read where they matter (workloads, Services, Secrets)
 * and otherwise ignored. Findings the objects suppress with the `galley.istio.io/analyze-suppress`
 * annotation are left out.
 *
 * @returns the findings, ordered by object (kind, namespace, name) and then as found
 */
export function analyze(objects: readonly KubeObject[], options: AnalysisOptions = {}): Finding[] {
  return analyzeWithAssumptions(objects, options).findings;
}

/** `analyze`, and what it took to exist outside `objects` instead of reporting it. */
export function analyzeWithAssumptions(objects: readonly KubeObject[], options: AnalysisOptions = {}): { findings: Finding[]; assumed: Assumptions } {
  const meshConfig = options.meshConfig ?? {};
  const release = options.istioRelease ?? IstioRelease.LATEST;
  const findings: Finding[] = [];
  const suppressions = new Map<string, string[]>();
  // what istioctl reads: objects the API server would refuse for a wrong value take no part in
  // the references; those it would refuse only for missing fields do, as istioctl reads them
  const read: KubeObject[] = [];
  const schemaFindings: Finding[] = [];
  for (const obj of objects) {
    if (!obj || typeof obj.kind !== 'string') {
      continue;
    }
    const codes = suppressedCodes(obj);
    if (codes.length > 0) {
      suppressions.set(objectKey(obj.kind, reportedNamespaceOf(obj), obj.metadata?.name ?? ''), codes);
    }
    const { stored: admitted, readable } = readSchema(obj, schemaFindings);
    if (schemaFindings.length > 0) {
      findings.push(...schemaFindings.filter((finding) => !isSuppressed(codes, finding.code)));
      schemaFindings.length = 0;
    }
    if (readable !== undefined && isAnalyzedNamespace(readable)) {
      read.push(readable);
    }
    if (admitted === undefined) {
      continue;
    }
    for (const finding of checkObject(admitted, release)) {
      if (!isSuppressed(codes, finding.code)) {
        findings.push(inObjectNamespace(finding, admitted));
      }
    }
  }
  const index = new MeshIndex(read, { defaultGateway: options.defaultGateway ?? true, workloads: options.workloads ?? [], meshConfig });
  const context: AnalysisContext = {
    index,
    assumeHostsAndSecretsExist: options.assumeHostsAndSecretsExist ?? false,
    meshConfig,
    now: options.now ?? new Date(),
    assumed: new Assumptions(),
    hostOwnership: options.hostOwnership ?? [],
  };
  const report = (finding: Finding) => {
    if (!isSuppressed(suppressions.get(objectKey(finding.kind, finding.namespace, finding.name)) ?? [], finding.code)) {
      findings.push(finding);
    }
  };
  for (const analyzer of ANALYZERS) {
    analyzer(context, report);
  }
  return { findings: sortByObject(findings), assumed: context.assumed };
}

/**
 * `finding` named in the namespace the cross-object analysis reads `obj` in (`default` when it has
 * none), as istioctl prints it: the per-object rules report the namespace only when it is set.
 */
function inObjectNamespace(finding: Finding, obj: KubeObject): Finding {
  return { ...finding, namespace: namespaceOf(obj) };
}

/** The key findings and objects are matched by: kind, namespace and name. */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}|${namespace ?? ''}|${name}`;
}

function sortByObject(findings: Finding[]): Finding[] {
  return findings
    .map((finding, position) => ({ finding, position, key: objectKey(finding.kind, finding.namespace, finding.name) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.position - b.position))
    .map((entry) => entry.finding);
}
