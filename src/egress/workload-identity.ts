/**
 * A workload identity an egress allow-list admits: a service account, or every workload of a
 * namespace. The egress gateway learns it from the client certificate of the mesh's mutual TLS.
 */
export class WorkloadIdentity {
  /** The workloads that run as service account `name` of namespace `namespace`. */
  public static serviceAccount(namespace: string, name: string): WorkloadIdentity {
    return new WorkloadIdentity(namespace, name);
  }

  /** Every workload of namespace `namespace`. */
  public static namespace(namespace: string): WorkloadIdentity {
    return new WorkloadIdentity(namespace, undefined);
  }

  private constructor(
    /** The namespace of the workloads. */
    public readonly namespaceName: string,
    /**
     * The service account of the workloads.
     * @default - any: every workload of the namespace
     */
    public readonly serviceAccountName?: string,
  ) {}
}
