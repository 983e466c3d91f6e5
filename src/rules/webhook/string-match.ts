import { regexProblem } from './regex';
import { Report } from './report';
import { isSet, objectAt, stringAt } from './values';

/** Why `regex` cannot be the regex of a string match (empty, or not a regex Istio accepts), or undefined. */
export function stringMatchRegexProblem(regex: string): string | undefined {
  return regex === '' ? 'a regex match cannot be empty' : regexProblem(regex);
}

/** Reports a string match whose regex is empty or not RE2. */
export function checkStringMatch(report: Report, path: string, match: unknown): void {
  const value = objectAt(match);
  if (!value || !isSet(value.regex)) {
    return;
  }
  report.errorIf(`${path}.regex`, stringMatchRegexProblem(stringAt(value.regex)));
}

/** True when a string match matches by regex. */
export function isRegexMatch(match: unknown): boolean {
  return isSet(objectAt(match)?.regex);
}

/** True when a string match matches by an empty prefix. */
export function hasEmptyPrefix(match: unknown): boolean {
  return objectAt(match)?.prefix === '';
}

/** True for the regex `*` of a `withoutHeaders` condition, which Istio reads as "the header is present", not as RE2. */
export function isPresenceMatch(match: unknown): boolean {
  return objectAt(match)?.regex === '*';
}
