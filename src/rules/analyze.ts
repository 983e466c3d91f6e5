import { analyzeConflictingGateways } from './analysis/conflicting-gateways';
import { Assumptions } from './analysis/assumptions';
import { AnalysisContext } from './analysis/context';
import { analyzeDestinationRuleHosts } from './analysis/destinationrule-hosts';
import { analyzeDestinationRuleTls } from './analysis/destinationrule-tls';
import { analyzeDuplicateCertificates } from './analysis/duplicate-certificate';
import { analyzeGatewayWorkloads } from './analysis/gateway-workload';
import { analyzeMeshGatewayHosts } from './analysis/mesh-gateway-hosts';
import { analyzeServiceEntryAddresses } from './analysis/serviceentry-addresses';
import { analyzeVirtualServiceDestinations } from './analysis/virtualservice-destinations';
import { analyzeVirtualServiceGateways } from './analysis/virtualservice-gateways';
import { analyzeVirtualServiceMatches } from './analysis/virtualservice-matches';
import { Finding, isSuppressed, KubeObject, suppressedCodes } from './finding';
import { DeclaredWorkload, MeshIndex, namespaceOf } from './mesh-index';
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
   * subsets of a destination host that no DestinationRule of the input is for.
   * @default false
   */
  readonly assumeHostsAndSecretsExist?: boolean;

  /**
   * Gateway workloads that exist outside the input (such as `IngressGateway.fromSelector`
   * declares): Gateways may select them, and their ports, when given, are checked.
   * @default - none
   */
  readonly workloads?: DeclaredWorkload[];
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
];

/**
 * Analyzes Kubernetes objects (as synthesized or parsed from YAML) the way Istio's admission
 * webhook and `istioctl analyze` would: each object alone, then the references between them.
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
  const index = new MeshIndex(objects, { defaultGateway: options.defaultGateway ?? true, workloads: options.workloads ?? [] });
  const assumed = new Assumptions();
  const context: AnalysisContext = { index, assumeHostsAndSecretsExist: options.assumeHostsAndSecretsExist ?? false, assumed };
  const findings: Finding[] = [];
  const suppressions = new Map<string, string[]>();
  for (const obj of objects) {
    if (!obj || typeof obj.kind !== 'string') {
      continue;
    }
    const codes = suppressedCodes(obj);
    if (codes.length > 0) {
      suppressions.set(objectKey(obj.kind, namespaceOf(obj), obj.metadata?.name ?? ''), codes);
    }
    for (const finding of checkObject(obj)) {
      if (!isSuppressed(codes, finding.code)) {
        findings.push(inObjectNamespace(finding, obj));
      }
    }
  }
  const report = (finding: Finding) => {
    if (!isSuppressed(suppressions.get(objectKey(finding.kind, finding.namespace, finding.name)) ?? [], finding.code)) {
      findings.push(finding);
    }
  };
  for (const analyzer of ANALYZERS) {
    analyzer(context, report);
  }
  return { findings: sortByObject(findings), assumed };
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
