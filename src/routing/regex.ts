import { IConstruct } from 'constructs';
import { invalidInput } from '../errors';

/** RE2 flags Envoy accepts at the start of a pattern, such as `(?i)`, which JavaScript lacks. */
const LEADING_FLAGS = /^\(\?[imsU]+\)/;
/** Constructs JavaScript accepts and RE2 (Envoy's engine) rejects: lookaround and backreferences. */
const NOT_RE2 = /\(\?<?[=!]|\\[1-9]|\\k</;

/**
 * Throws unless `pattern` is a regular expression Envoy's RE2 engine can compile.
 */
export function validateRegex(scope: IConstruct, field: string, pattern: string): string {
  if (pattern.length === 0) {
    throw invalidInput(scope, field, pattern, 'expected a non-empty RE2 regular expression');
  }
  if (NOT_RE2.test(pattern)) {
    throw invalidInput(scope, field, pattern, 'expected an RE2 regular expression: lookahead, lookbehind and backreferences are not supported');
  }
  try {
    new RegExp(pattern.replace(LEADING_FLAGS, ''));
  } catch (e) {
    throw invalidInput(scope, field, pattern, `expected an RE2 regular expression: ${(e as Error).message}`);
  }
  return pattern;
}
