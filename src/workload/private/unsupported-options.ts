import { IConstruct } from 'constructs';
import { invalidInput } from '../../private/errors';
import { GatewayWorkloadOptions } from '../gateway-workload-options';

/** An option a kind cannot express, and what to do instead. */
export interface UnsupportedOption {
  readonly option: keyof GatewayWorkloadOptions;
  readonly instead: string;
}

/** Throws when `options` sets an option the kind cannot express, naming the kind and the option. */
export function rejectUnsupportedOptions(scope: IConstruct, kind: string, options: GatewayWorkloadOptions, unsupported: readonly UnsupportedOption[]): void {
  for (const { option, instead } of unsupported) {
    if (options[option] !== undefined) {
      throw invalidInput(scope, option, options[option], `${article(kind)} ${kind} cannot express ${option}: ${instead}`);
    }
  }
}

/** Throws when `labels` sets one of the labels the kind selects its pods by. */
export function rejectReservedLabels(scope: IConstruct, kind: string, labels: { [key: string]: string } | undefined, reserved: readonly string[]): void {
  for (const label of reserved) {
    if (labels?.[label] !== undefined) {
      throw invalidInput(scope, `labels["${label}"]`, labels[label], `${article(kind)} ${kind} labels its pods ${label} itself, to select them by: leave it out`);
    }
  }
}

function article(kind: string): string {
  return /^[aeiou]/i.test(kind) ? 'an' : 'a';
}
