import { IConstruct } from 'constructs';
import { invalidInput } from '../errors';
import { regexProblem } from '../rules/webhook/regex';

/**
 * Throws unless `pattern` is a regular expression Envoy's RE2 engine can compile, as the rule
 * set judges it.
 */
export function validateRegex(scope: IConstruct, field: string, pattern: string): string {
  if (pattern.length === 0) {
    throw invalidInput(scope, field, pattern, 'expected a non-empty RE2 regular expression');
  }
  const problem = regexProblem(pattern);
  if (problem !== undefined) {
    throw invalidInput(scope, field, pattern, `expected an RE2 regular expression: ${problem}`);
  }
  return pattern;
}
