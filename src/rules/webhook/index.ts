import { Finding, KubeObject } from '../finding';
import { IstioRelease } from '../istio-release';
import { checkAuthorizationPolicy } from './authorization-policy';
import { checkDestinationRule } from './destination-rule';
import { checkGateway } from './gateway';
import { checkIstioMeshGateway } from './istio-mesh-gateway';
import { checkMeshGateway } from './mesh-gateway';
import { checkMetadata } from './metadata';
import { Report } from './report';
import { checkServiceEntry } from './service-entry';
import { checkSidecar } from './sidecar';
import { checkVirtualService } from './virtual-service';

type Check = (obj: KubeObject, report: Report) => void;

/** The groups Istio's own webhook judges, metadata first; the operators' kinds have rules of their own. */
const ISTIO_WEBHOOK_GROUPS = new Set(['networking.istio.io', 'security.istio.io']);

/** The rules of an API group: the versions whose schemas they follow, and the check of each kind. */
interface GroupRules {
  readonly group: string;
  readonly versions: readonly string[];
  readonly checks: ReadonlyMap<string, Check>;
}

const GROUPS: readonly GroupRules[] = [
  {
    group: 'networking.istio.io',
    versions: ['v1alpha3', 'v1beta1', 'v1'],
    checks: new Map<string, Check>([
      ['Gateway', checkGateway],
      ['VirtualService', checkVirtualService],
      ['ServiceEntry', checkServiceEntry],
      ['DestinationRule', checkDestinationRule],
      ['Sidecar', checkSidecar],
    ]),
  },
  { group: 'security.istio.io', versions: ['v1beta1', 'v1'], checks: new Map([['AuthorizationPolicy', checkAuthorizationPolicy]]) },
  { group: 'istio.banzaicloud.io', versions: ['v1beta1'], checks: new Map([['MeshGateway', checkMeshGateway]]) },
  { group: 'servicemesh.cisco.com', versions: ['v1alpha1'], checks: new Map([['IstioMeshGateway', checkIstioMeshGateway]]) },
];

/**
 * The checks of each kind by full `apiVersion` (`networking.istio.io/v1beta1`); other versions
 * are skipped. Keyed by the whole string so that finding an object's rules allocates nothing,
 * which counts when an app holds tens of thousands of objects.
 */
const CHECKS: ReadonlyMap<string, ReadonlyMap<string, Check>> = new Map(
  GROUPS.flatMap(({ group, versions, checks }) => versions.map((version): [string, ReadonlyMap<string, Check>] => [`${group}/${version}`, checks])),
);

function checkFor(obj: KubeObject): Check | undefined {
  if (typeof obj?.apiVersion !== 'string' || typeof obj.kind !== 'string') {
    return undefined;
  }
  return CHECKS.get(obj.apiVersion)?.get(obj.kind);
}

/**
 * The findings of the per-object admission rules (Istio's validating webhook and the CRDs'
 * rules) for one object: IST0106 where Istio would reject it, IST0133 where it would admit it
 * with a warning, as `release` would judge it. Objects of kinds without rules yield none.
 */
export function checkObject(obj: KubeObject, release: IstioRelease = IstioRelease.LATEST): Finding[] {
  const check = checkFor(obj);
  if (!check) {
    return [];
  }
  const report = new Report(obj, release);
  if (!ISTIO_WEBHOOK_GROUPS.has(obj.apiVersion.split('/')[0]) || checkMetadata(obj, report)) {
    check(obj, report);
  }
  return report.findings;
}
