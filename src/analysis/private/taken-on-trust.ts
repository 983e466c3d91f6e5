import { Assumptions } from '../../rules/analysis/assumptions';
import { DeclaredWorkload, DEFAULT_NAMESPACE, selectorKey } from '../../rules/mesh-index';

/** How many names of each kind the summary shows. */
const NAMES_SHOWN = 3;

/**
 * One line that lists what the analysis took to exist outside its input, so that a reviewer sees
 * what was not checked: `<door>: taken on trust, not defined in the <input>: 2 hosts (a, b), ...`.
 * Empty when nothing was.
 *
 * @param door who speaks, as the line starts: `IstioAnalysis` at synth, `analyze` in the CLI
 * @param input what the analysis read: `app` or `input`
 */
export function takenOnTrust(door: string, input: string, assumed: Assumptions, outsideWorkloads: readonly DeclaredWorkload[] = []): string {
  const parts = [
    counted('host', 'hosts', [...assumed.hosts]),
    counted('Secret', 'Secrets', [...assumed.secrets]),
    counted('Gateway', 'Gateways', [...assumed.gateways]),
    counted('gateway workload', 'gateway workloads', outsideWorkloads.map((w) => `${selectorKey(w.labels)} in ${w.namespace ?? DEFAULT_NAMESPACE}`)),
  ].filter((part) => part !== '');
  return parts.length === 0 ? '' : `${door}: taken on trust, not defined in the ${input}: ${parts.join(', ')}`;
}

function counted(singular: string, plural: string, names: string[]): string {
  if (names.length === 0) {
    return '';
  }
  const shown = [...new Set(names)].sort();
  const more = shown.length > NAMES_SHOWN ? ', ...' : '';
  return `${shown.length} ${shown.length === 1 ? singular : plural} (${shown.slice(0, NAMES_SHOWN).join(', ')}${more})`;
}
