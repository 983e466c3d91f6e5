import { IConstruct } from 'constructs';
import { invalidInput } from './errors';
import { Finding, FindingLevel, KubeObject } from '../rules/finding';
import { checkSchema } from '../rules/schema/check-schema';
import { featureProblem, ReleaseFeature } from '../rules/webhook/release-history';
import { Report } from '../rules/webhook/report';
import { IstioAnalysis } from '../analysis/istio-analysis';

/**
 * Throws when the Istio release the app of `scope` targets lacks `feature`, with the rule's
 * own message (the synth-time check reports the same for L1 objects).
 *
 * @param field the prop that asks for the feature, named in the error
 * @param value the prop's value, named in the error
 */
export function requireFeature(scope: IConstruct, field: string, value: unknown, feature: ReleaseFeature): void {
  const problem = featureProblem(feature, IstioAnalysis.targetReleaseOf(scope));
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
 * there, judged by the rule of the Istio release the app targets and by the object's CRD
 * schema (the rule first: its messages say more). Warnings pass: the synth-time check
 * prints them.
 *
 * @param propOf the prop that sets the field at a path of `obj`; by default the path without its
 * leading `spec.`
 */
export function rejectRuleErrors(scope: IConstruct, obj: KubeObject, check: (obj: KubeObject, report: Report) => void, propOf: (path: string) => string = specField): void {
  const report = new FirstErrorReport(obj, IstioAnalysis.targetReleaseOf(scope));
  check(obj, report);
  const schemaFindings: Finding[] = [];
  if (report.firstError === undefined && checkSchema(obj, schemaFindings) === undefined) {
    const schemaError = schemaFindings.find((finding) => finding.level === FindingLevel.ERROR)!;
    const separator = schemaError.message.indexOf(': ');
    report.error(schemaError.message.slice(0, separator), schemaError.message.slice(separator + 2));
  }
  const found = report.firstError;
  if (found !== undefined) {
    throw invalidInput(scope, propOf(found.path), valueAt(obj, found.path), found.message);
  }
}

/**
 * Throws when `check`, a rule run on the prop `field` whose value is `value`, reports an error:
 * the first one, naming the path the rule reports (`exportTo[1]`) and the value there.
 */
export function rejectPropErrors(scope: IConstruct, field: string, value: unknown, check: (report: Report, path: string) => void): void {
  // the report names its object only in findings, and this one keeps its first error instead
  const report = new FirstErrorReport({ apiVersion: '', kind: '' }, IstioAnalysis.targetReleaseOf(scope));
  check(report, field);
  const found = report.firstError;
  if (found !== undefined) {
    throw invalidInput(scope, found.path, valueAt({ [field]: value }, found.path), found.message);
  }
}

function specField(path: string): string {
  return path.replace(/^spec\.?/, '') || 'spec';
}

function valueAt(obj: unknown, path: string): unknown {
  return path.split(/\.|\[(\d+)\]/).filter((key) => key !== undefined && key !== '').reduce<any>((value, key) => value?.[key], obj);
}
