import { KubeObject } from '../finding';
import { apiGroupOf, arrayOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, Report } from './messages';

/** A kind whose status istioctl reads, and the condition types it takes as negative when `False`. */
interface ReadStatus {
  readonly kind: string;
  readonly group: string;
  readonly negative: ReadonlySet<string>;
  /** True for routes, whose conditions are per parent (`status.parents[].conditions`). */
  readonly perParent?: boolean;
}

const WAYPOINT_BOUND = new Set(['istio.io/WaypointBound']);
const GATEWAY_API = new Set(['Accepted', 'Programmed', 'ResolvedRefs']);

const READ_STATUSES: readonly ReadStatus[] = [
  { kind: 'Service', group: '', negative: WAYPOINT_BOUND },
  { kind: 'ServiceEntry', group: 'networking.istio.io', negative: WAYPOINT_BOUND },
  { kind: 'WorkloadEntry', group: 'networking.istio.io', negative: WAYPOINT_BOUND },
  { kind: 'AuthorizationPolicy', group: 'security.istio.io', negative: new Set(['ZtunnelAccepted', 'WaypointAccepted']) },
  { kind: 'Gateway', group: 'gateway.networking.k8s.io', negative: GATEWAY_API },
  { kind: 'HTTPRoute', group: 'gateway.networking.k8s.io', negative: GATEWAY_API, perParent: true },
  { kind: 'GRPCRoute', group: 'gateway.networking.k8s.io', negative: GATEWAY_API, perParent: true },
];

/**
 * IST0171 NegativeConditionStatus: a condition the controllers wrote into an object's status that
 * says it does not work: a Service, ServiceEntry or WorkloadEntry not bound to its waypoint, an
 * AuthorizationPolicy ztunnel or a waypoint did not accept (or accepted only in part), a Gateway
 * API Gateway or route not accepted, not programmed or with references not resolved. Read from
 * `status` as `kubectl get -o yaml` gives it; other condition types are not Istio's and are left
 * alone. Once per condition.
 */
export function analyzeStatusConditions(context: AnalysisContext, report: Report): void {
  for (const read of READ_STATUSES) {
    for (const obj of context.index.ofKind(read.kind)) {
      if (apiGroupOf(obj) !== read.group) {
        continue;
      }
      for (const condition of conditionsOf(obj, read)) {
        const partiallyInvalid = read.kind === 'AuthorizationPolicy' && condition?.type === 'WaypointAccepted' && condition?.reason === 'PartiallyInvalid';
        if ((read.negative.has(condition?.type) && condition?.status === 'False') || partiallyInvalid) {
          report(findingOf(MESSAGES.NegativeConditionStatus, obj,
            `A condition with a negative status is present: type=${text(condition?.type)}, reason=${text(condition?.reason)}, message=${text(condition?.message)}.`));
        }
      }
    }
  }
}

function conditionsOf(obj: KubeObject, read: ReadStatus): any[] {
  return read.perParent ? arrayOf(obj.status?.parents).flatMap((parent) => arrayOf(parent?.conditions)) : arrayOf(obj.status?.conditions);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
