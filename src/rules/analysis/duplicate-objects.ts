import { Finding, KubeObject } from '../finding';
import { apiGroupOf, fullNameOf, namespaceOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, Report } from './messages';

/**
 * CIG0001 DuplicateObject: two objects of one kind and API group with the same namespace and
 * name. Applied together, the later one silently replaces the earlier, so only one of them ever
 * takes effect. Reported on each copy after the first; objects without a name (`generateName`)
 * are left alone.
 */
export function analyzeDuplicateObjects(context: AnalysisContext, report: Report): void {
  const duplicates = new DuplicateObjects();
  for (const kind of context.index.kinds()) {
    for (const obj of context.index.ofKind(kind)) {
      const finding = duplicates.add(obj);
      if (finding) {
        report(finding);
      }
    }
  }
}

/** The objects seen so far, by kind, API group, namespace and name. */
export class DuplicateObjects {
  /**
   * The names seen, by API version and kind, then namespace: nested maps rather than a key string
   * per object, since the synth-time check passes tens of thousands of objects on every synth.
   * API versions of one group share their maps.
   */
  private readonly byApiVersion = new Map<string, Map<string, Map<string, Set<string>>>>();
  /** The maps of each API group, by kind. */
  private readonly byGroup = new Map<string, Map<string, Map<string, Set<string>>>>();

  /** The CIG0001 finding on `obj` when an object of its kind, API group, namespace and name came before it. */
  public add(obj: KubeObject): Finding | undefined {
    const name = obj.metadata?.name;
    if (typeof name !== 'string' || name === '') {
      return undefined;
    }
    const byKind = this.kindsOf(obj.apiVersion);
    let byNamespace = byKind.get(obj.kind);
    if (!byNamespace) {
      byNamespace = new Map();
      byKind.set(obj.kind, byNamespace);
    }
    const namespace = namespaceOf(obj);
    let names = byNamespace.get(namespace);
    if (!names) {
      names = new Set();
      byNamespace.set(namespace, names);
    }
    if (!names.has(name)) {
      names.add(name);
      return undefined;
    }
    const group = apiGroupOf(obj);
    const kind = group === '' ? obj.kind : `${obj.kind}.${group}`;
    return findingOf(MESSAGES.DuplicateObject, obj,
      `Another ${kind} named ${fullNameOf(obj)} comes earlier in the input: applying both, this one replaces it, and only one takes effect.`);
  }

  private kindsOf(apiVersion: string): Map<string, Map<string, Set<string>>> {
    let byKind = this.byApiVersion.get(apiVersion);
    if (!byKind) {
      const group = apiGroupOf({ apiVersion, kind: '' });
      byKind = this.byGroup.get(group) ?? new Map();
      this.byGroup.set(group, byKind);
      this.byApiVersion.set(apiVersion, byKind);
    }
    return byKind;
  }
}
