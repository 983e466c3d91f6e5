import { KubeObject } from '../finding';
import { checkCount, checkEnum, checkGatewayType, checkReplicaRange, checkServiceName, checkServicePorts, checkServiceType } from './gateway-workload';
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
  checkGatewayType(report, 'spec.type', spec.type);
  checkServiceType(report, 'spec.serviceType', spec.serviceType, false);
  checkEnum(report, 'spec.serviceExternalTrafficPolicy', spec.serviceExternalTrafficPolicy, ['Local', 'Cluster'], false);
  // the operator defaults the Service to LoadBalancer
  checkServicePorts(report, 'spec.ports', spec.ports, stringAt(spec.serviceType) || 'LoadBalancer', 0);
  for (const field of ['minReplicas', 'maxReplicas', 'replicaCount']) {
    checkCount(report, `spec.${field}`, spec[field], 0);
  }
  checkReplicaRange(report, 'spec.minReplicas', spec.minReplicas, spec.maxReplicas);
}
