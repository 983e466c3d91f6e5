/** How a toleration compares a taint's value. */
export enum TolerationOperator {
  /** The taint's value equals the toleration's. */
  EQUAL = 'Equal',
  /** Any value: the taint's key is enough. */
  EXISTS = 'Exists',
}

/** What a taint does to pods that do not tolerate it. */
export enum TaintEffect {
  /** They are not scheduled on the node. */
  NO_SCHEDULE = 'NoSchedule',
  /** They are scheduled on the node only when no other fits. */
  PREFER_NO_SCHEDULE = 'PreferNoSchedule',
  /** They are not scheduled, and those running are evicted. */
  NO_EXECUTE = 'NoExecute',
}

/** A taint the gateway pods tolerate, so that they can run on nodes kept for them. */
export interface GatewayToleration {
  /**
   * The taint's key.
   * @default - every key, with TolerationOperator.EXISTS
   */
  readonly key?: string;

  /**
   * How the taint's value is compared.
   * @default TolerationOperator.EQUAL
   */
  readonly operator?: TolerationOperator;

  /**
   * The taint's value, with TolerationOperator.EQUAL.
   * @default - the empty value
   */
  readonly value?: string;

  /**
   * The effect tolerated.
   * @default - every effect
   */
  readonly effect?: TaintEffect;

  /**
   * How long a pod stays on a node after a NoExecute taint appears, in seconds.
   * @default - for ever
   */
  readonly tolerationSeconds?: number;
}

/** Where the gateway pods may run, and how they keep apart. */
export interface GatewayAffinity {
  /**
   * Node labels the pods require: each key to the values one of which the node's label must
   * have (for example `{ 'topology.kubernetes.io/zone': ['eu-west-1a', 'eu-west-1b'] }`).
   * @default - any node
   */
  readonly nodeLabels?: { [key: string]: string[] };

  /**
   * A topology key, such as `kubernetes.io/hostname` or `topology.kubernetes.io/zone`, whose
   * domains the gateway's pods prefer to run apart in (pod anti-affinity among its own pods).
   * @default - no anti-affinity
   */
  readonly spreadAcross?: string;

  /**
   * Whether running apart across `spreadAcross` is required rather than preferred: a pod that
   * cannot run apart is then not scheduled.
   * @default false
   */
  readonly requireSpread?: boolean;
}

/** What the scheduler does with a pod that would break a topology spread constraint. */
export enum WhenUnsatisfiable {
  /** It is not scheduled. */
  DO_NOT_SCHEDULE = 'DoNotSchedule',
  /** It is scheduled anyway, where the skew grows least. */
  SCHEDULE_ANYWAY = 'ScheduleAnyway',
}

/** A constraint that spreads the gateway's pods evenly across the domains of a topology key. */
export interface GatewayTopologySpread {
  /** The topology key, such as `topology.kubernetes.io/zone`. */
  readonly topologyKey: string;

  /**
   * The largest difference in gateway pods between two domains.
   * @default 1
   */
  readonly maxSkew?: number;

  /**
   * What to do with a pod that would exceed the skew.
   * @default WhenUnsatisfiable.DO_NOT_SCHEDULE
   */
  readonly whenUnsatisfiable?: WhenUnsatisfiable;
}
