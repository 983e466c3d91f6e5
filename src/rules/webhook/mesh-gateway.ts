import { KubeObject } from '../finding';
import { checkReplicaRange, checkServiceName, checkServicePorts, checkServiceTraffic } from './mesh-gateway-kinds';
import { Report } from './report';
import { objectAt, stringAt } from './values';

/** The constraints of the Banzai Cloud operator's MeshGateway (istio.banzaicloud.io/v1beta1). */
export function checkMeshGateway(obj: KubeObject, report: Report): void {
  checkServiceName(report, obj.metadata?.name ?? '');
  const spec = objectAt(obj.spec);
  if (!spec) {
    report.error('spec', 'spec is required, with type and ports');
    return;
  }
  // the CRD's schema checks the type, the enums, the replica counts and that ports are given;
  // the operator defaults the Service to LoadBalancer
  const serviceType = stringAt(spec.serviceType) || 'LoadBalancer';
  checkServicePorts(report, 'spec.ports', spec.ports, serviceType);
  checkServiceTraffic(report, serviceType, { path: 'spec.loadBalancerIP', value: spec.loadBalancerIP }, { path: 'spec.serviceExternalTrafficPolicy', value: spec.serviceExternalTrafficPolicy });
  checkReplicaRange(report, 'spec.minReplicas', spec.minReplicas, spec.maxReplicas);
}
