import { KubeObject } from '../finding';
import { checkCount, checkGatewayType, checkReplicaRange, checkServiceName, checkServicePorts, checkServiceType } from './gateway-workload';
import { Report } from './report';
import { objectAt, stringAt } from './values';

/** The constraints of Cisco's IstioMeshGateway (servicemesh.cisco.com/v1alpha1). */
export function checkIstioMeshGateway(obj: KubeObject, report: Report): void {
  checkServiceName(report, obj.metadata?.name ?? '');
  const spec = objectAt(obj.spec);
  if (!spec) {
    report.error('spec', 'spec is required, with type, service and istioControlPlane');
    return;
  }
  checkGatewayType(report, 'spec.type', spec.type);
  const controlPlane = objectAt(spec.istioControlPlane);
  if (!controlPlane) {
    report.error('spec.istioControlPlane', 'istioControlPlane is required: name the IstioControlPlane the gateway belongs to');
  } else if (stringAt(controlPlane.name) === '') {
    report.warn('spec.istioControlPlane.name', 'no control plane is named: the operator cannot attach the gateway to one');
  }
  const service = objectAt(spec.service);
  if (!service) {
    report.error('spec.service', 'service is required, with type and ports');
  } else {
    checkServiceType(report, 'spec.service.type', service.type, true);
    checkServicePorts(report, 'spec.service.ports', service.ports, stringAt(service.type), 1);
  }
  const replicas = objectAt(objectAt(spec.deployment)?.replicas);
  if (replicas) {
    checkCount(report, 'spec.deployment.replicas.count', replicas.count, 0);
    checkCount(report, 'spec.deployment.replicas.min', replicas.min, 0);
    checkCount(report, 'spec.deployment.replicas.max', replicas.max, 1);
    checkCount(report, 'spec.deployment.replicas.targetCPUUtilizationPercentage', replicas.targetCPUUtilizationPercentage, 0);
    checkReplicaRange(report, 'spec.deployment.replicas.min', replicas.min, replicas.max);
  }
}
