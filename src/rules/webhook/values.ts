/**
 * Tolerant readers for plain JSON: the rules run on any YAML, so a field of the wrong type reads
 * as absent instead of throwing (the CRD schema reports the type itself).
 */

/** `value` when it is a plain object. */
export function objectAt(value: unknown): { [key: string]: any } | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as { [key: string]: any } : undefined;
}

/** What `listAt` and `entriesAt` read an absent field as: one shared empty list, as most fields are absent. */
const NONE: readonly any[] = Object.freeze([]);

/** `value` when it is an array, else an empty one. */
export function listAt(value: unknown): readonly any[] {
  return Array.isArray(value) ? value : NONE;
}

/** `value` when it is a string, else the empty string (protobuf's unset string). */
export function stringAt(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** `value` when it is a number, else 0 (protobuf's unset number). */
export function numberAt(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/** The entries of a string map, or none. */
export function entriesAt(value: unknown): readonly [string, any][] {
  const map = objectAt(value);
  return map ? Object.entries(map) : NONE;
}

/** True when a field is present: protobuf treats null as unset. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** True when a list field holds at least one item. */
export function hasItems(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

/** `value` quoted for a message. */
export function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
