import { SHORTCUTS_SWITCH } from '../../src/analysis/private/shortcuts';

// The jest project "plain synthesis" runs the synth-time tests with the shortcuts off.
process.env[SHORTCUTS_SWITCH] = 'off';
