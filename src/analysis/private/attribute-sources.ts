import { objectKey } from '../../rules/analyze';
import { Finding, KubeObject } from '../../rules/finding';
import { namespaceOf } from '../../rules/mesh-index';

/** An object and where it came from. */
export interface Sourced {
  readonly object: KubeObject;
  readonly source: string;
}

/**
 * Each finding with the sources of every copy of its object, in input order, so that a finding
 * about objects of several inputs names them all. A finding about an object none of `objects`
 * is (an assumed default gateway) has no sources.
 */
export function attributeSources(findings: readonly Finding[], objects: readonly Sourced[]): Finding[] {
  const sourcesByKey = new Map<string, string[]>();
  for (const { object, source } of objects) {
    const key = objectKey(object.kind, namespaceOf(object), object.metadata?.name ?? '');
    const sources = sourcesByKey.get(key);
    if (sources === undefined) {
      sourcesByKey.set(key, [source]);
    } else if (!sources.includes(source)) {
      sources.push(source);
    }
  }
  return findings.map((finding) => {
    const sources = sourcesByKey.get(objectKey(finding.kind, finding.namespace, finding.name));
    return sources === undefined ? finding : { ...finding, sources: [...sources] };
  });
}
