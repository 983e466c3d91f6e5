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
  /**
   * Where every copy of the object came from, in input order: `file:line` (only `file` for a
   * JSON file, `-` for standard input), as given to `IstioAnalyzer.analyzeSources` or read by the
   * CLI. Two entries say which inputs hold the same object.
   * @default - none: the objects were given without their sources
   */
  readonly sources?: string[];
}

/** The annotation istioctl honours to silence findings on one object: comma-separated codes, or `*`. */
export const SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';

/**
 * One finding in istioctl analyze's text form, for example
 * `Error [IST0101] (Gateway edge/storefront) Referenced selector not found: "app=edge"`; as
 * istioctl prints it for an object read from a file, its sources follow the object:
 * `(Gateway edge/storefront gateways.yaml:12)`, every copy's when there are several.
 */
export function formatFinding(finding: Finding): string {
  const object = finding.namespace === undefined ? finding.name : `${finding.namespace}/${finding.name}`;
  const sources = finding.sources === undefined || finding.sources.length === 0 ? '' : ` ${finding.sources.join(', ')}`;
  return `${finding.level} [${finding.code}] (${finding.kind} ${object}${sources}) ${finding.message}`;
}

/** istioctl's order of levels: the most serious first. */
const LEVEL_ORDER: { readonly [level: string]: number } = { [FindingLevel.ERROR]: 0, [FindingLevel.WARNING]: 1, [FindingLevel.INFO]: 2 };

/** True when `level` is `threshold` or more serious, as istioctl's `--failure-threshold` counts it. */
export function isAtLeast(level: FindingLevel, threshold: FindingLevel): boolean {
  return LEVEL_ORDER[level] <= LEVEL_ORDER[threshold];
}

/**
 * Findings as istioctl prints them: by level (Error first), then code, then object (kind, name,
 * namespace), then the printed line; a line printed twice is printed once.
 *
 * @param lineOf the line each finding is printed as
 */
export function sortedDistinct<T extends { readonly finding: Finding }>(items: readonly T[], lineOf: (item: T) => string): T[] {
  const entries = items.map((item) => ({ item, line: lineOf(item), object: `${item.finding.kind}/${item.finding.name}/${item.finding.namespace ?? ''}` }));
  entries.sort((a, b) => LEVEL_ORDER[a.item.finding.level] - LEVEL_ORDER[b.item.finding.level]
    || compareText(a.item.finding.code, b.item.finding.code)
    || compareText(a.object, b.object)
    || compareText(a.line, b.line));
  return entries.filter((entry, i) => i === 0 || entries[i - 1].line !== entry.line).map((entry) => entry.item);
}

/** Compares by UTF-16 code units, as Go compares strings by bytes for ASCII text, and unlike `localeCompare`. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The JSON form of findings: an array of `{code, level, kind, name, namespace, message, sources}`, `sources` when known. */
export function findingsToJson(findings: readonly Finding[]): string {
  return JSON.stringify(findings.map((f) => ({
    code: f.code,
    level: f.level,
    kind: f.kind,
    name: f.name,
    namespace: f.namespace,
    message: f.message,
    sources: f.sources,
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
