import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { SidecarSpecOutboundTrafficPolicyMode } from '../../imports/networking.istio.io';
import { createIstioObject } from '../api-version';
import { validateNamespace, validateObjectName } from '../private/names';
import { IstioAnalysis } from '../analysis/istio-analysis';

/** The namespace Istio reads mesh-wide defaults from unless the operator chose another. */
const DEFAULT_ROOT_NAMESPACE = 'istio-system';

/** Props of a `RegistryOnly` outbound policy. */
export interface RegistryOnlyProps {
  /**
   * The namespace whose workloads may call only registered services. The mesh's root namespace
   * makes it the default of every namespace (see `RegistryOnly.meshWide`).
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /**
   * The Sidecar's name.
   * @default - the construct id
   */
  readonly name?: string;
}

/** Props of a mesh-wide `RegistryOnly` outbound policy. */
export interface MeshWideRegistryOnlyProps {
  /**
   * The mesh's root namespace, `meshConfig.rootNamespace`.
   * @default "istio-system"
   */
  readonly rootNamespace?: string;

  /**
   * The Sidecar's name.
   * @default - the construct id
   */
  readonly name?: string;
}

/**
 * Puts a namespace's workloads in REGISTRY_ONLY mode: their sidecars may call only hosts in
 * Istio's service registry (Kubernetes Services and `ExternalService`s); anything else reaches
 * Envoy's blackhole and fails with 502 (HTTP) or a reset connection (TCP).
 *
 * It is a Sidecar without a workload selector, which applies to every workload of its namespace
 * that has no more specific Sidecar. Placed in the mesh's root namespace it applies to every
 * namespace without a Sidecar of its own. A namespace holds at most one such Sidecar
 * (istioctl's IST0111), and a workload follows its most specific Sidecar only: an existing
 * namespace-wide Sidecar must carry `outboundTrafficPolicy` itself.
 *
 * The mesh-wide alternative is `meshConfig.outboundTrafficPolicy.mode: REGISTRY_ONLY`, set by
 * whoever runs the control plane (IstioOperator, Helm values, or the Banzai Cloud operator's
 * control plane resource). A Sidecar's setting overrides the mesh config for its
 * workloads in both directions, so this construct lets one namespace be strict in an ALLOW_ANY
 * mesh, and lets a chart state the policy next to the services it needs instead of relying on
 * the control plane's configuration.
 *
 * The Sidecar keeps the default visibility, the services of every namespace, and writes it out
 * because older Istio releases reject a Sidecar without an egress listener.
 */
export class RegistryOnly extends Construct {
  /**
   * Puts every namespace of the mesh without a Sidecar of its own in REGISTRY_ONLY mode, with a
   * Sidecar in the mesh's root namespace.
   */
  public static meshWide(scope: Construct, id: string, props: MeshWideRegistryOnlyProps = {}): RegistryOnly {
    return new RegistryOnly(scope, id, { name: props.name, namespace: props.rootNamespace ?? DEFAULT_ROOT_NAMESPACE });
  }

  /** The Sidecar (L1). */
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: RegistryOnlyProps = {}) {
    super(scope, id);
    IstioAnalysis.enable(this);
    this.resource = createIstioObject(this, 'Resource', 'Sidecar', {
      metadata: {
        name: validateObjectName(this, 'name', props.name ?? id),
        namespace: validateNamespace(this, 'namespace', props.namespace),
      },
      spec: {
        egress: [{ hosts: ['*/*'] }],
        outboundTrafficPolicy: { mode: SidecarSpecOutboundTrafficPolicyMode.REGISTRY_UNDERSCORE_ONLY },
      },
    });
  }
}
