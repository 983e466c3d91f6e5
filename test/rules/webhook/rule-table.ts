import { Finding, FindingLevel, KubeObject } from '../../../src/rules/finding';
import { IstioRelease } from '../../../src/rules/istio-release';
import { checkObject } from '../../../src/rules/webhook';

/** One rule: an object it admits, one it flags, and what it says about the latter. */
export interface RuleCase {
  /** What the rule checks. */
  readonly rule: string;
  /** An object the rule admits: it must have no findings at all. */
  readonly valid: KubeObject;
  /** An object the rule flags. */
  readonly invalid: KubeObject;
  /** The finding's message. */
  readonly message: RegExp;
  /** @default FindingLevel.ERROR */
  readonly level?: FindingLevel;
  /** The release that judges both objects. @default IstioRelease.LATEST */
  readonly release?: IstioRelease;
}

/** An Istio networking object of `kind`. */
export function istio(kind: string, spec: any, name = 'example', namespace = 'edge', apiVersion = 'networking.istio.io/v1'): KubeObject {
  return { apiVersion, kind, metadata: { name, namespace }, spec };
}

/** Runs each case: the valid object yields nothing, the invalid one the expected finding. */
export function describeRules(kind: string, cases: RuleCase[]): void {
  describe(`${kind} admission rules`, () => {
    test.each(cases.map((c) => [c.rule, c] as const))('%s: admits the valid fixture', (_rule, c) => {
      expect(checkObject(c.valid, c.release)).toStrictEqual([]);
    });
    test.each(cases.map((c) => [c.rule, c] as const))('%s: flags the invalid fixture', (_rule, c) => {
      const level = c.level ?? FindingLevel.ERROR;
      const findings = checkObject(c.invalid, c.release);
      const matching = findings.filter((f: Finding) => c.message.test(f.message));
      expect(findings.map((f) => f.message)).toContainEqual(expect.stringMatching(c.message));
      expect(matching[0]).toStrictEqual({
        code: level === FindingLevel.ERROR ? 'IST0106' : 'IST0133',
        level,
        kind: c.invalid.kind,
        name: c.invalid.metadata?.name,
        namespace: c.invalid.metadata?.namespace,
        message: expect.stringMatching(c.message),
      });
    });
  });
}
