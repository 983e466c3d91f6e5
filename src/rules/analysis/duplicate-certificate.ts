import { KubeObject } from '../finding';
import { arrayOf, fullNameOf, selectorKey } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, list, MESSAGES, Report } from './messages';

/**
 * IST0138 GatewayDuplicateCertificate: Gateways on the same workload (the same selector) that
 * serve the same certificate, by `credentialName` or by the same certificate and key files.
 * Browsers reuse one HTTP/2 connection for every host of a certificate, and Envoy answers 404
 * for hosts of the other Gateway on it.
 */
export function analyzeDuplicateCertificates(context: AnalysisContext, report: Report): void {
  const groups = new Map<string, KubeObject[]>();
  for (const gateway of context.index.ofKind('Gateway')) {
    const keys = new Set(arrayOf(gateway.spec?.servers).map((s) => certificateKey(s?.tls)).filter((k): k is string => k !== undefined));
    for (const key of keys) {
      const group = `${selectorKey(gateway.spec?.selector)}~${key}`;
      const members = groups.get(group);
      if (members) {
        members.push(gateway);
      } else {
        groups.set(group, [gateway]);
      }
    }
  }
  for (const members of groups.values()) {
    if (members.length < 2) {
      continue;
    }
    const message = `Duplicate certificate in multiple gateways ${list(members.map(fullNameOf).sort())} may cause 404s if clients re-use HTTP2 connections.`;
    for (const gateway of members) {
      report(findingOf(MESSAGES.GatewayDuplicateCertificate, gateway, message));
    }
  }
}

function certificateKey(tls: any): string | undefined {
  if (typeof tls?.credentialName === 'string' && tls.credentialName !== '') {
    return `credentialName ${tls.credentialName}`;
  }
  if (typeof tls?.serverCertificate === 'string' && tls.serverCertificate !== '' && typeof tls?.privateKey === 'string' && tls.privateKey !== '') {
    return `files ${tls.serverCertificate} ${tls.privateKey}`;
  }
  return undefined;
}
