/** How many gateway pods run. */
export class GatewayReplicas {
  /** Exactly `count` pods. */
  public static fixed(count: number): GatewayReplicas {
    return new GatewayReplicas(count, count, false);
  }

  /**
   * Between `min` and `max` pods, scaled on CPU use: by the operator's autoscaler for a
   * MeshGateway or an IstioMeshGateway, by a HorizontalPodAutoscaler for an injected gateway.
   */
  public static autoscale(min: number, max: number): GatewayReplicas {
    return new GatewayReplicas(min, max, true);
  }

  private constructor(
    /** The fewest pods. */
    public readonly min: number,
    /** The most pods. */
    public readonly max: number,
    /** Whether the count is scaled between `min` and `max`, rather than fixed. */
    public readonly autoscaled: boolean,
  ) {}
}

/** How many gateway pods a voluntary disruption (a node drain, an upgrade) may take down. */
export class GatewayDisruptionBudget {
  /** At least `count` pods stay up. */
  public static minAvailable(count: number): GatewayDisruptionBudget {
    return new GatewayDisruptionBudget(count, undefined);
  }

  /** At most `count` pods are down at once. */
  public static maxUnavailable(count: number): GatewayDisruptionBudget {
    return new GatewayDisruptionBudget(undefined, count);
  }

  private constructor(
    /**
     * The pods that stay up.
     * @default - not bounded this way
     */
    public readonly minAvailableCount?: number,
    /**
     * The pods that may be down at once.
     * @default - not bounded this way
     */
    public readonly maxUnavailableCount?: number,
  ) {}
}
