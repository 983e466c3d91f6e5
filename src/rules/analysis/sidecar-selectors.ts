import { KubeObject } from '../finding';
import { Labels, namespaceOf, POD_TEMPLATE_KINDS, selectorKey, selects } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, list, MESSAGES, quote, Report } from './messages';
import { appendTo } from '../multimap';

/** A Sidecar with a workload selector. */
interface SelectiveSidecar {
  readonly sidecar: KubeObject;
  readonly selector: Labels;
}

/**
 * Which Sidecar configures a workload must be clear: a namespace holds at most one Sidecar
 * without a workload selector (IST0111), and no pod is selected by two Sidecars of its namespace
 * (IST0110). Otherwise Istio picks one of them, and which one is undefined. A Sidecar's selector
 * must select some pod of its namespace (IST0101), unless the pods may be outside the input
 * (`assumeHostsAndSecretsExist`).
 *
 * Pods are the input's Pods and the pod templates of its Deployments and other workloads, named
 * after the object that holds them.
 */
export function analyzeSidecarSelectors(context: AnalysisContext, report: Report): void {
  const namespaceWide = new Map<string, KubeObject[]>();
  const byLabel = new Map<string, SelectiveSidecar[]>();
  const selective: SelectiveSidecar[] = [];
  for (const sidecar of context.index.ofKind('Sidecar')) {
    const namespace = namespaceOf(sidecar);
    const selector = selectorOf(sidecar);
    if (selector === undefined) {
      appendTo(namespaceWide, namespace, sidecar);
      continue;
    }
    const entry = { sidecar, selector };
    selective.push(entry);
    for (const key of Object.keys(selector)) {
      appendTo(byLabel, `${namespace} ${key}=${selector[key]}`, entry);
    }
  }
  for (const [namespace, sidecars] of namespaceWide) {
    if (sidecars.length > 1) {
      const message = `The Sidecars ${list(namesOf(sidecars))} in namespace ${quote(namespace)} have no workload selector, which can lead to undefined behavior.`;
      for (const sidecar of sidecars) {
        report(findingOf(MESSAGES.MultipleSidecarsWithoutWorkloadSelectors, sidecar, message));
      }
    }
  }
  if (selective.length === 0) {
    return;
  }
  const selecting = reportConflictingSelectors(context, byLabel, report);
  if (!context.assumeHostsAndSecretsExist) {
    for (const { sidecar, selector } of selective.filter((s) => !selecting.has(s.sidecar))) {
      report(findingOf(MESSAGES.ReferencedResourceNotFound, sidecar, `Referenced selector not found: ${quote(selectorKey(selector))}`));
    }
  }
}

/** Reports the pods that several Sidecars select (IST0110); returns the Sidecars that select some pod. */
function reportConflictingSelectors(context: AnalysisContext, byLabel: Map<string, SelectiveSidecar[]>, report: Report): Set<KubeObject> {
  const selectingSome = new Set<KubeObject>();
  for (const kind of context.index.kinds()) {
    if (kind !== 'Pod' && !POD_TEMPLATE_KINDS.has(kind)) {
      continue;
    }
    for (const pod of context.index.ofKind(kind)) {
      const labels: Labels | undefined = kind === 'Pod' ? pod.metadata?.labels : pod.spec?.template?.metadata?.labels;
      if (!labels || typeof labels !== 'object') {
        continue;
      }
      const namespace = namespaceOf(pod);
      const selecting = new Set<KubeObject>();
      for (const key of Object.keys(labels)) {
        for (const candidate of byLabel.get(`${namespace} ${key}=${labels[key]}`) ?? []) {
          if (selects(candidate.selector, labels)) {
            selecting.add(candidate.sidecar);
          }
        }
      }
      for (const sidecar of selecting) {
        selectingSome.add(sidecar);
      }
      if (selecting.size > 1) {
        const message = `The Sidecars ${list(namesOf([...selecting]))} in namespace ${quote(namespace)} select the same workload pod ${quote(pod.metadata?.name ?? '')}, which can lead to undefined behavior.`;
        for (const sidecar of selecting) {
          report(findingOf(MESSAGES.ConflictingSidecarWorkloadSelectors, sidecar, message));
        }
      }
    }
  }
  return selectingSome;
}

/** The Sidecar's workload selector labels, or undefined when it has none (it applies to its whole namespace). */
function selectorOf(sidecar: KubeObject): Labels | undefined {
  const labels = sidecar.spec?.workloadSelector?.labels;
  if (!labels || typeof labels !== 'object' || Object.keys(labels).length === 0) {
    return undefined;
  }
  return labels;
}

function namesOf(objects: readonly KubeObject[]): string[] {
  return objects.map((o) => o.metadata?.name ?? '').sort();
}
