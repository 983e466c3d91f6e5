/** Adds `item` to the list `map` keeps under `key`, starting the list when there is none. */
export function appendTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const items = map.get(key);
  if (items) {
    items.push(item);
  } else {
    map.set(key, [item]);
  }
}
