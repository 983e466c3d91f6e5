import { IConstruct } from 'constructs';

/**
 * The error for input a construct cannot accept: it names the construct path, the field, the
 * value received and what would be valid, so the message alone is enough to fix the program.
 */
export function invalidInput(scope: IConstruct, field: string, value: unknown, expected: string): Error {
  return new Error(`${scope.node.path || '<root>'}: invalid ${field} ${describe(value)}: ${expected}`);
}

function describe(value: unknown): string {
  if (value === undefined) {
    return '(not set)';
  }
  return JSON.stringify(value);
}
