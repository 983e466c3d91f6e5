import { arrayOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, Report } from './messages';

/**
 * IST0002 Deprecated: fields Istio still admits but has replaced or stopped honouring. A
 * VirtualService's `fault.delay.percent` (an integer) is replaced by `fault.delay.percentage`;
 * a Sidecar's `outboundTrafficPolicy.egressProxy` is ignored. Reported once per use.
 */
export function analyzeDeprecatedFields(context: AnalysisContext, report: Report): void {
  for (const vs of context.index.ofKind('VirtualService')) {
    for (const rule of arrayOf(vs.spec?.http)) {
      const percent = rule?.fault?.delay?.percent;
      if (typeof percent === 'number' && percent > 0) {
        report(findingOf(MESSAGES.Deprecated, vs, 'Deprecated: HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage'));
      }
    }
  }
  for (const sidecar of context.index.ofKind('Sidecar')) {
    const egressProxy = sidecar.spec?.outboundTrafficPolicy?.egressProxy;
    if (egressProxy !== undefined && egressProxy !== null) {
      report(findingOf(MESSAGES.Deprecated, sidecar, 'Deprecated: OutboundTrafficPolicy.EgressProxy ignored'));
    }
  }
}
