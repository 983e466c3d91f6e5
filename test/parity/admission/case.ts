import { KubeObject } from '../../../src/rules/finding';

/** What Istio's admission webhook does with an object: admits it, rejects it, or admits it with a warning. */
export type Verdict = 'admit' | 'reject' | 'warn';

/** One case of Istio's own validation tests, re-expressed as a whole object and the verdict upstream gives it. */
export interface AdmissionCase {
  /** Upstream file, test and case name, as upstream names them: `validation_test.go TestValidateGateway/happy domain`. */
  readonly upstream: string;
  /** The object the verdict is about: the upstream input, or its fragment in an otherwise valid object. */
  readonly object: KubeObject;
  /** The verdict upstream expects. */
  readonly verdict: Verdict;
  /**
   * Whether the upstream test asserts errors only (the validators that return no warnings, or whose
   * test ignores them), so that admitting with a warning does not contradict an `admit` verdict.
   */
  readonly errorsOnly: boolean;
}

/** One row of an upstream table: its case name, its input and its verdict. */
export type Row = readonly [name: string, input: any, verdict: Verdict];

/** How an upstream test's input becomes a whole object. */
export type Embed = (input: any) => KubeObject;

/** An Istio networking object, named as upstream's tests name theirs (`foo` in `bar`) unless told. */
export function istio(kind: string, spec: any, namespace = 'bar', name = 'foo'): KubeObject {
  return { apiVersion: 'networking.istio.io/v1', kind, metadata: { name, namespace }, ...(spec === undefined ? {} : { spec }) };
}

/**
 * The cases of one upstream test: `test` names the file and test (`validation_test.go TestValidateServer`),
 * `embed` makes each row's input a whole object.
 */
export function table(test: string, embed: Embed, rows: readonly Row[], options: { errorsOnly?: boolean } = {}): AdmissionCase[] {
  return rows.map(([name, input, verdict]) => ({ upstream: `${test}/${name}`, object: embed(input), verdict, errorsOnly: options.errorsOnly ?? false }));
}

/** The input as it is: for tables whose inputs are whole specs. */
export const asSpec = (kind: string, namespace?: string): Embed => (spec) => istio(kind, spec, namespace);
