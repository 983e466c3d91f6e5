import { IConstruct } from 'constructs';
import { KubeObject } from './rules/finding';
import { Report } from './rules/webhook/report';

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

/** A report that keeps the first error with the path of its field, and ignores warnings. */
class FirstErrorReport extends Report {
  public firstError?: { readonly path: string; readonly message: string };

  public error(path: string, message: string): void {
    this.firstError ??= { path, message };
  }

  public warn(): void {
    // warnings are printed by the synth-time check, which runs the same rules
  }
}

/**
 * Throws when the admission rule `check` rejects `obj`, the object a construct is about to
 * emit: the first error, with the field named as the construct's prop and the value found
 * there. Warnings pass: the synth-time check prints them.
 *
 * @param propOf the prop that sets the field at a path of `obj`; by default the path without its
 * leading `spec.`
 */
export function rejectRuleErrors(scope: IConstruct, obj: KubeObject, check: (obj: KubeObject, report: Report) => void, propOf: (path: string) => string = specField): void {
  const report = new FirstErrorReport(obj);
  check(obj, report);
  const found = report.firstError;
  if (found !== undefined) {
    throw invalidInput(scope, propOf(found.path), valueAt(obj, found.path), found.message);
  }
}

function specField(path: string): string {
  return path.replace(/^spec\.?/, '') || 'spec';
}

function valueAt(obj: KubeObject, path: string): unknown {
  return path.split(/\.|\[(\d+)\]/).filter((key) => key !== undefined && key !== '').reduce<any>((value, key) => value?.[key], obj);
}

function describe(value: unknown): string {
  if (value === undefined) {
    return '(not set)';
  }
  return JSON.stringify(value);
}
