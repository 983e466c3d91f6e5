import { KubeObject } from '../finding';
import { Report } from './report';
import { quote, stringAt } from './values';

const DRY_RUN = 'istio.io/dry-run';
/** Annotations istiod sets on the objects it generates; from a user they would escalate privileges. */
const INTERNAL_ANNOTATIONS = ['internal.istio.io/webhook-always-reject', 'internal.istio.io/parent-namespace', 'internal.istio.io/parents'];
/** The values Go's strconv.ParseBool takes. */
const GO_BOOLEANS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);
/** The actions a dry run can simulate. */
const DRY_RUN_ACTIONS = new Set(['ALLOW', 'DENY']);

/**
 * The admission rules Istio applies to the metadata of every kind before its spec: only an
 * AuthorizationPolicy may be a dry run (`istio.io/dry-run`, a boolean, for ALLOW and DENY), and no
 * object may carry istiod's internal annotations.
 *
 * @returns false when the object is rejected here, and its spec is not judged further (as Istio's
 * webhook stops at the first metadata error)
 */
export function checkMetadata(obj: KubeObject, report: Report): boolean {
  const annotations = obj.metadata?.annotations;
  if (!annotations || typeof annotations !== 'object') {
    return true;
  }
  if (DRY_RUN in annotations) {
    const problem = dryRunProblem(obj, annotations[DRY_RUN]);
    if (problem !== undefined) {
      report.error(`metadata.annotations[${DRY_RUN}]`, problem);
      return false;
    }
  }
  const internal = INTERNAL_ANNOTATIONS.find((name) => name in annotations);
  if (internal !== undefined) {
    report.error(`metadata.annotations[${internal}]`, `the annotation ${internal} is istiod's own and may not be set by users`);
    return false;
  }
  return true;
}

function dryRunProblem(obj: KubeObject, value: unknown): string | undefined {
  if (obj.kind !== 'AuthorizationPolicy') {
    return `only an AuthorizationPolicy supports the annotation ${DRY_RUN}: remove it`;
  }
  const action = stringAt(obj.spec?.action) || 'ALLOW';
  if (!DRY_RUN_ACTIONS.has(action)) {
    return `the annotation ${DRY_RUN} supports only the actions ALLOW and DENY, not ${action}`;
  }
  return GO_BOOLEANS.has(stringAt(value)) ? undefined : `invalid value ${quote(value)} for ${DRY_RUN}: expected true or false`;
}
