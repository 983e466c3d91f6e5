import { KubeObject } from '../finding';
import { checkReplicaRange, checkServiceName, checkServicePorts, checkServiceTraffic } from './mesh-gateway-kinds';
import { Report } from './report';
import { objectAt, stringAt } from './values';

/** The constraints of Cisco's IstioMeshGateway (servicemesh.cisco.com/v1alpha1). */
export function checkIstioMeshGateway(obj: KubeObject, report: Report): void {
  checkServiceName(report, obj.metadata?.name ?? '');
  // the CRD's schema requires spec, its type, istioControlPlane and service (with type and
  // ports), and bounds the replica counts: the schema layer has checked them
  const spec = objectAt(obj.spec) ?? {};
  const controlPlane = objectAt(spec.istioControlPlane);
  if (controlPlane && stringAt(controlPlane.name) === '') {
    report.warn('spec.istioControlPlane.name', 'no control plane is named: the operator cannot attach the gateway to one');
  }
  const service = objectAt(spec.service);
  if (service) {
    const serviceType = stringAt(service.type);
    checkServicePorts(report, 'spec.service.ports', service.ports, serviceType);
    checkServiceTraffic(report, serviceType, { path: 'spec.service.loadBalancerIP', value: service.loadBalancerIP }, { path: 'spec.service.externalTrafficPolicy', value: service.externalTrafficPolicy });
  }
  const replicas = objectAt(objectAt(spec.deployment)?.replicas);
  if (replicas) {
    checkReplicaRange(report, 'spec.deployment.replicas.min', replicas.min, replicas.max);
  }
}
