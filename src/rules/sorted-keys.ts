/**
 * The keys of `value` in sorted order. Objects of synthesized manifests mostly have one key, or
 * keys already in order: those are returned without sorting, which in V8 copies the array, and
 * the analysis asks for the sorted keys of tens of thousands of objects in a large app.
 */
export function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1] > keys[i]) {
      return keys.sort();
    }
  }
  return keys;
}
