import { CA_CRL, checkFieldsArrived } from './release-history';
import { Report } from './report';

const TLS_RELEASE_FIELDS = [CA_CRL];
import { hasItems, objectAt, stringAt } from './values';

/** Reports what Istio rejects in client TLS settings (DestinationRule `tls`). */
export function checkClientTls(report: Report, path: string, tls: { [key: string]: any }): void {
  checkFieldsArrived(report, path, tls, TLS_RELEASE_FIELDS);
  const mode = stringAt(tls.mode);
  const caCertificates = stringAt(tls.caCertificates);
  const credentialName = stringAt(tls.credentialName);
  const clientCertificate = stringAt(tls.clientCertificate);
  const privateKey = stringAt(tls.privateKey);
  const insecureSkipVerify = tls.insecureSkipVerify === true || objectAt(tls.insecureSkipVerify)?.value === true;
  if (insecureSkipVerify) {
    if (mode === 'SIMPLE' && (caCertificates || credentialName || hasItems(tls.subjectAltNames))) {
      report.error(path, 'insecureSkipVerify skips verifying the server: it cannot be combined with caCertificates, credentialName or subjectAltNames');
    }
    if (mode === 'MUTUAL' && (caCertificates || hasItems(tls.subjectAltNames))) {
      report.error(path, 'insecureSkipVerify skips verifying the server: it cannot be combined with caCertificates or subjectAltNames');
    }
  }
  if ((mode === 'SIMPLE' || mode === 'MUTUAL') && credentialName) {
    if (clientCertificate || caCertificates || privateKey || stringAt(tls.caCrl)) {
      report.error(path, 'credentialName supplies the certificates: it cannot be combined with clientCertificate, privateKey, caCertificates or caCrl');
    }
    return;
  }
  if (mode === 'MUTUAL') {
    if (!clientCertificate) {
      report.error(path, 'MUTUAL TLS requires a client certificate: set credentialName, or clientCertificate and privateKey');
    }
    if (!privateKey) {
      report.error(path, 'MUTUAL TLS requires a private key: set credentialName, or clientCertificate and privateKey');
    }
  }
}
