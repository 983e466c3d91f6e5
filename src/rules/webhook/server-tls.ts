import { CA_CRL, checkArrived, checkFieldsArrived, CREDENTIAL_NAMES, OPTIONAL_MUTUAL, TLS_CERTIFICATES } from './release-history';
import { Report } from './report';
import { hasItems, listAt, stringAt } from './values';

/** The cipher suites Envoy's BoringSSL accepts, by OpenSSL name, without the PSK ones, which gateways cannot use. */
const CIPHER_SUITES = new Set([
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA', 'ECDHE-ECDSA-AES256-SHA', 'ECDHE-RSA-AES256-SHA',
  'AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'AES128-SHA', 'AES256-SHA', 'DES-CBC3-SHA',
]);
const ALPHANUMERIC_START = /^[A-Za-z0-9]/;

/**
 * Whether Istio takes `suite` as a cipher suite: a known name, `ALL`, or an expression that does
 * not start with a letter or digit (`-AES128-SHA`, `[A|B]`), which Istio passes on unparsed.
 */
function isValidCipherSuite(suite: string): boolean {
  return suite === '' || suite === 'ALL' || !ALPHANUMERIC_START.test(suite) || CIPHER_SUITES.has(suite);
}

const TLS_RELEASE_FIELDS = [CA_CRL];

/** The TLS mode of server TLS settings; an unset mode is PASSTHROUGH, protobuf's zero value. */
export function serverTlsMode(tls: { [key: string]: any }): string {
  return stringAt(tls.mode) || 'PASSTHROUGH';
}

/**
 * Reports what Istio rejects or warns about in the TLS settings of a Gateway server or a Sidecar
 * ingress listener: which certificate sources each mode requires or forbids.
 */
export function checkServerTls(report: Report, path: string, tls: { [key: string]: any }): void {
  const mode = serverTlsMode(tls);
  const serverCertificate = stringAt(tls.serverCertificate);
  const privateKey = stringAt(tls.privateKey);
  const caCertificates = stringAt(tls.caCertificates);
  const caCrl = stringAt(tls.caCrl);
  const credentialName = stringAt(tls.credentialName);
  const credentialNames = hasItems(tls.credentialNames);
  const tlsCertificates = listAt(tls.tlsCertificates);

  checkCipherSuites(report, path, tls);
  checkFieldsArrived(report, path, tls, TLS_RELEASE_FIELDS);
  if (tls.mode === 'OPTIONAL_MUTUAL') {
    checkArrived(report, `${path}.mode`, OPTIONAL_MUTUAL);
  }
  if (credentialNames) {
    checkArrived(report, `${path}.credentialNames`, CREDENTIAL_NAMES);
  }
  if (tlsCertificates.length > 0) {
    checkArrived(report, `${path}.tlsCertificates`, TLS_CERTIFICATES);
  }

  if (credentialNames && tlsCertificates.length > 0) {
    report.error(path, 'only one of credentialNames or tlsCertificates can be set');
  }
  if (credentialName && credentialNames) {
    report.error(path, 'only one of credentialName or credentialNames can be set');
  }
  if (mode === 'ISTIO_MUTUAL') {
    const forbidden: [boolean, string][] = [
      [serverCertificate !== '', 'serverCertificate'], [privateKey !== '', 'privateKey'],
      [caCertificates !== '', 'caCertificates'], [tlsCertificates.length > 0, 'tlsCertificates'],
      [credentialName !== '', 'credentialName'], [credentialNames, 'credentialNames'],
    ];
    for (const [present, field] of forbidden) {
      if (present) {
        report.error(path, `ISTIO_MUTUAL TLS uses the mesh's certificates and cannot have ${field}`);
      }
    }
    return;
  }
  if (mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') {
    if (caCrl || serverCertificate || privateKey || caCertificates || tlsCertificates.length > 0 || credentialName || credentialNames) {
      report.warn(path, `${mode} mode does not terminate TLS, so its certificates are ignored${tls.mode ? '' : ' (an unset mode is PASSTHROUGH: set mode SIMPLE or MUTUAL to terminate TLS)'}`);
    }
  }
  const sources = [serverCertificate !== '' && privateKey !== '', credentialName !== '', credentialNames, tlsCertificates.length > 0]
    .filter((present) => present).length;
  if (sources > 1) {
    report.error(path, 'only one certificate source may be set: credentialName, credentialNames, serverCertificate with privateKey, or tlsCertificates');
  }
  const terminates = mode === 'SIMPLE' || mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL';
  if (terminates && (credentialName || credentialNames)) {
    // the certificates, and for MUTUAL the CA, come from the secret
    return;
  }
  if (terminates) {
    const label = mode === 'SIMPLE' ? 'SIMPLE TLS' : 'MUTUAL TLS';
    if (mode !== 'SIMPLE' && !caCertificates) {
      report.error(path, `${label} requires a client CA bundle (caCertificates) unless credentialName is set`);
    }
    const pairs = tlsCertificates.length > 0 ? tlsCertificates : [{ serverCertificate, privateKey }];
    pairs.forEach((pair, i) => {
      const where = tlsCertificates.length > 0 ? `${path}.tlsCertificates[${i}]` : path;
      if (!stringAt(pair?.serverCertificate)) {
        report.error(where, `${label} requires a server certificate: set credentialName, or serverCertificate and privateKey`);
      }
      if (!stringAt(pair?.privateKey)) {
        report.error(where, `${label} requires a private key: set credentialName, or serverCertificate and privateKey`);
      }
    });
  }
  if (caCrl) {
    if (credentialName) {
      report.error(path, 'caCrl is not supported with credentialName: put the CRL in the credential');
    }
    if (mode === 'SIMPLE') {
      report.error(path, 'caCrl is not supported with SIMPLE TLS');
    }
  }
}

function checkCipherSuites(report: Report, path: string, tls: { [key: string]: any }): void {
  const suites = listAt(tls.cipherSuites).map(stringAt);
  const minVersion = stringAt(tls.minProtocolVersion);
  if ((minVersion === 'TLSV1_0' || minVersion === 'TLSV1_1') && suites.length === 0) {
    report.warn(path, `minProtocolVersion ${minVersion} needs cipherSuites that support it: the defaults no longer do`);
  }
  const seen = new Set<string>();
  const invalid: string[] = [];
  const duplicate: string[] = [];
  for (const suite of suites) {
    if (!isValidCipherSuite(suite)) {
      invalid.push(suite);
    } else if (seen.has(suite)) {
      duplicate.push(suite);
    }
    seen.add(suite);
  }
  if (invalid.length > 0) {
    report.warn(`${path}.cipherSuites`, `ignoring invalid cipher suites: ${invalid.join(', ')}`);
  }
  if (duplicate.length > 0) {
    report.warn(`${path}.cipherSuites`, `ignoring duplicate cipher suites: ${duplicate.join(', ')}`);
  }
}
