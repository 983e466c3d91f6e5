import { Finding, KubeObject } from '../finding';
import { checkDestinationRule } from './destination-rule';
import { checkGateway } from './gateway';
import { checkIstioMeshGateway } from './istio-mesh-gateway';
import { checkMeshGateway } from './mesh-gateway';
import { Report } from './report';
import { checkServiceEntry } from './service-entry';
import { checkSidecar } from './sidecar';
import { checkVirtualService } from './virtual-service';

type Check = (obj: KubeObject, report: Report) => void;

/** The rules per `group/Kind`; every served version of a group shares them. */
const CHECKS: ReadonlyMap<string, Check> = new Map<string, Check>([
  ['networking.istio.io/Gateway', checkGateway],
  ['networking.istio.io/VirtualService', checkVirtualService],
  ['networking.istio.io/ServiceEntry', checkServiceEntry],
  ['networking.istio.io/DestinationRule', checkDestinationRule],
  ['networking.istio.io/Sidecar', checkSidecar],
  ['istio.banzaicloud.io/MeshGateway', checkMeshGateway],
  ['servicemesh.cisco.com/IstioMeshGateway', checkIstioMeshGateway],
]);

/** The versions whose schemas the rules follow, per API group; other versions are skipped. */
const VERSIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['networking.istio.io', new Set(['v1alpha3', 'v1beta1', 'v1'])],
  ['istio.banzaicloud.io', new Set(['v1beta1'])],
  ['servicemesh.cisco.com', new Set(['v1alpha1'])],
]);

function checkFor(obj: KubeObject): Check | undefined {
  if (typeof obj?.apiVersion !== 'string') {
    return undefined;
  }
  const [group, version] = obj.apiVersion.split('/');
  if (!VERSIONS.get(group)?.has(version)) {
    return undefined;
  }
  return CHECKS.get(`${group}/${obj.kind}`);
}

/**
 * The findings of the per-object admission rules (Istio's validating webhook and the CRDs'
 * rules) for one object: IST0106 where Istio would reject it, IST0133 where it would admit it
 * with a warning. Objects of kinds without rules yield none.
 */
export function checkObject(obj: KubeObject): Finding[] {
  const check = checkFor(obj);
  if (!check) {
    return [];
  }
  const report = new Report(obj);
  check(obj, report);
  return report.findings;
}
