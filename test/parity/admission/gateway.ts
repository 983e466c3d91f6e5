import { AdmissionCase, asSpec, istio, Row, table } from './case';

const FILE = 'validation_test.go';
const http = (number: number, name = 'http') => ({ number, name, protocol: 'http' });
const gateway = (...servers: any[]) => istio('Gateway', { servers });
const onServer = (server: any) => gateway(server);
const onPort = ({ port, bind }: { port: any; bind?: string }) => gateway({ hosts: ['foo.bar.com'], port, ...(bind === undefined ? {} : { bind }) });
/** Server TLS settings on an HTTPS server, the kind of server that must have them. */
const onHttpsServer = (tls: any) => gateway({ hosts: ['foo.bar.com'], port: { number: 443, name: 'https', protocol: 'HTTPS' }, tls });

const cert = (serverCertificate: string, privateKey: string) => ({ serverCertificate, privateKey });
const threeCerts = [cert('/certs/a.pem', '/keys/a.pem'), cert('/certs/b.pem', '/keys/b.pem'), cert('/certs/c.pem', '/keys/c.pem')];
const twoCerts = [cert('/certs/a.pem', '/keys/a.pem'), cert('/certs/b.pem', '/keys/b.pem')];

const gatewayRows: Row[] = [
  ['empty', {}, 'reject'],
  ['happy domain', { servers: [{ hosts: ['foo.bar.com'], port: http(7, 'name1') }] }, 'admit'],
  ['happy multiple servers', { servers: [{ hosts: ['foo.bar.com'], port: http(7, 'name1') }] }, 'admit'],
  ['happy k8s gateway-api server with no attached routes', { servers: [{ hosts: ['~/foo.bar.com'], port: http(7, 'name1') }] }, 'reject'],
  ['invalid port', { servers: [{ hosts: ['foo.bar.com'], port: http(66000, 'name1') }] }, 'reject'],
  ['duplicate port names', { servers: [{ hosts: ['foo.bar.com'], port: http(80, 'foo') }, { hosts: ['scooby.doo.com'], port: http(8080, 'foo') }] }, 'reject'],
  ['invalid domain', { servers: [{ hosts: ['foo.*.bar.com'], port: { number: 7, protocol: 'http' } }] }, 'reject'],
  ['valid httpsRedirect', { servers: [{ hosts: ['bar.com'], port: http(80), tls: { httpsRedirect: true } }] }, 'admit'],
  ['invalid https httpsRedirect', { servers: [{ hosts: ['bar.com'], port: { name: 'https', number: 80, protocol: 'https' }, tls: { httpsRedirect: true } }] }, 'warn'],
  ['invalid partial wildcard', { servers: [{ hosts: ['*bar.com'], port: { name: 'tls', number: 443, protocol: 'tls' }, tls: { mode: 'ISTIO_MUTUAL' } }] }, 'reject'],
];

const serverRows: Row[] = [
  ['empty', {}, 'reject'],
  ['happy', { hosts: ['foo.bar.com'], port: http(7) }, 'admit'],
  ['happy ip', { hosts: ['1.1.1.1'], port: http(7) }, 'admit'],
  ['happy ns/name', { hosts: ['ns1/foo.bar.com'], port: http(7) }, 'admit'],
  ['happy */name', { hosts: ['*/foo.bar.com'], port: http(7) }, 'admit'],
  ['happy ./name', { hosts: ['./foo.bar.com'], port: http(7) }, 'admit'],
  ['invalid ~/name', { hosts: ['~/foo.bar.com'], port: http(7) }, 'reject'],
  ['invalid domain ns/name format', { hosts: ['ns1/foo.*.bar.com'], port: http(7) }, 'reject'],
  ['invalid domain', { hosts: ['foo.*.bar.com'], port: http(7) }, 'reject'],
  ['invalid short name host', { hosts: ['foo'], port: http(7) }, 'reject'],
  ['invalid port', { hosts: ['foo.bar.com'], port: http(66000) }, 'reject'],
  ['invalid tls options', { hosts: ['foo.bar.com'], port: http(1), tls: { mode: 'SIMPLE' } }, 'reject'],
  ['no tls on HTTPS', { hosts: ['foo.bar.com'], port: { number: 10000, name: 'https', protocol: 'https' } }, 'reject'],
  ['tls on HTTP', { hosts: ['foo.bar.com'], port: http(10000), tls: { mode: 'SIMPLE' } }, 'reject'],
  ['tls redirect on HTTP', { hosts: ['foo.bar.com'], port: http(10000), tls: { httpsRedirect: true } }, 'admit'],
  ['bind ip', { hosts: ['foo.bar.com'], port: http(7), bind: '127.0.0.1' }, 'admit'],
  ['bind unix path with invalid port', { hosts: ['foo.bar.com'], port: http(7), bind: 'unix://@foobar' }, 'reject'],
  ['bind unix path', { hosts: ['foo.bar.com'], port: http(0), bind: 'unix://@foobar' }, 'admit'],
  ['bind bad ip', { hosts: ['foo.bar.com'], port: http(0), bind: 'foo.bar' }, 'reject'],
];

const serverPortRows: Row[] = [
  ['empty', { port: {} }, 'reject'],
  ['happy', { port: { protocol: 'http', number: 1, name: 'Henry' } }, 'admit'],
  ['invalid protocol', { port: { protocol: 'kafka', number: 1, name: 'Henry' } }, 'reject'],
  ['invalid number', { port: { protocol: 'http', number: 2 ** 30, name: 'http' } }, 'reject'],
  ['name, no number', { port: { protocol: 'http', number: 0, name: 'Henry' } }, 'reject'],
  ['name, no number, uds', { port: { protocol: 'http', number: 0, name: 'Henry' }, bind: 'uds:///tmp' }, 'reject'],
];

const tlsRows: Row[] = [
  ['empty', {}, 'admit'],
  ['simple', { mode: 'SIMPLE', ...cert('/certs/server.pem', '/keys/server.pem') }, 'admit'],
  ['simple with client bundle', { mode: 'SIMPLE', ...cert('/certs/server.pem', '/keys/server.pem'), caCertificates: '/certs/ca.pem' }, 'admit'],
  ['simple sds with client bundle', { mode: 'SIMPLE', credentialName: 'sds-name' }, 'admit'],
  ['simple sds with client bundle but with server cert', { mode: 'SIMPLE', ...cert('/certs/server.pem', '/keys/server.pem'), credentialName: 'sds-name' }, 'reject'],
  ['simple no server cert', { mode: 'SIMPLE', privateKey: '/keys/server.pem' }, 'reject'],
  ['simple no private key', { mode: 'SIMPLE', serverCertificate: '/certs/server.pem' }, 'reject'],
  ['simple more than 2 certs', { mode: 'SIMPLE', tlsCertificates: threeCerts }, 'warn'],
  ['simple with both server cert and tls certs', { mode: 'SIMPLE', ...cert('/certs/server.pem', '/keys/server.pem'), tlsCertificates: twoCerts }, 'reject'],
  ['simple 2 certs with missing certificate', { mode: 'SIMPLE', tlsCertificates: [{ privateKey: '/keys/a.pem' }, cert('/certs/b.pem', '/keys/b.pem')] }, 'reject'],
  ['simple 2 certs with missing private key', { mode: 'SIMPLE', tlsCertificates: [{ serverCertificate: '/certs/a.pem' }, cert('/certs/b.pem', '/keys/b.pem')] }, 'reject'],
  ['simple sds no server cert', { mode: 'SIMPLE', privateKey: '/keys/server.pem', credentialName: 'sds-name' }, 'admit'],
  ['simple sds no private key', { mode: 'SIMPLE', serverCertificate: '/certs/server.pem', credentialName: 'sds-name' }, 'admit'],
  ['mutual', { mode: 'MUTUAL', ...cert('/certs/server.pem', '/keys/server.pem'), caCertificates: '/certs/ca.pem' }, 'admit'],
  ['mutual sds', { mode: 'MUTUAL', caCertificates: '/certs/ca.pem', credentialName: 'sds-name' }, 'admit'],
  ['mutual sds with credential name and server cert', { mode: 'MUTUAL', ...cert('/certs/server.pem', '/keys/server.pem'), caCertificates: '/certs/ca.pem', credentialName: 'sds-name' }, 'reject'],
  ['mutual sds with credential name and tls certs', { mode: 'MUTUAL', caCertificates: '/certs/ca.pem', tlsCertificates: [cert('/certs/a.pem', '/keys/a.pem')], credentialName: 'sds-name' }, 'reject'],
  ['mutual no server cert', { mode: 'MUTUAL', privateKey: '/keys/server.pem', caCertificates: '/certs/ca.pem' }, 'reject'],
  ['credential names and certificates', { mode: 'MUTUAL', ...cert('/certs/server.pem', '/keys/server.pem'), credentialNames: ['server-certs'] }, 'reject'],
  ['credential names and tls certificates', { mode: 'MUTUAL', tlsCertificates: [{ ...cert('/certs/a.pem', '/keys/a.pem'), caCertificates: '/certs/ca2.pem' }], credentialNames: ['server-certs'] }, 'reject'],
  ['only tls certificates', { mode: 'MUTUAL', tlsCertificates: [cert('/certs/a.pem', '/keys/a.pem')], caCertificates: '/certs/ca2.pem' }, 'admit'],
  ['mutual sds no server cert', { mode: 'MUTUAL', privateKey: '/keys/server.pem', caCertificates: '/certs/ca.pem', credentialName: 'sds-name' }, 'admit'],
  ['mutual no client CA bundle', { mode: 'MUTUAL', ...cert('/certs/server.pem', '/keys/server.pem') }, 'reject'],
  ['mutual no certs', { mode: 'MUTUAL' }, 'reject'],
  ['mutual more than 2 certs', { mode: 'MUTUAL', caCertificates: '/certs/ca.pem', tlsCertificates: threeCerts }, 'warn'],
  ['mutual with both server cert and tls certs', { mode: 'MUTUAL', ...cert('/certs/server.pem', '/keys/server.pem'), caCertificates: '/certs/ca.pem', tlsCertificates: twoCerts }, 'reject'],
  ['mutual 2 certs with missing certificate', { mode: 'MUTUAL', caCertificates: '/certs/ca.pem', tlsCertificates: [{ privateKey: '/keys/a.pem' }, cert('/certs/b.pem', '/keys/b.pem')] }, 'reject'],
  ['mutual 2 certs with missing private key', { mode: 'MUTUAL', caCertificates: '/certs/ca.pem', tlsCertificates: [{ serverCertificate: '/certs/a.pem' }, cert('/certs/b.pem', '/keys/b.pem')] }, 'reject'],
  ['mutual 2 certs with missing CA certificate', { mode: 'MUTUAL', tlsCertificates: twoCerts }, 'reject'],
  ['optional mutual no certs', { mode: 'OPTIONAL_MUTUAL' }, 'reject'],
  ['pass through sds no certs', { mode: 'PASSTHROUGH', credentialName: 'sds-name' }, 'warn'],
  ['pass through sds crl', { mode: 'PASSTHROUGH', caCrl: 'scrl' }, 'warn'],
  ['istio_mutual no certs', { mode: 'ISTIO_MUTUAL' }, 'admit'],
  ['istio_mutual with server cert', { mode: 'ISTIO_MUTUAL', serverCertificate: '/certs/server.pem' }, 'reject'],
  ['istio_mutual with client bundle', { mode: 'ISTIO_MUTUAL', ...cert('/certs/server.pem', '/keys/server.pem'), caCertificates: '/certs/ca.pem' }, 'reject'],
  ['istio_mutual with private key', { mode: 'ISTIO_MUTUAL', privateKey: '/keys/server.pem' }, 'reject'],
  ['istio_mutual with credential name', { mode: 'ISTIO_MUTUAL', credentialName: 'some-cred' }, 'reject'],
  ['invalid cipher suites', { mode: 'SIMPLE', credentialName: 'sds-name', cipherSuites: ['not-a-cipher-suite'] }, 'warn'],
  ['valid cipher suites', { mode: 'SIMPLE', credentialName: 'sds-name', cipherSuites: ['ECDHE-ECDSA-AES128-SHA'] }, 'admit'],
  ['cipher suites operations', { mode: 'SIMPLE', credentialName: 'sds-name', cipherSuites: ['-ECDHE-ECDSA-AES128-SHA'] }, 'admit'],
  ['duplicate cipher suites', { mode: 'SIMPLE', credentialName: 'sds-name', cipherSuites: ['ECDHE-ECDSA-AES128-SHA', 'ECDHE-ECDSA-AES128-SHA'] }, 'warn'],
  ['invalid cipher suites with invalid config', { mode: 'SIMPLE', cipherSuites: ['not-a-cipher-suite'] }, 'reject'],
  ['crl specified for SIMPLE TLS', { mode: 'SIMPLE', caCrl: 'crl' }, 'reject'],
  ['crl specified for CredentialName', { mode: 'SIMPLE', caCrl: 'crl', credentialName: 'credential' }, 'admit'],
  ['mutual no private key', { mode: 'MUTUAL', serverCertificate: '/certs/server.pem', caCertificates: '/certs/ca.pem' }, 'reject'],
  ['with CredentialNames', { mode: 'MUTUAL', credentialNames: ['credential1', 'credential2'] }, 'admit'],
];

/** TestValidateGateway, TestValidateServer, TestValidateServerPort and TestValidateTlsOptions. */
export const gatewayCases: AdmissionCase[] = [
  ...table(`${FILE} TestValidateGateway`, asSpec('Gateway'), gatewayRows),
  ...table(`${FILE} TestValidateServer`, onServer, serverRows),
  ...table(`${FILE} TestValidateServerPort`, onPort, serverPortRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateTlsOptions`, onHttpsServer, tlsRows),
];
