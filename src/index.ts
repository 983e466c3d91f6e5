export * from './api-version';
export * from './exposure';
export * from './ingress-gateway';
export * from './routing/backend';
export { CorsPolicy } from './routing/cors-policy';
export { DirectResponse } from './routing/direct-response';
export { FaultAbort, FaultDelay, FaultInjection } from './routing/fault-injection';
export { HeaderOperations } from './routing/header-operations';
export { HttpMethod, HttpRouteMatch, PathMatch, StringMatch } from './routing/http-match';
export { HttpRedirect, RedirectScheme } from './routing/http-redirect';
export { HttpRewrite } from './routing/http-rewrite';
export { HttpRouteOptions } from './routing/http-route';
export { MirrorPolicy } from './routing/mirror-policy';
export { RetryOn, RetryPolicy } from './routing/retry-policy';
export { RouteDestination, RouteDestinationOptions } from './routing/route-destination';
export * from './routing/server-protocol';
export { MutualTlsOptions, ServerTls, TlsCredentialOptions, TlsMode, TlsVersion, TlsVersionOptions } from './routing/server-tls';
export { ExistingServiceSubsetsProps, IServiceSubsets, ServiceSubsets, ServiceSubsetsProps } from './routing/service-subsets';
export { TcpRouteOptions } from './routing/tcp-route';
export { TlsRouteOptions } from './routing/tls-route';
export * from './workload/existing-workload';
export * from './workload/gateway-port';
export * from './workload/gateway-workload';
export * from './workload/mesh-gateway';

/** The generated L1 classes of networking.istio.io, for dropping down a level. */
export * as networking from '../imports/networking.istio.io';
/** The generated L1 class of the Banzai Cloud MeshGateway (istio.banzaicloud.io). */
export * as banzai from '../imports/istio.banzaicloud.io';
/** The generated L1 class of the Cisco IstioMeshGateway (servicemesh.cisco.com). */
export * as servicemesh from '../imports/servicemesh.cisco.com';
