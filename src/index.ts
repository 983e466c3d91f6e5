// The public surface, named one by one: internal helpers (object factories, validation
// functions) stay out of it, so the API remains what jsii can publish to other languages.
export { IstioApiVersion } from './api-version';
export { EgressGateway, EgressGatewayProps, ExistingEgressGatewayProps, IEgressGateway } from './egress/egress-gateway';
export { EgressLockdown, EgressLockdownProps, LockdownPeer } from './egress/egress-lockdown';
export { EgressMode, EgressModeBindOptions, EgressModeConfig, OriginateTlsOptions, TlsOriginationConfig } from './egress/egress-mode';
export { ServerVerification, ServerVerificationConfig } from './egress/server-verification';
export { EgressRoute, EgressRouteOptions, EgressRouteProps } from './egress/egress-route';
export { WorkloadIdentity } from './egress/workload-identity';
export { GatewayApiEgressRoute, GatewayApiEgressRouteProps } from './egress/gateway-api-egress-route';
export { KubernetesEgressGateway, KubernetesEgressGatewayProps } from './egress/kubernetes-egress-gateway';
export { BackendRouteOptions } from './ingress/backend-route';
export { Exposure, ExposeOptions, ExposureProps } from './ingress/exposure';
export {
  ExternalService, ExternalServiceEndpoint, ExternalServiceLocation, ExternalServicePort, ExternalServiceProps,
  ExternalServiceProtocol, ExternalServiceResolution, IExternalService, ResolvedExternalServicePort,
} from './egress/external-service';
export { IngressGateway, IngressGatewayProps, IIngressGateway } from './ingress/ingress-gateway';
export { ExistingKubernetesGatewayProps, IKubernetesGateway, KubernetesGateway, KubernetesGatewayProps } from './ingress/kubernetes-gateway';
export { GatewayApiExposure, GatewayApiExposureProps } from './ingress/gateway-api-exposure';
export { MeshWideRegistryOnlyProps, RegistryOnly, RegistryOnlyProps } from './egress/registry-only';
export { Backend, BackendConfig, ServiceBackendOptions } from './routing/backend';
export { CorsPolicy } from './routing/cors-policy';
export { DirectResponse } from './routing/direct-response';
export { FaultAbort, FaultDelay, FaultInjection } from './routing/fault-injection';
export { HeaderOperations } from './routing/header-operations';
export { HttpMethod, HttpRouteMatch, PathMatch, StringMatch, StringMatchConfig } from './routing/http-match';
export { HttpRedirect, RedirectScheme } from './routing/http-redirect';
export { HttpRewrite } from './routing/http-rewrite';
export { HttpRouteOptions } from './routing/http-route';
export { MirrorPolicy } from './routing/mirror-policy';
export { RetryOn, RetryPolicy } from './routing/retry-policy';
export { RouteDestination, RouteDestinationConfig, RouteDestinationOptions } from './routing/route-destination';
export { ServerProtocol } from './routing/server-protocol';
export { MutualTlsOptions, ServerTls, ServerTlsConfig, TlsCredentialOptions, TlsMode, TlsVersion, TlsVersionOptions } from './routing/server-tls';
export { ExistingServiceSubsetsProps, IServiceSubsets, ServiceSubsets, ServiceSubsetsProps } from './routing/service-subsets';
export { TcpRouteOptions } from './routing/tcp-route';
export { TlsRouteOptions } from './routing/tls-route';
export { ExistingGatewayProps } from './workload/existing-workload';
export { GatewayPort, PortProtocol, ResolvedGatewayPort } from './workload/gateway-port';
export { IGatewayWorkload } from './workload/gateway-workload-base';
export {
  GatewayDeployment, InjectedGatewayDeploymentOptions, IstioControlPlaneReference, IstioMeshGatewayDeploymentOptions,
} from './workload/gateway-deployment';
export { GatewayDisruptionBudget, GatewayReplicas } from './workload/gateway-replicas';
export { GatewayAffinity, GatewayToleration, GatewayTopologySpread, TaintEffect, TolerationOperator, WhenUnsatisfiable } from './workload/gateway-scheduling';
export { GatewayExternalTrafficPolicy, GatewayServiceType, GatewayWorkloadOptions } from './workload/gateway-workload-options';

/** The generated L1 classes of networking.istio.io, for dropping down a level. */
export * as networking from '../imports/networking.istio.io';
/** The generated L1 classes of the Kubernetes Gateway API (gateway.networking.k8s.io), for dropping down a level. */
export * as gatewayApi from '../imports/gateway.networking.k8s.io';
/** The generated L1 class of the Banzai Cloud MeshGateway (istio.banzaicloud.io). */
export * as banzai from '../imports/istio.banzaicloud.io';
/** The generated L1 class of the Cisco IstioMeshGateway (servicemesh.cisco.com). */
export * as servicemesh from '../imports/servicemesh.cisco.com';
export { IstioAnalysisOptions } from './analysis/analysis-options';
export { AppFinding, IstioAnalysis } from './analysis/istio-analysis';
export {
  IstioAnalysisPlugin, IValidationContext, IValidationReport, ValidationViolatingResource, ValidationViolation,
} from './analysis/plugin';
export { IstioAnalyzer } from './analysis/istio-analyzer';
export { SourcedObject } from './analysis/sourced-object';
export { IstioRelease } from './rules/istio-release';
export { Finding, FindingLevel } from './rules/finding';
export { IngressControllerMode, MeshConfig } from './rules/mesh-config';
export { DeclaredWorkload } from './rules/mesh-index';
export { NamespaceHosts } from './rules/host-ownership';
export { IstioTopology } from './analysis/istio-topology';
export { TopologyEdge, TopologyGraph, TopologyNode, TopologyNodeKind } from './topology/graph';
