import { SHORTCUTS_SWITCH } from '../../src/analysis/private/shortcuts';

/** True when the synth-time check takes its shortcuts: in every jest project but "plain synthesis". */
export function shortcutsOn(): boolean {
  return process.env[SHORTCUTS_SWITCH] !== 'off';
}
