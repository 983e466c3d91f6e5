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

/**
 * A problem a value object (a backend, a destination, TLS settings) finds in one of its own
 * fields. The value object does not know which prop of which construct holds it, so its public
 * `bind` names only its own field; `inField` adds the construct path and the prop.
 */
export class FieldError extends Error {
  constructor(
    /** The value object's own field, such as `port`; empty for the value object as a whole. */
    public readonly field: string,
    public readonly value: unknown,
    public readonly expected: string,
  ) {
    super(`invalid ${field || 'value'} ${describe(value)}: ${expected}`);
  }
}

/** Throws a `FieldError` when a rule predicate found a problem with a value object's `field`. */
export function rejectFieldIf(field: string, value: unknown, problem: string | undefined): void {
  if (problem !== undefined) {
    throw new FieldError(field, value, problem);
  }
}

/**
 * Runs `bind`, the public `bind` of a value object that `scope` holds in its prop `field`, and
 * rethrows a `FieldError` as the construct's error for `field` and the value object's own field.
 */
export function inField<T>(scope: IConstruct, field: string, bind: () => T): T {
  try {
    return bind();
  } catch (e) {
    if (e instanceof FieldError) {
      throw invalidInput(scope, joinField(field, e.field), e.value, e.expected);
    }
    throw e;
  }
}

function joinField(outer: string, inner: string): string {
  if (inner === '') {
    return outer;
  }
  return inner.startsWith('[') ? `${outer}${inner}` : `${outer}.${inner}`;
}

function describe(value: unknown): string {
  if (value === undefined) {
    return '(not set)';
  }
  return JSON.stringify(value);
}
