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
   * The namespace of the object.
   * @default - none: a cluster-scoped object, or one whose namespace is not set
   */
  readonly namespace?: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}
