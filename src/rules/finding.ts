/** How serious a finding is, in istioctl's words. */
export enum FindingLevel {
  /** The configuration is wrong: Istio rejects it, or it cannot work. */
  ERROR = 'Error',
  /** The configuration is accepted but probably not what was meant. */
  WARNING = 'Warning',
  /** Worth knowing; nothing is wrong. */
  INFO = 'Info',
}

/** A Kubernetes object as the rules read it: plain JSON, as synthesized or parsed from YAML. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly labels?: { [key: string]: string };
    readonly annotations?: { [key: string]: string };
  };
  readonly spec?: any;
  readonly [key: string]: any;
}

/** One problem found in a configuration, with istioctl analyze's code and level. */
export interface Finding {
  /** istioctl's message code, for example `IST0101`. */
  readonly code: string;
  /** How serious it is. */
  readonly level: FindingLevel;
  /** The kind of the object the finding is about. */
  readonly kind: string;
  /** The name of the object. */
  readonly name: string;
  /**
   * The namespace of the object; `analyze` reports `default` for an object whose namespace is not set.
   * @default - none: a cluster-scoped object, or a finding of `checkObject` on an object whose namespace is not set
   */
  readonly namespace?: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** The annotation istioctl honours to silence findings on one object: comma-separated codes, or `*`. */
export const SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';

/**
 * One finding in istioctl analyze's text form, for example
 * `Error [IST0101] (Gateway edge/storefront) Referenced selector not found: "app=edge"`.
 */
export function formatFinding(finding: Finding): string {
  const object = finding.namespace === undefined ? finding.name : `${finding.namespace}/${finding.name}`;
  return `${finding.level} [${finding.code}] (${finding.kind} ${object}) ${finding.message}`;
}

/** The JSON form of findings: an array of `{code, level, kind, name, namespace, message}`. */
export function findingsToJson(findings: readonly Finding[]): string {
  return JSON.stringify(findings.map((f) => ({
    code: f.code,
    level: f.level,
    kind: f.kind,
    name: f.name,
    namespace: f.namespace,
    message: f.message,
  })), undefined, 2);
}

/** The codes `obj` suppresses with the `galley.istio.io/analyze-suppress` annotation. */
export function suppressedCodes(obj: KubeObject): string[] {
  const value = obj.metadata?.annotations?.[SUPPRESS_ANNOTATION];
  if (typeof value !== 'string') {
    return [];
  }
  return value.split(',').map((code) => code.trim()).filter((code) => code.length > 0);
}

/** True when `codes` (from an annotation or the construct API) silence findings of `code`. */
export function isSuppressed(codes: readonly string[], code: string): boolean {
  return codes.includes('*') || codes.includes(code);
}
