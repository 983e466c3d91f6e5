import { FieldPath } from './walk';

/**
 * A copy of `root` without the fields at `paths`, as the API server prunes them. Only the
 * objects and lists on the way to a pruned field are copied; everything else is shared.
 */
export function withoutFields(root: object, paths: readonly FieldPath[]): object {
  const copies = new Map<object, any>();
  const copyOf = (original: any): any => {
    let copy = copies.get(original);
    if (copy === undefined) {
      copy = Array.isArray(original) ? [...original] : { ...original };
      copies.set(original, copy);
    }
    return copy;
  };
  for (const path of paths) {
    let original: any = root;
    for (let i = 0; i < path.length - 1; i++) {
      const next = original[path[i]];
      copyOf(original)[path[i]] = copyOf(next);
      original = next;
    }
    delete copyOf(original)[path[path.length - 1]];
  }
  return copyOf(root);
}
