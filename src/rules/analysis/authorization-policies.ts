import { KubeObject } from '../finding';
import { DEFAULT_ROOT_NAMESPACE } from '../mesh-config';
import { Labels, namespaceOf, selectorKey } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, quote, Report } from './messages';

/**
 * What an AuthorizationPolicy refers to must be there, as istioctl's AuthorizationPoliciesAnalyzer
 * checks it: its selector matches some pod (IST0127) in its namespace, or anywhere in the mesh for
 * a policy of the root namespace, and a namespace-wide policy's namespace has pods at all; each
 * namespace its sources name, or exclude, matches a Namespace of the input (IST0101).
 *
 * Where hosts and Secrets are assumed to exist outside the input (the synth-time check of an app
 * that holds part of the mesh), pods and Namespaces may be outside it too, and neither is reported.
 */
export function analyzeAuthorizationPolicies(context: AnalysisContext, report: Report): void {
  const policies = context.index.ofKind('AuthorizationPolicy');
  if (policies.length === 0 || context.assumeHostsAndSecretsExist) {
    return;
  }
  const rootNamespace = context.meshConfig.rootNamespace ?? DEFAULT_ROOT_NAMESPACE;
  const namespaces = context.index.ofKind('Namespace').map((ns) => String(ns.metadata?.name ?? ''));
  const namespacesWithPods = new Set(context.index.selectWorkloads({}).map((w) => w.namespace));
  for (const policy of policies) {
    reportUnmatchedSelector(context, policy, rootNamespace, namespacesWithPods, report);
    for (const namespace of sourceNamespacesOf(policy)) {
      if (!namespaces.some((name) => namespaceMatches(name, namespace))) {
        report(findingOf(MESSAGES.ReferencedResourceNotFound, policy, `Referenced namespace not found: ${quote(namespace)}`));
      }
    }
  }
}

function reportUnmatchedSelector(context: AnalysisContext, policy: KubeObject, rootNamespace: string, namespacesWithPods: ReadonlySet<string>, report: Report): void {
  const namespace = namespaceOf(policy);
  const selector = selectorOf(policy);
  const meshWide = namespace === rootNamespace;
  if (selector === undefined) {
    if (!meshWide && !namespacesWithPods.has(namespace)) {
      report(findingOf(MESSAGES.NoMatchingWorkloadsFound, policy, 'No matching workloads for this resource with the following labels: '));
    }
    return;
  }
  const selected = context.index.selectWorkloads(selector);
  if (!selected.some((w) => meshWide || w.namespace === namespace)) {
    report(findingOf(MESSAGES.NoMatchingWorkloadsFound, policy, `No matching workloads for this resource with the following labels: ${selectorKey(selector)}`));
  }
}

/** The policy's `selector.matchLabels`, or undefined when it has no selector (it applies to its whole namespace). */
function selectorOf(policy: KubeObject): Labels | undefined {
  const selector = policy.spec?.selector;
  if (!selector || typeof selector !== 'object') {
    return undefined;
  }
  const labels = selector.matchLabels;
  return labels && typeof labels === 'object' ? labels : {};
}

/** The namespaces each source names and excludes, in the policy's order. */
function sourceNamespacesOf(policy: KubeObject): string[] {
  const found: string[] = [];
  for (const rule of listOf(policy.spec?.rules)) {
    for (const from of listOf(rule?.from)) {
      const source = from?.source;
      found.push(...listOf(source?.namespaces).map(String), ...listOf(source?.notNamespaces).map(String));
    }
  }
  return found;
}

function listOf(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/** Whether the namespace `name` matches `pattern`: `*`, a `*suffix`, a `prefix*` or the name itself, as Istio matches them. */
function namespaceMatches(name: string, pattern: string): boolean {
  if (pattern === '*') {
    return true;
  }
  if (pattern.startsWith('*')) {
    return name.endsWith(pattern.slice(1));
  }
  if (pattern.endsWith('*')) {
    return name.startsWith(pattern.slice(0, -1));
  }
  return name.toLowerCase() === pattern.toLowerCase();
}
