export * from './api-version';
export * from './exposure';
export * from './ingress-gateway';
export * from './routing/backend';
export * from './routing/server-protocol';
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
export * from './synth-check';
export * from './plugin';
export { analyze, AnalysisOptions } from './rules/analyze';
export { Finding, FindingLevel, KubeObject, formatFinding, findingsToJson, SUPPRESS_ANNOTATION } from './rules/finding';
export { DeclaredWorkload } from './rules/mesh-index';
