import { Finding, KubeObject } from '../finding';
import { arrayOf } from '../mesh-index';
import { isDns1123Label, isDns1123Subdomain } from '../webhook/kubernetes-names';
import { isHttpProtocol } from '../webhook/protocol';
import { stringAt } from '../webhook/values';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, Report } from './messages';

/**
 * The project's own checks of Gateway servers' TLS settings that Istio admits but that cannot work
 * as written (docs/rules-webhook.md, "The project's own rules"):
 * - CIG0201 EmptyTlsVersionRange: a maximum TLS version older than the minimum leaves no version
 *   both sides could negotiate, so every handshake on the server fails;
 * - CIG0202 TlsModeWithoutEffect: a plain HTTP server with a TLS mode but no `httpsRedirect`:
 *   Istio builds a plain HTTP listener for it and ignores the mode;
 * - CIG0203 UnusableCredentialName: a `credentialName` that no Kubernetes Secret can have, so the
 *   server never gets its certificate.
 */
export function analyzeServerTlsSettings(context: AnalysisContext, report: Report): void {
  for (const gateway of context.index.istioGateways()) {
    serverTlsFindings(gateway).forEach(report);
  }
}

/** The findings of the project's server TLS rules on one Istio Gateway. */
export function serverTlsFindings(gateway: KubeObject): Finding[] {
  const findings: Finding[] = [];
  arrayOf(gateway.spec?.servers).forEach((server, i) => {
    const tls = server?.tls;
    if (tls === undefined || tls === null || typeof tls !== 'object') {
      return;
    }
    const at = `spec.servers[${i}].tls`;
    const range = tlsVersionRangeProblem(stringAt(tls.minProtocolVersion), stringAt(tls.maxProtocolVersion));
    if (range !== undefined) {
      findings.push(findingOf(MESSAGES.EmptyTlsVersionRange, gateway, `${at}.maxProtocolVersion: ${range}`));
    }
    if (isHttpProtocol(stringAt(server.port?.protocol)) && tls.httpsRedirect !== true && stringAt(tls.mode) !== '') {
      findings.push(findingOf(MESSAGES.TlsModeWithoutEffect, gateway, `${at}.mode: ${plainHttpModeProblem(stringAt(tls.mode))}`));
    }
    const credentialName = stringAt(tls.credentialName);
    const credential = credentialName === '' ? undefined : credentialNameProblem(credentialName);
    if (credential !== undefined) {
      findings.push(findingOf(MESSAGES.UnusableCredentialName, gateway, `${at}.credentialName: ${credential}`));
    }
  });
  return findings;
}

/** TLS versions in order; `TLS_AUTO` (or none) leaves the bound to Envoy and compares with nothing. */
const VERSION_ORDER = ['TLSV1_0', 'TLSV1_1', 'TLSV1_2', 'TLSV1_3'];

/** CIG0201: why a server cannot negotiate TLS between `min` and `max`, or undefined. */
export function tlsVersionRangeProblem(min: string, max: string): string | undefined {
  const lowest = VERSION_ORDER.indexOf(min);
  const highest = VERSION_ORDER.indexOf(max);
  if (lowest < 0 || highest < 0 || highest >= lowest) {
    return undefined;
  }
  return `${max} is older than minProtocolVersion ${min}: no TLS version is left to negotiate, so every handshake fails; give a maximum no older than the minimum`;
}

/** CIG0202: what a TLS `mode` on a plain HTTP server without httpsRedirect does: nothing. */
export function plainHttpModeProblem(mode: string): string {
  return `a plain HTTP server ignores TLS mode ${mode} (Istio serves it without TLS): remove the tls settings, set httpsRedirect, or use protocol HTTPS or TLS`;
}

/**
 * CIG0203: why no Kubernetes Secret can be the credential `name`, or undefined. Istio reads a name
 * without a scheme as `kubernetes://<name>`, and `kubernetes://[<namespace>/]<name>` as the Secret
 * `<name>` (in `<namespace>`, else the gateway's); names with other schemes (`builtin://`,
 * `kubernetes-gateway://`, `configmap://`) are left to Istio.
 */
export function credentialNameProblem(name: string): string | undefined {
  const scheme = name.indexOf('://');
  if (scheme >= 0 && name.slice(0, scheme) !== 'kubernetes') {
    return undefined;
  }
  const parts = (scheme >= 0 ? name.slice(scheme + 3) : name).split('/');
  const [namespace, secret] = parts.length === 1 ? [undefined, parts[0]] : parts;
  if (parts.length > 2) {
    return `Istio reads it as the Secret ${JSON.stringify(secret)} in namespace ${JSON.stringify(namespace)} and ignores the rest: expected [<namespace>/]<name>`;
  }
  if (namespace !== undefined && !isDns1123Label(namespace)) {
    return `no namespace can be named ${JSON.stringify(namespace)}, so the gateway never finds the Secret: expected a DNS-1123 label`;
  }
  if (!isDns1123Subdomain(secret)) {
    return `no Secret can be named ${JSON.stringify(secret)}, so the gateway never gets its certificate: expected a DNS-1123 name (lowercase letters, digits, "-" and ".")`;
  }
  return undefined;
}
