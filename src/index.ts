// The public surface, named one by one: internal helpers (object factories, validation
// functions) stay out of it, so the API remains what jsii can publish to other languages.
export { IstioApiVersion } from './api-version';
export { Exposure, ExposeOptions, ExposureProps } from './exposure';
export { IngressGateway, IngressGatewayProps, IIngressGateway } from './ingress-gateway';
export { Backend, BackendConfig, ServiceBackendOptions } from './routing/backend';
export { ServerProtocol } from './routing/server-protocol';
export { ExistingGatewayProps } from './workload/existing-workload';
export { GatewayPort, PortProtocol, ResolvedGatewayPort } from './workload/gateway-port';
export { GatewayWorkloadBase, GatewayWorkloadBaseProps, IGatewayWorkload } from './workload/gateway-workload';
export { GatewayReplicas, GatewayServiceType, MeshGatewayOptions } from './workload/mesh-gateway';

/** The generated L1 classes of networking.istio.io, for dropping down a level. */
export * as networking from '../imports/networking.istio.io';
/** The generated L1 class of the Banzai Cloud MeshGateway (istio.banzaicloud.io). */
export * as banzai from '../imports/istio.banzaicloud.io';
/** The generated L1 class of the Cisco IstioMeshGateway (servicemesh.cisco.com). */
export * as servicemesh from '../imports/servicemesh.cisco.com';
