import { Labels, MeshIndex, selectorKey, Workload } from '../mesh-index';
import { appendTo } from '../multimap';

/**
 * For each distinct selector among `selectors` (by its text, `selectorKey`), the selectors that
 * istioctl takes for the same gateway pods: itself, and each other one whose text contains its
 * text or is contained in it, when some workload is selected by both. istioctl compares the
 * texts, not the labels: `app=a,zone=b` and `app=a,tier=c,zone=b` are not related, though every
 * pod of the second is a pod of the first.
 *
 * The selectors are related through the workloads each selects, so the cost grows with the
 * workloads selected, not with the square of the selectors.
 */
export function relatedSelectors(index: MeshIndex, selectors: readonly Labels[]): Map<string, string[]> {
  const byKey = new Map<string, Labels>();
  for (const selector of selectors) {
    byKey.set(selectorKey(selector), selector);
  }
  const workloadsOf = new Map<string, Workload[]>();
  const selectorsOf = new Map<Workload, string[]>();
  for (const [key, selector] of byKey) {
    const workloads = index.selectWorkloads(selector);
    workloadsOf.set(key, workloads);
    for (const workload of workloads) {
      appendTo(selectorsOf, workload, key);
    }
  }
  const related = new Map<string, string[]>();
  for (const [key, workloads] of workloadsOf) {
    const found = new Set<string>([key]);
    for (const workload of workloads) {
      for (const other of selectorsOf.get(workload)!) {
        if (!found.has(other) && (other.includes(key) || key.includes(other))) {
          found.add(other);
        }
      }
    }
    related.set(key, [...found]);
  }
  return related;
}
