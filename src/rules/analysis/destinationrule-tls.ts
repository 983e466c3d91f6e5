import { KubeObject } from '../finding';
import { arrayOf, fullNameOf, namespaceOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, Report } from './messages';

/** Modes in which the sidecar originates TLS itself and must verify the server. */
const ORIGINATING_MODES = new Set(['SIMPLE', 'MUTUAL']);

/**
 * A DestinationRule that originates TLS (mode SIMPLE or MUTUAL) without `caCertificates`, for
 * the whole host (IST0128) or for one port (IST0129): the server certificate is not verified.
 * A `credentialName` counts as verification only on a rule with a `workloadSelector`: proxies
 * read the Secret (and its `ca.crt`) only where a rule is scoped to chosen workloads.
 */
export function analyzeDestinationRuleTls(context: AnalysisContext, report: Report): void {
  for (const dr of context.index.ofKind('DestinationRule')) {
    const name = fullNameOf(dr);
    const namespace = namespaceOf(dr);
    const host = String(dr.spec?.host ?? '');
    const policy = dr.spec?.trafficPolicy;
    if (unverified(dr, policy?.tls)) {
      report(findingOf(MESSAGES.NoServerCertificateVerificationDestinationLevel, dr,
        `DestinationRule ${name} in namespace ${namespace} has TLS mode set to ${policy.tls.mode} but no caCertificates are set to validate server identity for host: ${host}`));
    }
    for (const setting of arrayOf(policy?.portLevelSettings)) {
      if (unverified(dr, setting?.tls)) {
        report(findingOf(MESSAGES.NoServerCertificateVerificationPortLevel, dr,
          `DestinationRule ${name} in namespace ${namespace} has TLS mode set to ${setting.tls.mode} but no caCertificates are set to validate server identity for host: ${host} at port ${portText(setting?.port)}`));
      }
    }
  }
}

function unverified(dr: KubeObject, tls: any): boolean {
  if (!ORIGINATING_MODES.has(tls?.mode) || tls?.caCertificates) {
    return false;
  }
  const hasWorkloadSelector = dr.spec?.workloadSelector !== undefined && dr.spec?.workloadSelector !== null;
  return !(tls?.credentialName && hasWorkloadSelector);
}

/** The port selector as istioctl prints it: the protobuf text form, `number:8443`. */
function portText(port: any): string {
  return typeof port?.number === 'number' ? `number:${port.number}` : '';
}
