import { analyze } from '../../../src/rules/analyze';
import { FindingLevel, KubeObject } from '../../../src/rules/finding';
import { istioMeshGatewayObject, meshGatewayObject } from '../../support/mesh-gateways';

// What the CRDs themselves require (types, enums, required fields, bounds) is judged by the
// schema layer alone, not again by the admission rules: each case names the CRD rule and the one
// finding analyze reports for it.


const service = (svc: any) => istioMeshGatewayObject({ service: { type: 'LoadBalancer', ports: [{ name: 'http2', port: 80 }], ...svc } });

const server = { port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['shop.example.com'] };
const threeCertificates = [1, 2, 3].map((n) => ({ serverCertificate: `/c${n}`, privateKey: `/k${n}` }));
const istio = (kind: string, spec: any): KubeObject => ({ apiVersion: 'networking.istio.io/v1', kind, metadata: { name: 'shop', namespace: 'edge' }, spec });

const CASES: Array<[string, KubeObject, string]> = [
  ['Gateway server port required', istio('Gateway', { servers: [{ hosts: ['shop.example.com'] }] }), 'spec.servers[0].port: required field is missing'],
  [
    'Gateway at most 2 tlsCertificates',
    istio('Gateway', { servers: [{ ...server, tls: { mode: 'SIMPLE', tlsCertificates: threeCertificates } }] }),
    'spec.servers[0].tls.tlsCertificates: expected at most 2 items, got 3',
  ],
  [
    'Sidecar ingress at most 2 tlsCertificates',
    istio('Sidecar', { ingress: [{ port: { number: 8443, name: 'https', protocol: 'HTTPS' }, tls: { mode: 'SIMPLE', tlsCertificates: threeCertificates } }] }),
    'spec.ingress[0].tls.tlsCertificates: expected at most 2 items, got 3',
  ],
  ['MeshGateway type required', meshGatewayObject({ type: undefined }), 'spec.type: required field is missing'],
  ['MeshGateway type enum', meshGatewayObject({ type: 'Ingress' }), 'spec.type: expected one of "ingress", "egress", got string "Ingress"'],
  ['MeshGateway service type enum', meshGatewayObject({ serviceType: 'ExternalName' }), 'spec.serviceType: expected one of "ClusterIP", "NodePort", "LoadBalancer", got string "ExternalName"'],
  ['MeshGateway external traffic policy enum', meshGatewayObject({ serviceExternalTrafficPolicy: 'local' }), 'spec.serviceExternalTrafficPolicy: expected one of "Local", "Cluster", got string "local"'],
  ['MeshGateway ports required', meshGatewayObject({ ports: undefined }), 'spec.ports: required field is missing'],
  ['MeshGateway port required', meshGatewayObject({ ports: [{ name: 'http', targetPort: 8080 }] }), 'spec.ports[0].port: required field is missing'],
  ['MeshGateway replica count', meshGatewayObject({ replicaCount: -1 }), 'spec.replicaCount: expected a number at least 0, got -1'],
  ['MeshGateway replica count is whole', meshGatewayObject({ minReplicas: 1.5 }), 'spec.minReplicas: expected integer, got number 1.5'],
  ['IstioMeshGateway spec required', { ...istioMeshGatewayObject({}), spec: undefined }, 'spec: required field is missing'],
  ['IstioMeshGateway type enum', istioMeshGatewayObject({ type: 'sideways' }), 'spec.type: expected one of "ingress", "egress", got string "sideways"'],
  ['IstioMeshGateway control plane required', istioMeshGatewayObject({ istioControlPlane: undefined }), 'spec.istioControlPlane: required field is missing'],
  ['IstioMeshGateway service required', istioMeshGatewayObject({ service: undefined }), 'spec.service: required field is missing'],
  ['IstioMeshGateway service type required', service({ type: undefined }), 'spec.service.type: required field is missing'],
  ['IstioMeshGateway at least one port', service({ ports: [] }), 'spec.service.ports: expected at least 1 items, got 0'],
  ['IstioMeshGateway max replicas at least 1', istioMeshGatewayObject({ deployment: { replicas: { min: 0, max: 0 } } }), 'spec.deployment.replicas.max: expected a number at least 1, got 0'],
  ['IstioMeshGateway CPU target is whole', istioMeshGatewayObject({ deployment: { replicas: { targetCPUUtilizationPercentage: 1.5 } } }), 'spec.deployment.replicas.targetCPUUtilizationPercentage: expected integer, got number 1.5'],
];

describe('the CRDs\' own rules, as the schema layer judges them', () => {
  test.each(CASES)('%s', (_rule, obj, message) => {
    expect(analyze([obj], { assumeHostsAndSecretsExist: true })).toStrictEqual([{
      code: 'IST0106',
      level: FindingLevel.ERROR,
      kind: obj.kind,
      name: obj.metadata!.name,
      namespace: obj.metadata!.namespace,
      message,
    }]);
  });

  test('the valid objects have no finding', () => {
    expect(analyze([meshGatewayObject({}), istioMeshGatewayObject({})], { assumeHostsAndSecretsExist: true }).filter((f) => f.code === 'IST0106')).toStrictEqual([]);
  });
});
