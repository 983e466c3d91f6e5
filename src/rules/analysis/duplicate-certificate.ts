import { KubeObject } from '../finding';
import { arrayOf, fullNameOf, Labels, selects } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, list, MESSAGES, Report } from './messages';
import { appendTo } from '../multimap';

/**
 * IST0138 GatewayDuplicateCertificate: a Gateway that serves the same certificate (by
 * `credentialName`, or by the same certificate and key files) as another Gateway whose selector
 * has every label of its own, in any namespace. Browsers reuse one HTTP/2 connection for every
 * host of a certificate, and Envoy answers 404 for hosts of the other Gateway on it.
 *
 * As istioctl does, the finding is on the Gateway with the fewer labels (both, when the selectors
 * are equal), once per other Gateway, and names that Gateway second.
 */
export function analyzeDuplicateCertificates(context: AnalysisContext, report: Report): void {
  const byCertificate = new Map<string, KubeObject[]>();
  const certificatesOf = new Map<KubeObject, Set<string>>();
  for (const gateway of context.index.istioGateways()) {
    const keys = new Set(arrayOf(gateway.spec?.servers).map((s) => certificateKey(s?.tls)).filter((k): k is string => k !== undefined));
    certificatesOf.set(gateway, keys);
    for (const key of keys) {
      appendTo(byCertificate, key, gateway);
    }
  }
  for (const [gateway, keys] of certificatesOf) {
    const selector: Labels = gateway.spec?.selector ?? {};
    const others = new Set<KubeObject>();
    for (const key of keys) {
      for (const other of byCertificate.get(key)!) {
        if (other !== gateway && selects(selector, other.spec?.selector ?? {})) {
          others.add(other);
        }
      }
    }
    const name = fullNameOf(gateway);
    for (const otherName of [...others].map(fullNameOf).sort()) {
      report(findingOf(MESSAGES.GatewayDuplicateCertificate, gateway,
        `Duplicate certificate in multiple gateways ${list([name, otherName])} may cause 404s if clients re-use HTTP2 connections.`));
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
