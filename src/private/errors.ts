import { IConstruct } from 'constructs';

/**
 * The error for input a construct cannot accept: it names the construct path, the field, the
 * value received and what would be valid, so the message alone is enough to fix the program.
 */
export function invalidInput(scope: IConstruct, field: string, value: unknown, expected: string): Error {
  return new Error(`${scope.node.path || '<root>'}: invalid ${field} ${describe(value)}: ${expected}`);
}

/**
 * Throws when a rule predicate of `src/rules` found a problem with `value`: the rule's own
 * reason, wrapped with the construct path and the field, so that a construct refuses exactly
 * what the rule set refuses and says why in the rule's words.
 */
export function rejectIf(scope: IConstruct, field: string, value: unknown, problem: string | undefined): void {
  if (problem !== undefined) {
    throw invalidInput(scope, field, value, problem);
  }
}

function describe(value: unknown): string {
  if (value === undefined) {
    return '(not set)';
  }
  return JSON.stringify(value);
}
