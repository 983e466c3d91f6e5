import { IConstruct } from 'constructs';
import { rejectIf } from '../private/errors';
import { stringMatchRegexProblem } from '../rules/webhook/string-match';

/** Throws unless Istio accepts `pattern` as the regex of a match: the rule set's own check. */
export function validateRegex(scope: IConstruct, field: string, pattern: string): string {
  rejectIf(scope, field, pattern, stringMatchRegexProblem(pattern));
  return pattern;
}
