import { KubeObject } from '../finding';
import { arrayOf, fullNameOf, namespaceOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, quote, Report } from './messages';

const EXPORT_TO_ALL = '*';
const EXPORT_TO_OWN_NAMESPACE = '.';

/** One ServiceEntry port of a host, in one scope of visibility. */
interface PortEntry {
  readonly serviceEntry: KubeObject;
  /** Upper-cased: Istio reads protocol names without regard to case; no protocol is its own value. */
  readonly protocol: string;
}

/** A host and port of a scope, and the entries that declare them. */
interface ScopedPort {
  readonly scope: string;
  readonly host: string;
  readonly port: number;
  readonly entries: PortEntry[];
}

/**
 * IST0177 ConflictingServiceEntryProtocol: ServiceEntries that declare the same host (as written)
 * and port number with different protocols, where they are visible together: in the same
 * namespace of their `exportTo`, or one of them exported to every namespace. The sidecar builds
 * one listener per host and port, so only one protocol can win.
 *
 * Each ServiceEntry is reported once, on the first conflicting host and port found for it (in
 * input order), naming every ServiceEntry of that conflict.
 */
export function analyzeServiceEntryProtocols(context: AnalysisContext, report: Report): void {
  const byScopedPort = new Map<string, ScopedPort>();
  for (const se of context.index.ofKind('ServiceEntry')) {
    const namespace = namespaceOf(se);
    for (const scope of scopesOf(arrayOf(se.spec?.exportTo), namespace)) {
      for (const host of arrayOf(se.spec?.hosts).map(String)) {
        for (const port of arrayOf(se.spec?.ports)) {
          const number = Number(port?.number);
          const key = scopedPortKey(scope, host, number);
          let scoped = byScopedPort.get(key);
          if (scoped === undefined) {
            scoped = { scope, host, port: number, entries: [] };
            byScopedPort.set(key, scoped);
          }
          scoped.entries.push({ serviceEntry: se, protocol: typeof port?.protocol === 'string' ? port.protocol.toUpperCase() : '' });
        }
      }
    }
  }
  const reported = new Set<KubeObject>();
  for (const scoped of byScopedPort.values()) {
    // entries exported to every namespace are visible in each named scope as well
    const entries = scoped.scope === EXPORT_TO_ALL
      ? scoped.entries
      : [...scoped.entries, ...byScopedPort.get(scopedPortKey(EXPORT_TO_ALL, scoped.host, scoped.port))?.entries ?? []];
    const protocols = [...new Set(entries.map((e) => e.protocol))].sort();
    if (protocols.length < 2) {
      continue;
    }
    const names = [...new Set(entries.map((e) => fullNameOf(e.serviceEntry)))].sort().join(', ');
    for (const { serviceEntry } of entries) {
      if (reported.has(serviceEntry)) {
        continue;
      }
      reported.add(serviceEntry);
      report(findingOf(MESSAGES.ConflictingServiceEntryProtocol, serviceEntry,
        `Multiple ServiceEntries (${names}) define the same host ${quote(scoped.host)} and port ${scoped.port} with conflicting protocols (${protocols.join(', ')}).`));
    }
  }
}

/** The scopes a ServiceEntry is visible in: `*` when exported to every namespace (the default), else the namespaces named. */
function scopesOf(exportTo: readonly unknown[], namespace: string): Set<string> {
  if (exportTo.length === 0 || exportTo.includes(EXPORT_TO_ALL)) {
    return new Set([EXPORT_TO_ALL]);
  }
  return new Set(exportTo.map((e) => (e === EXPORT_TO_OWN_NAMESPACE ? namespace : String(e))));
}

function scopedPortKey(scope: string, host: string, port: number): string {
  return `${scope}|${host}|${port}`;
}
