import { AdmissionCase, asSpec, Row, table } from './case';

const FILE = 'validation_test.go';
const all = [{ hosts: ['*/*'] }];
const httpPort = (number: number, name?: string) => ({ protocol: 'http', number, ...(name === undefined ? {} : { name }) });
const uds = httpPort(0, 'uds');
const http90 = httpPort(90, 'foo');
const tcp90 = { protocol: 'tcp', number: 90, name: 'foo' };
const ingress = (defaultEndpoint: string, extra: any = {}) => ({ port: http90, defaultEndpoint, ...extra });
const pool = { http: { http1MaxPendingRequests: 1024, http2MaxRequests: 1024, maxRequestsPerConnection: 1024, maxRetries: 1024 } };
const egressProxy = (extra: any = {}) => ({ host: 'foo.bar', subset: 'shiny', port: { number: 5000 }, ...extra });

/** An ingress listener on a TCP port with server TLS settings, in both address families. */
const tlsOnTcp = (what: string, tls: any): Row[] => [
  [`ingress tls ${what} in IPv4`, { ingress: [{ port: tcp90, defaultEndpoint: '127.0.0.1:9999', tls: { mode: 'SIMPLE', ...tls } }] }, 'reject'],
  [`ingress tls ${what} in IPv6`, { ingress: [{ port: tcp90, defaultEndpoint: '[::1]:9999', tls: { mode: 'SIMPLE', ...tls } }] }, 'reject'],
];
/** An ingress listener on an HTTP port with server TLS settings, in both address families. */
const tlsOnHttp = (what: string, tls: any): Row[] => [
  [`ingress tls mode set to ${what} in IPv4`, { ingress: [ingress('127.0.0.1:9999', { tls })] }, 'reject'],
  [`ingress tls mode set to ${what} in IPv6`, { ingress: [ingress('[::1]:9999', { tls })] }, 'reject'],
];

const sidecarRows: Row[] = [
  ['empty ingress and egress', {}, 'reject'],
  ['default', { egress: all }, 'admit'],
  ['workload selector without labels', { egress: all, workloadSelector: {} }, 'warn'],
  ['import local namespace with wildcard', { egress: [{ hosts: ['./*'] }] }, 'admit'],
  ['import local namespace with fqdn', { egress: [{ hosts: ['./foo.com'] }] }, 'admit'],
  ['import nothing', { egress: [{ hosts: ['~/*'] }] }, 'admit'],
  ['import all except a namespace', { egress: [{ hosts: ['*/*', '~ns1/*'] }] }, 'admit'],
  ['import all except an exact host', { egress: [{ hosts: ['*/*', '~/foo.com'] }] }, 'admit'],
  ['exclude with invalid namespace', { egress: [{ hosts: ['*/*', '~Invalid_NS/*'] }] }, 'reject'],
  ['bad egress host 1', { egress: [{ hosts: ['*'] }] }, 'reject'],
  ['bad egress host 2', { egress: [{ hosts: ['/'] }] }, 'reject'],
  ['empty egress host', { egress: [{ hosts: [] }] }, 'reject'],
  ['multiple wildcard egress', { egress: [{ hosts: ['*/foo.com'] }, { hosts: ['ns1/bar.com'] }] }, 'reject'],
  ['wildcard egress not in end', { egress: [{ hosts: ['*/foo.com'] }, { port: httpPort(8080, 'h8080'), hosts: ['ns1/bar.com'] }] }, 'reject'],
  ['invalid Port', { egress: [{ port: { protocol: 'http1', number: 1000000, name: '' }, hosts: ['ns1/bar.com'] }] }, 'reject'],
  ['Port without name', { egress: [{ port: httpPort(8080), hosts: ['ns1/bar.com'] }] }, 'admit'],
  ['UDS bind in outbound', { egress: [{ port: uds, hosts: ['ns1/bar.com'], bind: 'unix:///@foo/bar/com' }] }, 'admit'],
  ['UDS bind in inbound', { ingress: [{ port: uds, bind: 'unix:///@foo/bar/com', defaultEndpoint: '127.0.0.1:9999' }] }, 'reject'],
  ['UDS bind in outbound 2', { egress: [{ port: uds, hosts: ['ns1/bar.com'], bind: 'unix:///foo/bar/com' }] }, 'admit'],
  ['invalid bind', { egress: [{ port: uds, hosts: ['ns1/bar.com'], bind: 'foobar:///@foo/bar/com' }] }, 'reject'],
  ['invalid capture mode with uds bind', { egress: [{ port: uds, hosts: ['ns1/bar.com'], bind: 'unix:///@foo/bar/com', captureMode: 'IPTABLES' }] }, 'reject'],
  ['duplicate UDS bind', { egress: [{ port: uds, hosts: ['ns1/bar.com'], bind: 'unix:///@foo/bar/com' }, { port: uds, hosts: ['ns1/bar.com'], bind: 'unix:///@foo/bar/com' }] }, 'reject'],
  ['duplicate ports', { egress: [{ port: httpPort(90, 'foo'), hosts: ['ns1/bar.com'] }, { port: { protocol: 'tcp', number: 90, name: 'tcp' }, hosts: ['ns2/bar.com'] }] }, 'reject'],
  ['ingress without port', { ingress: [{ defaultEndpoint: '127.0.0.1:110' }], egress: all }, 'reject'],
  ['ingress without port and with IPv6 endpoint', { ingress: [{ defaultEndpoint: '[::1]:110' }], egress: all }, 'reject'],
  ['ingress with duplicate ports', { ingress: [ingress('127.0.0.1:110'), { port: { protocol: 'tcp', number: 90, name: 'bar' }, defaultEndpoint: '127.0.0.1:110' }], egress: all }, 'reject'],
  ['ingress with duplicate ports and IPv6 endpoint', { ingress: [ingress('[::1]:110'), { port: { protocol: 'tcp', number: 90, name: 'bar' }, defaultEndpoint: '[::1]:110' }], egress: all }, 'reject'],
  ['ingress without default endpoint', { ingress: [{ port: http90 }], egress: all }, 'admit'],
  ['ingress with invalid default endpoint in IPv4', { ingress: [ingress('1.1.1.1:90')] }, 'reject'],
  ['ingress with invalid default endpoint in IPv6', { ingress: [ingress('[1:1:1:1:1:1:1:1]:90')] }, 'reject'],
  ['ingress with invalid default endpoint uds', { ingress: [ingress('unix:///')], egress: all }, 'reject'],
  ['ingress with invalid default endpoint port in IPv4', { ingress: [ingress('127.0.0.1:hi')], egress: all }, 'reject'],
  ['ingress with invalid default endpoint port in IPv6', { ingress: [ingress('[::1]:hi')], egress: all }, 'reject'],
  ['valid ingress and egress in IPv4', { ingress: [ingress('127.0.0.1:9999')], egress: all }, 'admit'],
  ['valid ingress and egress in IPv6', { ingress: [ingress('[::1]:9999')], egress: all }, 'admit'],
  ['valid ingress and empty egress in IPv4', { ingress: [ingress('127.0.0.1:9999')] }, 'admit'],
  ['valid ingress and empty egress in IPv6', { ingress: [ingress('[::1]:9999')] }, 'admit'],
  ['just outbound traffic policy', { outboundTrafficPolicy: { mode: 'ALLOW_ANY' } }, 'admit'],
  ['empty protocol in IPv4', { ingress: [{ port: { number: 90, name: 'foo' }, defaultEndpoint: '127.0.0.1:9999' }], egress: all }, 'admit'],
  ['empty protocol in IPv6', { ingress: [{ port: { number: 90, name: 'foo' }, defaultEndpoint: '[::1]:9999' }], egress: all }, 'admit'],
  ['ALLOW_ANY sidecar egress policy with no egress proxy ', { outboundTrafficPolicy: { mode: 'ALLOW_ANY' }, egress: all }, 'admit'],
  ['sidecar egress proxy with RESGISTRY_ONLY(default)', { outboundTrafficPolicy: { egressProxy: egressProxy() }, egress: all }, 'reject'],
  ['sidecar egress proxy with ALLOW_ANY', { outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: egressProxy() }, egress: all }, 'admit'],
  ['sidecar egress proxy with ALLOW_ANY, service hostname invalid fqdn', { outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: egressProxy({ host: 'foobar*123' }) }, egress: all }, 'reject'],
  ['sidecar egress proxy(without Port) with ALLOW_ANY', { outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'foo.bar', subset: 'shiny' } }, egress: all }, 'reject'],
  ['ALLOW_ANY_DYNAMIC_DNS rejected in sidecar', { outboundTrafficPolicy: { mode: 'ALLOW_ANY_DYNAMIC_DNS' }, egress: all }, 'reject'],
  ['sidecar egress only one wildcarded', { egress: [{ hosts: ['*/*', 'test/a.com'] }] }, 'warn'],
  ['sidecar egress wildcarded ns', { egress: [{ hosts: ['*/b.com', 'test/a.com'] }] }, 'admit'],
  ['sidecar egress duplicated with wildcarded same namespace', { egress: [{ hosts: ['test/*', 'test/a.com'] }] }, 'warn'],
  ['invalid partial wildcard', { egress: [{ hosts: ['test/*a.com'] }] }, 'reject'],
  ['sidecar egress duplicated with wildcarded same namespace .', { egress: [{ hosts: ['./*', 'bar/a.com'] }] }, 'warn'],
  ...tlsOnHttp('ISTIO_MUTUAL', { mode: 'ISTIO_MUTUAL' }),
  ...tlsOnHttp('ISTIO_AUTO_PASSTHROUGH', { mode: 'AUTO_PASSTHROUGH' }),
  ...tlsOnTcp('invalid protocol', {}),
  ...tlsOnTcp('httpRedirect is not supported', { httpsRedirect: true }),
  ...tlsOnTcp('SAN entries are not supported', { subjectAltNames: ['httpbin.com'] }),
  ...tlsOnTcp('credentialName is not supported', { credentialName: 'secret-name' }),
  ...tlsOnTcp('credentialNames is not supported', { credentialNames: ['secret-name'] }),
  ...tlsOnTcp('tlsCertificates is not supported', { tlsCertificates: [{ serverCertificate: '/etc/istio/ingress-certs/tls.crt', privateKey: '/etc/istio/ingress-certs/tls.key' }, { serverCertificate: '/etc/istio/ingress-certs/tls2.crt', privateKey: '/etc/istio/ingress-certs/tls2.key' }] }),
  ['valid inbound connection pool', { inboundConnectionPool: pool }, 'admit'],
  ['valid port-level connection pool with top level default', { ingress: [{ port: http90, connectionPool: pool }], inboundConnectionPool: pool }, 'admit'],
  ['valid port-level connection pool without a top level default', { ingress: [{ port: http90, connectionPool: pool }] }, 'admit'],
  ['warn http connection settings on tcp port', { ingress: [{ port: tcp90, connectionPool: pool }] }, 'warn'],
  ['invalid top level connection pool', { inboundConnectionPool: {} }, 'reject'],
  ['invalid port-level connection pool', { ingress: [{ port: tcp90, connectionPool: {} }] }, 'reject'],
];

/** TestValidateSidecar, whose Sidecar is `foo` in namespace `bar`. */
export const sidecarCases: AdmissionCase[] = table(`${FILE} TestValidateSidecar`, asSpec('Sidecar'), sidecarRows);
