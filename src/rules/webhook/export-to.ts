import { isDnsLabel } from './names';
import { Report } from './report';
import { listAt, stringAt } from './values';

const PRIVATE = '.';
const PUBLIC = '*';
const NONE = '~';

/** How a kind may use `exportTo`. */
export interface ExportToOptions {
  /** ServiceEntries alone may be exported to no one (`~`). */
  readonly allowNone?: boolean;
  /** A DestinationRule with a workload selector may only be visible in its own namespace. */
  readonly selectorBound?: boolean;
}

/** Reports what Istio rejects in an `exportTo` list: unknown entries, duplicates, `*` or `~` with others. */
export function checkExportTo(report: Report, path: string, exportTo: unknown, namespace: string | undefined, options: ExportToOptions = {}): void {
  const entries = listAt(exportTo).map(stringAt);
  if (entries.length === 0) {
    return;
  }
  // entry by key; `.` is the object's own namespace, so `.` and that namespace are duplicates
  const seen = new Map<string, string>();
  entries.forEach((entry, i) => {
    const key = entry === PRIVATE ? namespace ?? PRIVATE : entry;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      report.error(`${path}[${i}]`, earlier === entry ? `duplicate entry "${entry}" in exportTo` : `duplicate entries in exportTo: "." and the object's namespace "${namespace}"`);
      return;
    }
    if (entry === NONE && !options.allowNone) {
      report.error(`${path}[${i}]`, 'exportTo "~" (no one) is only allowed for service entries');
      return;
    }
    if (entry !== PRIVATE && entry !== PUBLIC && entry !== NONE && !isDnsLabel(entry)) {
      report.error(`${path}[${i}]`, `invalid exportTo entry "${entry}": expected ".", "*" or a namespace name`);
      return;
    }
    seen.set(key, entry);
  });
  if (options.selectorBound) {
    const own = namespace ?? PRIVATE;
    if (!seen.has(own)) {
      report.error(path, 'a destination rule with a workload selector cannot be exported beyond its own namespace');
    } else if (seen.size > 1) {
      report.error(path, 'a destination rule with a workload selector cannot have more than one exportTo entry');
    }
  }
  if (seen.has(PUBLIC) && entries.length > 1) {
    report.error(path, 'cannot combine "*" (every namespace) with other exportTo entries');
  }
  if (seen.has(NONE) && entries.length > 1) {
    report.error(path, 'cannot export to no one ("~") and to some namespaces at once');
  }
}

/**
 * Whether an object in `ownNamespace` whose `exportTo` is given is visible in `namespace`: no
 * `exportTo` (or `*`) is every namespace, `.` its own. An unknown namespace counts as visible.
 */
export function isExportedTo(exportTo: readonly string[] | undefined, ownNamespace: string | undefined, namespace: string | undefined): boolean {
  if (exportTo === undefined || exportTo.length === 0 || exportTo.includes(PUBLIC) || namespace === undefined) {
    return true;
  }
  return exportTo.some((entry) => entry === namespace || (entry === PRIVATE && (ownNamespace === undefined || ownNamespace === namespace)));
}
