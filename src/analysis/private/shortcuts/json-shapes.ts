/**
 * A copy of `json` (what `ApiObject.toJson()` returns) with the same keys, in the same order, and
 * the same values, whose objects share V8's hidden classes.
 *
 * The L1 classes that `cdk8s import` generates build their JSON with object spreads
 * (`{ ...GVK, ...props }`, and `{ ...r, [key]: value }` for each field), and V8 gives nearly
 * every object built so a hidden class of its own: 40,000 objects make as many classes for their
 * top level alone. Each class costs memory, and field reads across that many classes miss V8's
 * caches, which made the analysis of a large app twice as slow. Objects built key by key in one
 * function share their classes.
 *
 * Only plain objects and arrays are copied; any other value is kept as it is. An object that
 * appears twice appears twice in the copy as one object too, so that the YAML (which writes
 * repeated objects as aliases) does not change.
 */
export function copyWithSharedShapes(json: unknown): unknown {
  return copyValue(json, new Map());
}

function copyValue(value: unknown, copies: Map<object, unknown>): unknown {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const done = copies.get(value);
  if (done !== undefined) {
    return done;
  }
  let copy: unknown;
  if (Array.isArray(value)) {
    // map, not push: arrays grown by push keep spare room, 25 MB at the benchmark's 40,000 objects
    copy = value.map((item) => copyValue(item, copies));
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    const object: { [key: string]: unknown } = {};
    for (const key of Object.keys(value)) {
      object[key] = copyValue((value as { [key: string]: unknown })[key], copies);
    }
    copy = object;
  } else {
    return value;
  }
  copies.set(value, copy);
  return copy;
}
