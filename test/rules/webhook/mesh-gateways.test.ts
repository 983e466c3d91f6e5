import { FindingLevel, KubeObject } from '../../../src/rules/finding';
import { describeRules } from './rule-table';

const meshGateway = (spec: any, name = 'echo-ingress'): KubeObject => ({
  apiVersion: 'istio.banzaicloud.io/v1beta1',
  kind: 'MeshGateway',
  metadata: { name, namespace: 'default' },
  spec: { type: 'ingress', serviceType: 'LoadBalancer', minReplicas: 1, maxReplicas: 3, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }], ...spec },
});
const mgPorts = (...ports: any[]) => meshGateway({ ports });

const imgw = (spec: any, name = 'edge'): KubeObject => ({
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
});
const service = (svc: any) => imgw({ service: { type: 'LoadBalancer', ports: [{ name: 'http2', port: 80 }], ...svc } });

describeRules('MeshGateway', [
  { rule: 'name can name a Service', valid: meshGateway({}, 'edge-1'), invalid: meshGateway({}, '1-edge'), message: /"1-edge" cannot name the gateway's Service/ },
  { rule: 'spec required', valid: meshGateway({}), invalid: { ...meshGateway({}), spec: undefined }, message: /spec is required/ },
  { rule: 'port range', valid: mgPorts({ port: 65535 }), invalid: mgPorts({ port: 65536 }), message: /port number 65536 must be in the range/ },
  { rule: 'port names with several ports', valid: mgPorts({ name: 'http', port: 80 }, { name: 'https', port: 443 }), invalid: mgPorts({ port: 80 }, { name: 'https', port: 443 }), message: /each port needs a name/ },
  { rule: 'port names unique', valid: mgPorts({ name: 'http', port: 80 }, { name: 'https', port: 443 }), invalid: mgPorts({ name: 'http', port: 80 }, { name: 'http', port: 443 }), message: /port name "http" is used more than once/ },
  { rule: 'port name syntax', valid: mgPorts({ name: 'tcp-db', port: 5432 }), invalid: mgPorts({ name: 'TCP_DB', port: 5432 }), message: /invalid port name "TCP_DB"/ },
  { rule: 'ports unique', valid: mgPorts({ name: 'dns', port: 53, protocol: 'TCP' }, { name: 'dns-udp', port: 53, protocol: 'UDP' }), invalid: mgPorts({ name: 'a', port: 80 }, { name: 'b', port: 80 }), message: /port 80\/TCP is defined more than once/ },
  { rule: 'Service protocol', valid: mgPorts({ port: 80, protocol: 'SCTP' }), invalid: mgPorts({ port: 80, protocol: 'HTTP' }), message: /"HTTP" is not a Service protocol/ },
  { rule: 'target port', valid: mgPorts({ port: 80, targetPort: 'http-alt' }), invalid: mgPorts({ port: 80, targetPort: 0 }), message: /port number 0/ },
  { rule: 'named target port', valid: mgPorts({ port: 80, targetPort: 8080 }), invalid: mgPorts({ port: 80, targetPort: 'a-very-long-port-name' }), message: /invalid targetPort "a-very-long-port-name"/ },
  { rule: 'no nodePort on ClusterIP', valid: meshGateway({ serviceType: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), invalid: meshGateway({ serviceType: 'ClusterIP', ports: [{ port: 80, nodePort: 30080 }] }), message: /a nodePort cannot be set on a ClusterIP Service/ },
  { rule: 'min replicas within max', valid: meshGateway({ minReplicas: 2, maxReplicas: 2 }), invalid: meshGateway({ minReplicas: 3, maxReplicas: 2 }), message: /minimum number of replicas \(3\) is greater than the maximum \(2\)/ },
]);

describeRules('IstioMeshGateway', [
  { rule: 'name can name a Service', valid: imgw({}, 'edge'), invalid: imgw({}, 'edge.gw'), message: /"edge.gw" cannot name the gateway's Service/ },
  { rule: 'control plane named', valid: imgw({ istioControlPlane: { name: 'cp' } }), invalid: imgw({ istioControlPlane: { namespace: 'istio-system' } }), message: /no control plane is named/, level: FindingLevel.WARNING },
  { rule: 'port range', valid: service({ ports: [{ port: 15443, name: 'tls' }] }), invalid: service({ ports: [{ port: -1, name: 'tls' }] }), message: /port number -1/ },
  { rule: 'nodePort only on NodePort or LoadBalancer', valid: service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), invalid: service({ type: 'ClusterIP', ports: [{ port: 80, nodePort: 30080 }] }), message: /a nodePort cannot be set on a ClusterIP Service/ },
  { rule: 'min replicas within max', valid: imgw({ deployment: { replicas: { min: 2, max: 5 } } }), invalid: imgw({ deployment: { replicas: { min: 6, max: 5 } } }), message: /minimum number of replicas \(6\) is greater than the maximum \(5\)/ },
]);
