/**
 * The annotations Istio defines, as istioctl's annotation analyzer knows them: the kinds of object
 * each is read on (`Any`: every kind) and whether it is deprecated. Learned from istio/api's
 * annotation table (`annotation/annotations.yaml`) at commit
 * b8f8791d9653b2edc77a071d48887e582cfe84bf (2026-07-21; the table last changed in 66634fd,
 * 2026-07-15), the newest istio/api stored offline; the Istio commit the parity cases were learned
 * from pins istio/api 5803fb6accf7 (2026-08-19), which is not available offline, so annotations
 * added between those commits are missing here. Names, kinds and flags only.
 */

/** What the analysis knows of one Istio annotation. */
export interface IstioAnnotation {
  /** The kinds of object Istio reads it on, in istio/api's order; `Any` for every kind. */
  readonly kinds: readonly string[];
  readonly deprecated: boolean;
}

/** The kind that stands for every kind. */
export const ANY_KIND = 'Any';

function on(kinds: string[], names: string[], deprecated = false): Array<[string, IstioAnnotation]> {
  return names.map((name) => [name, { kinds, deprecated }]);
}

/** Istio's annotations by name. */
export const ISTIO_ANNOTATIONS: ReadonlyMap<string, IstioAnnotation> = new Map([
  ...on(['Pod'], [
    'ambient.istio.io/bypass-inbound-capture', 'ambient.istio.io/dns-capture', 'ambient.istio.io/redirection',
    'inject.istio.io/templates', 'istio.io/reroute-virtual-interfaces', 'istio.io/rev',
    'prometheus.istio.io/merge-metrics', 'proxy.istio.io/config', 'proxy.istio.io/overrides',
    'readiness.status.sidecar.istio.io/applicationPorts', 'readiness.status.sidecar.istio.io/failureThreshold',
    'readiness.status.sidecar.istio.io/initialDelaySeconds', 'readiness.status.sidecar.istio.io/periodSeconds',
    'sidecar.istio.io/agentLogLevel', 'sidecar.istio.io/bootstrapOverride', 'sidecar.istio.io/componentLogLevel',
    'sidecar.istio.io/interceptionMode', 'sidecar.istio.io/logLevel', 'sidecar.istio.io/nativeSidecar',
    'sidecar.istio.io/proxyCPU', 'sidecar.istio.io/proxyCPULimit', 'sidecar.istio.io/proxyImage',
    'sidecar.istio.io/proxyImageType', 'sidecar.istio.io/proxyMemory', 'sidecar.istio.io/proxyMemoryLimit',
    'sidecar.istio.io/rewriteAppHTTPProbers', 'sidecar.istio.io/statsEvictionInterval', 'sidecar.istio.io/statsFlushInterval',
    'sidecar.istio.io/statsHistogramBins', 'sidecar.istio.io/statsHistogramBuckets', 'sidecar.istio.io/status',
    'sidecar.istio.io/userVolume', 'sidecar.istio.io/userVolumeMount', 'status.sidecar.istio.io/port',
    'traffic.sidecar.istio.io/excludeInboundPorts', 'traffic.sidecar.istio.io/excludeInterfaces',
    'traffic.sidecar.istio.io/excludeOutboundIPRanges', 'traffic.sidecar.istio.io/excludeOutboundPorts',
    'traffic.sidecar.istio.io/includeInboundPorts', 'traffic.sidecar.istio.io/includeOutboundIPRanges',
    'traffic.sidecar.istio.io/includeOutboundPorts',
  ]),
  ...on(['Pod'], [
    'sidecar.istio.io/discoveryAddress', 'sidecar.istio.io/extraStatTags', 'sidecar.istio.io/inject',
    'sidecar.istio.io/statsCompression', 'sidecar.istio.io/statsInclusionPrefixes', 'sidecar.istio.io/statsInclusionRegexps',
    'sidecar.istio.io/statsInclusionSuffixes', 'traffic.sidecar.istio.io/kubevirtInterfaces',
  ], true),
  ...on(['Service'], ['networking.istio.io/exportTo', 'traffic.istio.io/nodeSelector']),
  ...on(['Service'], ['alpha.istio.io/canonical-serviceaccounts', 'alpha.istio.io/kubernetes-serviceaccounts'], true),
  ...on(['Namespace'], ['topology.istio.io/controlPlaneClusters']),
  ...on(['Ingress'], ['kubernetes.io/ingress.class']),
  ...on(['AuthorizationPolicy'], ['istio.io/dry-run']),
  ...on(['WorkloadEntry'], ['istio.io/autoRegistrationGroup', 'istio.io/connectedAt', 'istio.io/disconnectedAt', 'istio.io/workloadController']),
  ...on(['Gateway'], ['gateway.istio.io/name-override', 'gateway.istio.io/service-account', 'networking.istio.io/service-type']),
  ...on(['GatewayClass', 'Gateway'], ['ambient.istio.io/waypoint-inbound-binding']),
  ...on(['Namespace', 'Service', 'ServiceEntry'], ['networking.istio.io/traffic-distribution']),
  ...on(['Service', 'ServiceEntry', 'Namespace'], ['istio.io/use-waypoint-canary-weight']),
  ...on([ANY_KIND], ['galley.istio.io/analyze-suppress', 'gateway.istio.io/controller-version']),
]);
