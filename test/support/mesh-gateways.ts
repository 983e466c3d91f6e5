import { KubeObject } from '../../src/rules/finding';

/** A valid Banzai MeshGateway, with `spec` laid over its defaults. */
export function meshGatewayObject(spec: any, name = 'echo-ingress'): KubeObject {
  return {
    apiVersion: 'istio.banzaicloud.io/v1beta1',
    kind: 'MeshGateway',
    metadata: { name, namespace: 'default' },
    spec: { type: 'ingress', serviceType: 'LoadBalancer', minReplicas: 1, maxReplicas: 3, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }], ...spec },
  };
}

/** A valid Cisco IstioMeshGateway, with `spec` laid over its defaults. */
export function istioMeshGatewayObject(spec: any, name = 'edge'): KubeObject {
  return {
    apiVersion: 'servicemesh.cisco.com/v1alpha1',
    kind: 'IstioMeshGateway',
    metadata: { name, namespace: 'istio-system' },
    spec: {
      type: 'ingress',
      istioControlPlane: { name: 'cp-v117x', namespace: 'istio-system' },
      service: { type: 'LoadBalancer', ports: [{ name: 'http2', port: 80, targetPort: 8080, protocol: 'TCP' }] },
      deployment: { replicas: { min: 1, max: 3, count: 1 } },
      ...spec,
    },
  };
}
