import { autoAllocatesAddresses } from '../mesh-config';
import { arrayOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, Report } from './messages';

/**
 * IST0134 ServiceEntryAddressesRequired: a ServiceEntry without addresses, of its own or
 * allocated by the control plane (`status.addresses`), that has a TCP port (or a port without
 * protocol). Sidecars match plain TCP by destination address only, so without one the entry
 * captures traffic on that port for every address. Not reported when the mesh config has
 * sidecars capture DNS and allocate the addresses themselves.
 */
export function analyzeServiceEntryAddresses(context: AnalysisContext, report: Report): void {
  if (autoAllocatesAddresses(context.meshConfig)) {
    return;
  }
  for (const se of context.index.ofKind('ServiceEntry')) {
    if (arrayOf(se.spec?.addresses).length > 0 || arrayOf(se.status?.addresses).length > 0) {
      continue;
    }
    if (arrayOf(se.spec?.ports).some(isPlainTcp)) {
      report(findingOf(MESSAGES.ServiceEntryAddressesRequired, se, 'ServiceEntry addresses are required for this protocol.'));
    }
  }
}

/** Istio reads protocol names without regard to case: `tcp` is TCP. */
function isPlainTcp(port: any): boolean {
  const protocol = port?.protocol;
  return protocol === undefined || protocol === null || protocol === '' || (typeof protocol === 'string' && protocol.toUpperCase() === 'TCP');
}
