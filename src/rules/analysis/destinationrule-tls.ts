import { arrayOf, namespaceOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, Report } from './messages';

/** Modes in which the sidecar originates TLS itself and must verify the server. */
const ORIGINATING_MODES = new Set(['SIMPLE', 'MUTUAL']);

/**
 * A DestinationRule that originates TLS (mode SIMPLE or MUTUAL) without `caCertificates`, for
 * the whole host (IST0128) or for one port (IST0129): the server certificate is not verified.
 * A `credentialName` counts as verification, since its Secret carries the CA (`ca.crt`).
 */
export function analyzeDestinationRuleTls(context: AnalysisContext, report: Report): void {
  for (const dr of context.index.ofKind('DestinationRule')) {
    const name = dr.metadata?.name ?? '';
    const namespace = namespaceOf(dr);
    const host = String(dr.spec?.host ?? '');
    const policy = dr.spec?.trafficPolicy;
    if (unverified(policy?.tls)) {
      report(findingOf(MESSAGES.NoServerCertificateVerificationDestinationLevel, dr,
        `DestinationRule ${name} in namespace ${namespace} has TLS mode set to ${policy.tls.mode} but no caCertificates are set to validate server identity for host: ${host}`));
    }
    for (const setting of arrayOf(policy?.portLevelSettings)) {
      if (unverified(setting?.tls)) {
        report(findingOf(MESSAGES.NoServerCertificateVerificationPortLevel, dr,
          `DestinationRule ${name} in namespace ${namespace} has TLS mode set to ${setting.tls.mode} but no caCertificates are set to validate server identity for host: ${host} at port ${setting?.port?.number}`));
      }
    }
  }
}

function unverified(tls: any): boolean {
  return ORIGINATING_MODES.has(tls?.mode) && !tls?.caCertificates && !tls?.credentialName;
}
