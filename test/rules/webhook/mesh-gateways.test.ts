import { FindingLevel } from '../../../src/rules/finding';
import { describeRules } from './rule-table';
import { istioMeshGatewayObject, meshGatewayObject } from '../../support/mesh-gateways';

const mgPorts = (...ports: any[]) => meshGatewayObject({ ports });

const service = (svc: any) => istioMeshGatewayObject({ service: { type: 'LoadBalancer', ports: [{ name: 'http2', port: 80 }], ...svc } });

describeRules('MeshGateway', [
  { rule: 'name can name a Service', valid: meshGatewayObject({}, 'edge-1'), invalid: meshGatewayObject({}, '1-edge'), message: /"1-edge" cannot name the gateway's Service/ },
  { rule: 'spec required', valid: meshGatewayObject({}), invalid: { ...meshGatewayObject({}), spec: undefined }, message: /spec is required/ },
  { rule: 'port range', valid: mgPorts({ port: 65535 }), invalid: mgPorts({ port: 65536 }), message: /port number 65536 must be in the range/ },
  { rule: 'port names with several ports', valid: mgPorts({ name: 'http', port: 80 }, { name: 'https', port: 443 }), invalid: mgPorts({ port: 80 }, { name: 'https', port: 443 }), message: /each port needs a name/ },
  { rule: 'port names unique', valid: mgPorts({ name: 'http', port: 80 }, { name: 'https', port: 443 }), invalid: mgPorts({ name: 'http', port: 80 }, { name: 'http', port: 443 }), message: /port name "http" is used more than once/ },
  { rule: 'port name syntax', valid: mgPorts({ name: 'tcp-db', port: 5432 }), invalid: mgPorts({ name: 'TCP_DB', port: 5432 }), message: /invalid port name "TCP_DB"/ },
  { rule: 'ports unique', valid: mgPorts({ name: 'dns', port: 53, protocol: 'TCP' }, { name: 'dns-udp', port: 53, protocol: 'UDP' }), invalid: mgPorts({ name: 'a', port: 80 }, { name: 'b', port: 80 }), message: /port 80\/TCP is defined more than once/ },
  { rule: 'Service protocol', valid: mgPorts({ port: 80, protocol: 'SCTP' }), invalid: mgPorts({ port: 80, protocol: 'HTTP' }), message: /"HTTP" is not a Service protocol/ },
  { rule: 'target port', valid: mgPorts({ port: 80, targetPort: 'http-alt' }), invalid: mgPorts({ port: 80, targetPort: 0 }), message: /port number 0/ },
  { rule: 'named target port', valid: mgPorts({ port: 80, targetPort: 8080 }), invalid: mgPorts({ port: 80, targetPort: 'a-very-long-port-name' }), message: /invalid targetPort "a-very-long-port-name"/ },
  { rule: 'no nodePort on ClusterIP', valid: meshGatewayObject({ serviceType: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), invalid: meshGatewayObject({ serviceType: 'ClusterIP', ports: [{ port: 80, nodePort: 30080 }] }), message: /a nodePort cannot be set on a ClusterIP Service/ },
  { rule: 'load balancer IP on a LoadBalancer only', valid: meshGatewayObject({ loadBalancerIP: '203.0.113.7' }), invalid: meshGatewayObject({ serviceType: 'ClusterIP', loadBalancerIP: '203.0.113.7' }), message: /spec.loadBalancerIP: a ClusterIP Service has no load balancer/ },
  { rule: 'external traffic policy on NodePort or LoadBalancer only', valid: meshGatewayObject({ serviceType: 'NodePort', serviceExternalTrafficPolicy: 'Local' }), invalid: meshGatewayObject({ serviceType: 'ClusterIP', serviceExternalTrafficPolicy: 'Local' }), message: /spec.serviceExternalTrafficPolicy: a ClusterIP Service takes no traffic from outside the cluster/ },
  { rule: 'min replicas within max', valid: meshGatewayObject({ minReplicas: 2, maxReplicas: 2 }), invalid: meshGatewayObject({ minReplicas: 3, maxReplicas: 2 }), message: /minimum number of replicas \(3\) is greater than the maximum \(2\)/ },
]);

describeRules('IstioMeshGateway', [
  { rule: 'name can name a Service', valid: istioMeshGatewayObject({}, 'edge'), invalid: istioMeshGatewayObject({}, 'edge.gw'), message: /"edge.gw" cannot name the gateway's Service/ },
  { rule: 'control plane named', valid: istioMeshGatewayObject({ istioControlPlane: { name: 'cp' } }), invalid: istioMeshGatewayObject({ istioControlPlane: { namespace: 'istio-system' } }), message: /no control plane is named/, level: FindingLevel.WARNING },
  { rule: 'port range', valid: service({ ports: [{ port: 15443, name: 'tls' }] }), invalid: service({ ports: [{ port: -1, name: 'tls' }] }), message: /port number -1/ },
  { rule: 'nodePort only on NodePort or LoadBalancer', valid: service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), invalid: service({ type: 'ClusterIP', ports: [{ port: 80, nodePort: 30080 }] }), message: /a nodePort cannot be set on a ClusterIP Service/ },
  { rule: 'load balancer IP on a LoadBalancer only', valid: service({ loadBalancerIP: '203.0.113.7' }), invalid: service({ type: 'NodePort', loadBalancerIP: '203.0.113.7' }), message: /spec.service.loadBalancerIP: a NodePort Service has no load balancer/ },
  { rule: 'external traffic policy on NodePort or LoadBalancer only', valid: service({ externalTrafficPolicy: 'Local' }), invalid: service({ type: 'ClusterIP', externalTrafficPolicy: 'Local' }), message: /spec.service.externalTrafficPolicy: a ClusterIP Service takes no traffic from outside the cluster/ },
  { rule: 'min replicas within max', valid: istioMeshGatewayObject({ deployment: { replicas: { min: 2, max: 5 } } }), invalid: istioMeshGatewayObject({ deployment: { replicas: { min: 6, max: 5 } } }), message: /minimum number of replicas \(6\) is greater than the maximum \(5\)/ },
]);
