import { X509Certificate } from 'crypto';
import { KubeObject } from '../finding';
import { sortedKeys } from '../sorted-keys';

/**
 * The keys a gateway reads its certificate and private key from, in the order Istio tries them:
 * a generic Secret's `cert` and `key`, then a `kubernetes.io/tls` Secret's `tls.crt` and `tls.key`.
 */
const KEY_PAIRS: ReadonlyArray<readonly [string, string]> = [['cert', 'key'], ['tls.crt', 'tls.key']];

/** The first PEM block of a text: its type and its base64 body. */
const PEM_BLOCK = /-----BEGIN ([^-\r\n]+)-----\r?\n([\s\S]*?)-----END \1-----/;

/**
 * True when the input gives some of the Secret's contents (a key in `data` or `stringData`): a
 * Secret without any is a placeholder for one filled elsewhere (cdk8s-plus writes an empty
 * `stringData` for it), and its contents are not judged.
 */
export function hasContents(secret: KubeObject): boolean {
  return hasKeys(secret.data) || hasKeys(secret.stringData);
}

/**
 * Why a gateway cannot serve the certificate of the credential Secret `secret` at time `now`, or
 * undefined when it can: the certificate or key is missing or empty, the first PEM block of the
 * certificate is no X.509 certificate, or the certificate is expired or not yet valid.
 *
 * The Secret is read as the API server stores it: `data` (base64) with `stringData` over it.
 */
export function credentialProblem(secret: KubeObject, now: Date): string | undefined {
  const data = secretData(secret);
  const pair = KEY_PAIRS.find(([cert, key]) => data[cert] !== undefined && data[cert] !== '' && data[key] !== undefined && data[key] !== '');
  if (!pair) {
    return missingKeysProblem(data);
  }
  const certificateKey = pair[0];
  const block = PEM_BLOCK.exec(data[certificateKey]);
  if (!block) {
    return `its ${certificateKey} holds no PEM block`;
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(block[2], 'base64'));
  } catch {
    return `the first PEM block of its ${certificateKey} (${block[1]}) is no X.509 certificate`;
  }
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  if (now.getTime() > notAfter.getTime()) {
    return `the certificate in its ${certificateKey} expired at ${notAfter.toISOString()}`;
  }
  if (now.getTime() < notBefore.getTime()) {
    return `the certificate in its ${certificateKey} is not valid before ${notBefore.toISOString()}`;
  }
  return undefined;
}

function missingKeysProblem(data: { [key: string]: string }): string {
  const present = KEY_PAIRS.find(([cert, key]) => cert in data && key in data);
  if (present) {
    return `it has the keys ${present.join(' and ')}, but they are empty`;
  }
  return `it has neither tls.crt and tls.key nor cert and key (keys found: ${sortedKeys(data).join(', ')})`;
}

/** The Secret's values as text: `data` decoded from base64, then `stringData` over it. */
function secretData(secret: KubeObject): { [key: string]: string } {
  const values: { [key: string]: string } = {};
  const data = secret.data;
  if (isMapping(data)) {
    for (const key of Object.keys(data)) {
      values[key] = typeof data[key] === 'string' ? Buffer.from(data[key], 'base64').toString('latin1') : '';
    }
  }
  const stringData = secret.stringData;
  if (isMapping(stringData)) {
    for (const key of Object.keys(stringData)) {
      values[key] = typeof stringData[key] === 'string' ? stringData[key] : '';
    }
  }
  return values;
}

function isMapping(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasKeys(value: unknown): boolean {
  return isMapping(value) && Object.keys(value).length > 0;
}
