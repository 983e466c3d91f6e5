/**
 * What the analysis took to exist outside its input instead of reporting it, when hosts and
 * Secrets are assumed to exist elsewhere: so that a reviewer can see what was taken on trust.
 */
export class Assumptions {
  /** The fully qualified hosts assumed to be Services or ServiceEntries defined elsewhere. */
  public readonly hosts = new Set<string>();
  /** The `namespace/name` of the credential Secrets assumed to be made elsewhere. */
  public readonly secrets = new Set<string>();
  /** The `namespace/name` of the Gateway API Gateways that routes attach to, assumed to be defined elsewhere. */
  public readonly gateways = new Set<string>();
}
