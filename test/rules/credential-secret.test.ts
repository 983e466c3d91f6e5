import * as fs from 'fs';
import * as path from 'path';
import { credentialProblem, hasContents } from '../../src/rules/analysis/credential-secret';
import { KubeObject } from '../../src/rules/finding';

const CERTIFICATES = path.join(__dirname, '..', 'fixtures', 'certificates');
const VALID = fs.readFileSync(path.join(CERTIFICATES, 'valid.crt'), 'utf8');
const EXPIRED = fs.readFileSync(path.join(CERTIFICATES, 'expired.crt'), 'utf8');
const KEY = fs.readFileSync(path.join(CERTIFICATES, 'tls.key'), 'utf8');

/** Inside the validity of valid.crt (2025-01-01 to 2125-01-01), after that of expired.crt. */
const NOW = new Date('2026-06-01T00:00:00Z');

function secret(fields: { data?: { [key: string]: string }; stringData?: { [key: string]: string } }): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'cert', namespace: 'istio-system' }, ...fields };
}

function base64(text: string): string {
  return Buffer.from(text).toString('base64');
}

// Re-expresses istio/istio pkg/config/analysis/analyzers/analyzers_test.go, case
// "gatewaySecretValidations" (testdata/gateway-secrets-validation.yaml), one Secret at a time.
describe('credentialProblem', () => {
  test('accepts a current certificate under tls.crt and tls.key, or cert and key, in data or stringData', () => {
    expect(credentialProblem(secret({ stringData: { 'tls.crt': VALID, 'tls.key': KEY } }), NOW)).toBeUndefined();
    expect(credentialProblem(secret({ stringData: { cert: VALID, key: KEY } }), NOW)).toBeUndefined();
    expect(credentialProblem(secret({ data: { 'tls.crt': base64(VALID), 'tls.key': base64(KEY) } }), NOW)).toBeUndefined();
  });

  test('reports keys other than the two pairs, listing the keys found', () => {
    expect(credentialProblem(secret({ data: { 'tls.cert': base64(VALID), 'tls.key': base64(KEY) } }), NOW))
      .toBe('it has neither tls.crt and tls.key nor cert and key (keys found: tls.cert, tls.key)');
    expect(credentialProblem(secret({ stringData: { 'ca.crt': VALID } }), NOW)).toBe('it has neither tls.crt and tls.key nor cert and key (keys found: ca.crt)');
  });

  test('reports a pair whose values are empty', () => {
    expect(credentialProblem(secret({ data: { 'tls.crt': '', 'tls.key': '' } }), NOW)).toBe('it has the keys tls.crt and tls.key, but they are empty');
  });

  test('reads cert and key before tls.crt and tls.key, as Istio does', () => {
    expect(credentialProblem(secret({ stringData: { 'cert': EXPIRED, 'key': KEY, 'tls.crt': VALID, 'tls.key': KEY } }), NOW))
      .toBe('the certificate in its cert expired at 2021-01-01T00:00:00.000Z');
  });

  test('stringData replaces a data value of the same key, as the API server does', () => {
    expect(credentialProblem(secret({ data: { 'tls.crt': base64(EXPIRED), 'tls.key': base64(KEY) }, stringData: { 'tls.crt': VALID } }), NOW)).toBeUndefined();
  });

  test('reports a certificate without PEM block, and a first PEM block that is no certificate', () => {
    expect(credentialProblem(secret({ stringData: { 'tls.crt': 'hush hush', 'tls.key': KEY } }), NOW)).toBe('its tls.crt holds no PEM block');
    expect(credentialProblem(secret({ stringData: { 'tls.crt': `${KEY}${VALID}`, 'tls.key': KEY } }), NOW))
      .toBe('the first PEM block of its tls.crt (PRIVATE KEY) is no X.509 certificate');
    const garbage = '-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n';
    expect(credentialProblem(secret({ stringData: { 'tls.crt': garbage, 'tls.key': KEY } }), NOW))
      .toBe('the first PEM block of its tls.crt (CERTIFICATE) is no X.509 certificate');
  });

  test('judges validity at the time given: expired after notAfter, not yet valid before notBefore', () => {
    const tls = secret({ stringData: { 'tls.crt': VALID, 'tls.key': KEY } });
    expect(credentialProblem(tls, new Date('2125-01-01T00:00:01Z'))).toBe('the certificate in its tls.crt expired at 2125-01-01T00:00:00.000Z');
    expect(credentialProblem(tls, new Date('2124-12-31T23:59:59Z'))).toBeUndefined();
    expect(credentialProblem(tls, new Date('2024-12-31T23:59:59Z'))).toBe('the certificate in its tls.crt is not valid before 2025-01-01T00:00:00.000Z');
    expect(credentialProblem(secret({ stringData: { 'tls.crt': EXPIRED, 'tls.key': KEY } }), new Date('2020-06-01T00:00:00Z'))).toBeUndefined();
  });
});

test('hasContents: a Secret without a key in data or stringData is a placeholder', () => {
  expect(hasContents(secret({}))).toBe(false);
  expect(hasContents(secret({ data: {}, stringData: {} }))).toBe(false);
  expect(hasContents(secret({ data: { 'tls.cert': '' } }))).toBe(true);
  expect(hasContents(secret({ stringData: { cert: VALID } }))).toBe(true);
});
