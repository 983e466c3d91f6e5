import { KubeObject } from '../finding';
import { DEFAULT_ROOT_NAMESPACE } from '../mesh-config';
import { apiGroupOf, namespaceOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, quote, Report } from './messages';

/**
 * REGISTRY_ONLY stops sidecars from calling unknown hosts, but a pod that bypasses its sidecar
 * (or has none) still reaches any address: Istio's guidance is to pair it with NetworkPolicies.
 * A namespace in REGISTRY_ONLY mode, by a Sidecar of its own or the root namespace's, whose
 * egress no NetworkPolicy restricts for all of its pods is reported (CIG0301), on that Sidecar.
 *
 * Where objects may be outside the input (the synth-time check of an app that holds part of the
 * mesh), the NetworkPolicies may be too, and nothing is reported.
 */
export function analyzeEgressLockdown(context: AnalysisContext, report: Report): void {
  if (context.assumeHostsAndSecretsExist) {
    return;
  }
  const namespaceWide = new Map<string, KubeObject>();
  for (const sidecar of context.index.ofKind('Sidecar')) {
    if (!hasSelector(sidecar) && !namespaceWide.has(namespaceOf(sidecar))) {
      namespaceWide.set(namespaceOf(sidecar), sidecar);
    }
  }
  if (namespaceWide.size === 0) {
    return;
  }
  const lockedDown = new Set(context.index.ofKind('NetworkPolicy').filter(restrictsEgressOfAllPods).map(namespaceOf));
  const rootNamespace = context.meshConfig.rootNamespace ?? DEFAULT_ROOT_NAMESPACE;
  const meshWide = namespaceWide.get(rootNamespace);
  const registryOnly = new Map<string, KubeObject>();
  for (const [namespace, sidecar] of namespaceWide) {
    if (namespace !== rootNamespace && isRegistryOnly(sidecar)) {
      registryOnly.set(namespace, sidecar);
    }
  }
  if (meshWide !== undefined && isRegistryOnly(meshWide)) {
    const withPods = new Set(context.index.selectWorkloads({}).map((w) => w.namespace));
    for (const namespace of [...withPods].sort()) {
      if (namespace !== rootNamespace && !namespaceWide.has(namespace)) {
        registryOnly.set(namespace, meshWide);
      }
    }
  }
  for (const [namespace, sidecar] of registryOnly) {
    if (!lockedDown.has(namespace)) {
      report(findingOf(MESSAGES.EgressNotLockedDown, sidecar, `Namespace ${quote(namespace)} is in REGISTRY_ONLY mode, but no NetworkPolicy restricts the egress of all of its pods: a pod that bypasses its sidecar can reach any address.`));
    }
  }
}

function hasSelector(sidecar: KubeObject): boolean {
  const labels = sidecar.spec?.workloadSelector?.labels;
  return !!labels && typeof labels === 'object' && Object.keys(labels).length > 0;
}

function isRegistryOnly(sidecar: KubeObject): boolean {
  return sidecar.spec?.outboundTrafficPolicy?.mode === 'REGISTRY_ONLY';
}

/** A NetworkPolicy that selects every pod of its namespace and governs their egress. */
function restrictsEgressOfAllPods(policy: KubeObject): boolean {
  if (apiGroupOf(policy) !== 'networking.k8s.io') {
    return false;
  }
  const spec = policy.spec ?? {};
  const selector = spec.podSelector ?? {};
  const selectsAll = Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
  const types: unknown[] = Array.isArray(spec.policyTypes) ? spec.policyTypes : spec.egress !== undefined ? ['Egress'] : [];
  return selectsAll && types.includes('Egress');
}
