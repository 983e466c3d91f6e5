import { FindingLevel } from '../../../src/rules/finding';
import { checkObject } from '../../../src/rules/webhook';
import { describeRules, istio } from './rule-table';

const http = { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['shop.example.com'] };
const https = { port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['shop.example.com'], tls: { mode: 'SIMPLE', credentialName: 'shop-cert' } };
const gateway = (...servers: any[]) => istio('Gateway', { selector: { istio: 'ingressgateway' }, servers });
const withTls = (tls: any, protocol = 'HTTPS') => gateway({ ...https, port: { ...https.port, protocol }, tls });
const withHosts = (...hosts: string[]) => gateway({ ...http, hosts });
const withPort = (port: any, extra: any = {}) => gateway({ ...http, ...extra, port: { ...http.port, ...port } });

describeRules('Gateway', [
  { rule: 'name is a DNS label', valid: gateway(http), invalid: { ...gateway(http), metadata: { name: 'shop.gw', namespace: 'edge' } }, message: /invalid gateway name "shop.gw"/ },
  { rule: 'at least one server', valid: gateway(http), invalid: gateway(), message: /at least one server/ },
  { rule: 'server needs hosts', valid: gateway(http), invalid: withHosts(), message: /at least one host/ },
  { rule: 'host is fully qualified', valid: withHosts('shop.example.com'), invalid: withHosts('shop'), message: /short name "shop"/ },
  { rule: 'host label syntax', valid: withHosts('*.example.com'), invalid: withHosts('shop_1.example.com'), message: /label "shop_1"/ },
  { rule: 'partial wildcard', valid: withHosts('*'), invalid: withHosts('*shop.example.com'), message: /partial wildcard/ },
  { rule: 'namespace/host form', valid: withHosts('edge/shop.example.com', './a.example.com', '*/b.example.com'), invalid: withHosts('Edge_1/shop.example.com'), message: /invalid namespace "Edge_1"/ },
  { rule: 'empty namespace in host', valid: withHosts('edge/*'), invalid: withHosts('/shop.example.com'), message: /neither the namespace nor the dnsName/ },
  { rule: 'IP host', valid: withHosts('10.0.0.1'), invalid: withHosts('10.0.0.300'), message: /label "10"|all digits/ },
  { rule: 'known protocol', valid: withPort({ protocol: 'GRPC' }), invalid: withPort({ protocol: 'QUIC' }), message: /invalid protocol "QUIC"/ },
  { rule: 'port number range', valid: withPort({ number: 8080 }), invalid: withPort({ number: 70000 }), message: /port number 70000 must be in the range 1..65535/ },
  { rule: 'no targetPort', valid: withPort({}), invalid: withPort({ targetPort: 8080 }), message: /targetPort has no effect/ },
  { rule: 'port name required', valid: withPort({ name: 'web' }), invalid: withPort({ name: '' }), message: /must have a name/ },
  {
    rule: 'port names unique',
    valid: gateway(http, https),
    invalid: gateway(http, { ...https, port: { ...https.port, name: 'http' } }),
    message: /port names in servers must be unique: "http"/,
  },
  { rule: 'IP bind', valid: withPort({}, { bind: '0.0.0.0' }), invalid: withPort({}, { bind: 'localhost' }), message: /"localhost" is not a valid IP address/ },
  { rule: 'unix bind path', valid: withPort({ number: 0 }, { bind: 'unix:///var/run/gw.sock' }), invalid: withPort({ number: 0 }, { bind: 'unix://run/gw.sock' }), message: /not an absolute path/ },
  { rule: 'unix bind needs port 0', valid: withPort({ number: 0 }, { bind: 'unix://@gw' }), invalid: withPort({}, { bind: 'unix://@gw' }), message: /port number must be 0 for a unix domain socket/ },
  { rule: 'HTTPS needs TLS', valid: gateway(https), invalid: gateway({ ...https, tls: undefined }), message: /HTTPS server must have TLS settings/ },
  { rule: 'TLS protocol needs TLS', valid: withTls({ mode: 'PASSTHROUGH' }, 'TLS'), invalid: gateway({ ...https, port: { ...https.port, protocol: 'TLS' }, tls: undefined }), message: /TLS server must have TLS settings/ },
  { rule: 'no TLS on TCP', valid: withPort({ protocol: 'TCP' }), invalid: withTls({ mode: 'SIMPLE', credentialName: 'c' }, 'TCP'), message: /TCP server cannot have TLS settings/ },
  { rule: 'HTTP only with httpsRedirect', valid: withTls({ httpsRedirect: true }, 'HTTP'), invalid: withTls({ mode: 'SIMPLE', credentialName: 'c' }, 'HTTP'), message: /plain HTTP server cannot have TLS settings/ },
  { rule: 'httpsRedirect only on HTTP', valid: withTls({ httpsRedirect: true }, 'HTTP'), invalid: withTls({ mode: 'SIMPLE', credentialName: 'c', httpsRedirect: true }), message: /httpsRedirect only has an effect on HTTP servers/, level: FindingLevel.WARNING },
  { rule: 'SIMPLE needs a certificate', valid: withTls({ mode: 'SIMPLE', serverCertificate: '/c.pem', privateKey: '/k.pem' }), invalid: withTls({ mode: 'SIMPLE', privateKey: '/k.pem' }), message: /SIMPLE TLS requires a server certificate/ },
  { rule: 'SIMPLE needs a key', valid: withTls({ mode: 'SIMPLE', credentialName: 'c' }), invalid: withTls({ mode: 'SIMPLE', serverCertificate: '/c.pem' }), message: /SIMPLE TLS requires a private key/ },
  { rule: 'MUTUAL needs a CA', valid: withTls({ mode: 'MUTUAL', serverCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem' }), invalid: withTls({ mode: 'MUTUAL', serverCertificate: '/c.pem', privateKey: '/k.pem' }), message: /MUTUAL TLS requires a client CA bundle/ },
  { rule: 'OPTIONAL_MUTUAL with credentialName', valid: withTls({ mode: 'OPTIONAL_MUTUAL', credentialName: 'c' }), invalid: withTls({ mode: 'OPTIONAL_MUTUAL' }), message: /MUTUAL TLS requires a server certificate/ },
  {
    rule: 'tlsCertificates pairs',
    valid: withTls({ mode: 'SIMPLE', tlsCertificates: [{ serverCertificate: '/rsa.pem', privateKey: '/rsa.key' }, { serverCertificate: '/ec.pem', privateKey: '/ec.key' }] }),
    invalid: withTls({ mode: 'SIMPLE', tlsCertificates: [{ serverCertificate: '/rsa.pem' }] }),
    message: /SIMPLE TLS requires a private key/,
  },
  { rule: 'one certificate source', valid: withTls({ mode: 'SIMPLE', credentialName: 'c' }), invalid: withTls({ mode: 'SIMPLE', credentialName: 'c', serverCertificate: '/c', privateKey: '/k' }), message: /only one certificate source/ },
  { rule: 'credentialName xor credentialNames', valid: withTls({ mode: 'SIMPLE', credentialNames: ['a', 'b'] }), invalid: withTls({ mode: 'SIMPLE', credentialName: 'a', credentialNames: ['b'] }), message: /only one of credentialName or credentialNames/ },
  {
    rule: 'credentialNames xor tlsCertificates',
    valid: withTls({ mode: 'SIMPLE', credentialNames: ['a'] }),
    invalid: withTls({ mode: 'SIMPLE', credentialNames: ['a'], tlsCertificates: [{ serverCertificate: '/c', privateKey: '/k' }] }),
    message: /only one of credentialNames or tlsCertificates/,
  },
  { rule: 'ISTIO_MUTUAL forbids certificates', valid: withTls({ mode: 'ISTIO_MUTUAL' }), invalid: withTls({ mode: 'ISTIO_MUTUAL', credentialName: 'c' }), message: /ISTIO_MUTUAL TLS .* cannot have credentialName/ },
  { rule: 'PASSTHROUGH ignores certificates', valid: withTls({ mode: 'PASSTHROUGH' }), invalid: withTls({ mode: 'PASSTHROUGH', credentialName: 'c' }), message: /PASSTHROUGH mode does not terminate TLS/, level: FindingLevel.WARNING },
  { rule: 'unset mode is PASSTHROUGH', valid: withTls({ mode: 'AUTO_PASSTHROUGH' }, 'TLS'), invalid: withTls({ credentialName: 'c' }), message: /an unset mode is PASSTHROUGH/, level: FindingLevel.WARNING },
  { rule: 'CRL not with SIMPLE', valid: withTls({ mode: 'MUTUAL', serverCertificate: '/c', privateKey: '/k', caCertificates: '/ca', caCrl: '/crl' }), invalid: withTls({ mode: 'SIMPLE', serverCertificate: '/c', privateKey: '/k', caCrl: '/crl' }), message: /caCrl is not supported with SIMPLE/ },
  { rule: 'CRL not with credentialName (the secret carries it)', valid: withTls({ mode: 'MUTUAL', credentialName: 'c', caCrl: '/crl' }), invalid: withTls({ mode: 'PASSTHROUGH', credentialName: 'c', caCrl: '/crl' }), message: /caCrl is not supported with credentialName/ },
  { rule: 'old TLS versions need ciphers', valid: withTls({ mode: 'SIMPLE', credentialName: 'c', minProtocolVersion: 'TLSV1_1', cipherSuites: ['AES128-SHA'] }), invalid: withTls({ mode: 'SIMPLE', credentialName: 'c', minProtocolVersion: 'TLSV1_0' }), message: /needs cipherSuites/, level: FindingLevel.WARNING },
  { rule: 'known cipher suites', valid: withTls({ mode: 'SIMPLE', credentialName: 'c', cipherSuites: ['[ECDHE-ECDSA-AES128-GCM-SHA256|ECDHE-ECDSA-CHACHA20-POLY1305]'] }), invalid: withTls({ mode: 'SIMPLE', credentialName: 'c', cipherSuites: ['RC4-MD5'] }), message: /invalid cipher suites: RC4-MD5/, level: FindingLevel.WARNING },
  { rule: 'duplicate cipher suites', valid: withTls({ mode: 'SIMPLE', credentialName: 'c', cipherSuites: ['AES128-SHA', 'AES256-SHA'] }), invalid: withTls({ mode: 'SIMPLE', credentialName: 'c', cipherSuites: ['AES128-SHA', 'AES128-SHA'] }), message: /duplicate cipher suites: AES128-SHA/, level: FindingLevel.WARNING },
]);

describe('Gateway findings', () => {
  test('name the field, the object and its namespace', () => {
    expect(checkObject(withPort({ number: 0 }))).toStrictEqual([{
      code: 'IST0106',
      level: FindingLevel.ERROR,
      kind: 'Gateway',
      name: 'example',
      namespace: 'edge',
      message: 'spec.servers[0].port.number: port number 0 must be in the range 1..65535',
    }]);
  });

  test.each(['v1alpha3', 'v1beta1', 'v1'])('apply to networking.istio.io/%s', (version) => {
    const obj = { ...gateway(), apiVersion: `networking.istio.io/${version}` };
    expect(checkObject(obj).map((f) => f.message)).toStrictEqual(['spec.servers: a gateway must have at least one server']);
  });

  test('leave out the namespace of an object without one', () => {
    const { namespace: _, ...finding } = checkObject(withPort({ number: 0 }))[0];
    const obj = { ...withPort({ number: 0 }), metadata: { name: 'example' } };
    expect(checkObject(obj)).toStrictEqual([finding]);
  });

  test('skip unknown kinds, groups and versions', () => {
    expect(checkObject({ apiVersion: 'istio.banzaicloud.io/v1alpha1', kind: 'MeshGateway', metadata: { name: '1' }, spec: {} })).toStrictEqual([]);
    expect(checkObject({ ...gateway(), apiVersion: 'networking.istio.io/v2' })).toStrictEqual([]);
    expect(checkObject({ ...gateway(), apiVersion: 'gateway.networking.k8s.io/v1' })).toStrictEqual([]);
    expect(checkObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } })).toStrictEqual([]);
  });

  test('do not throw on fields of the wrong type', () => {
    const odd = istio('Gateway', { servers: [null, 'x', { port: 'http', hosts: 'a.example.com', tls: [] }] });
    expect(checkObject(odd).length).toBeGreaterThan(0);
  });
});
