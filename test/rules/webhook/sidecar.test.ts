import { FindingLevel } from '../../../src/rules/finding';
import { describeRules, istio } from './rule-table';

const egress = (...listeners: any[]) => istio('Sidecar', { egress: listeners });
const hosts = (...list: string[]) => egress({ hosts: list });
const ingress = (...listeners: any[]) => istio('Sidecar', { ingress: listeners });
const http = { port: { number: 8080, name: 'http', protocol: 'HTTP' }, defaultEndpoint: '127.0.0.1:8080' };
const https = (tls: any) => ingress({ port: { number: 8443, name: 'https', protocol: 'HTTPS' }, defaultEndpoint: '127.0.0.1:8080', tls });
const outbound = (policy: any) => istio('Sidecar', { outboundTrafficPolicy: policy });

describeRules('Sidecar', [
  { rule: 'not empty', valid: outbound({ mode: 'REGISTRY_ONLY' }), invalid: istio('Sidecar', { workloadSelector: { labels: { app: 'web' } } }), message: /a sidecar needs ingress or egress listeners/ },
  { rule: 'selector without wildcards', valid: istio('Sidecar', { workloadSelector: { labels: { app: 'web' } }, egress: [{ hosts: ['./*'] }] }), invalid: istio('Sidecar', { workloadSelector: { labels: { 'app*': 'web' } }, egress: [{ hosts: ['./*'] }] }), message: /wildcard is not supported/ },
  { rule: 'selector with labels', valid: istio('Sidecar', { workloadSelector: { labels: { app: 'web' } }, egress: [{ hosts: ['./*'] }] }), invalid: istio('Sidecar', { workloadSelector: {}, egress: [{ hosts: ['./*'] }] }), message: /without labels applies to every workload/, level: FindingLevel.WARNING },
  { rule: 'egress hosts required', valid: hosts('istio-system/*'), invalid: egress({ port: { number: 80, protocol: 'HTTP', name: 'http' } }), message: /needs at least one host/ },
  { rule: 'egress hosts are namespace/host', valid: hosts('./*', '*/api.example.com', '~/*', 'shop/*.example.com'), invalid: hosts('api.example.com'), message: /must be of the form namespace\/dnsName/ },
  { rule: 'egress host namespace', valid: hosts('shop/*'), invalid: hosts('Shop_1/*'), message: /invalid namespace "Shop_1"/ },
  { rule: 'egress host name', valid: hosts('shop/reviews.shop.svc.cluster.local'), invalid: hosts('shop/reviews'), message: /short name "reviews"/ },
  { rule: 'egress partial wildcard', valid: hosts('shop/*.example.com'), invalid: hosts('shop/*example.com'), message: /partial wildcard/ },
  { rule: 'duplicated egress hosts', valid: hosts('shop/a.example.com', 'edge/a.example.com'), invalid: hosts('shop/*', 'shop/a.example.com'), message: /duplicated egress host "shop\/a.example.com"/, level: FindingLevel.WARNING },
  { rule: '"*/*" alone', valid: hosts('*/*'), invalid: hosts('*/*', 'shop/*'), message: /"\*\/\*" already selects every host/, level: FindingLevel.WARNING },
  { rule: 'catch-all egress last', valid: egress({ port: { number: 3306, protocol: 'MYSQL', name: 'mysql' }, hosts: ['db/*'] }, { hosts: ['./*'] }), invalid: egress({ hosts: ['./*'] }, { port: { number: 3306, protocol: 'MYSQL', name: 'mysql' }, hosts: ['db/*'] }), message: /without a port must be the last one/ },
  { rule: 'one catch-all egress', valid: egress({ hosts: ['./*', 'istio-system/*'] }), invalid: egress({ hosts: ['./*'] }, { hosts: ['istio-system/*'] }), message: /only one egress listener can be without a port|must be the last one/ },
  { rule: 'egress ports unique', valid: egress({ port: { number: 80, protocol: 'HTTP' }, hosts: ['a/*'] }, { port: { number: 81, protocol: 'HTTP' }, hosts: ['b/*'] }), invalid: egress({ port: { number: 80, protocol: 'HTTP' }, hosts: ['a/*'] }, { port: { number: 80, protocol: 'HTTP' }, hosts: ['b/*'] }), message: /port 80 is already used by another egress listener/ },
  { rule: 'egress port protocol', valid: egress({ port: { number: 9000, protocol: 'GRPC' }, hosts: ['a/*'] }), invalid: egress({ port: { number: 9000, protocol: 'THRIFT' }, hosts: ['a/*'] }), message: /unsupported protocol "THRIFT"/ },
  { rule: 'egress port name', valid: egress({ port: { number: 9000, name: 'grpc-api' }, hosts: ['a/*'] }), invalid: egress({ port: { number: 9000, name: 'grpc api' }, hosts: ['a/*'] }), message: /invalid port name "grpc api"/ },
  { rule: 'egress bind IP', valid: egress({ port: { number: 9000 }, bind: '127.0.0.1', hosts: ['a/*'] }), invalid: egress({ port: { number: 9000 }, bind: 'localhost', hosts: ['a/*'] }), message: /not a valid IP address/ },
  { rule: 'port 0 needs a unix bind', valid: egress({ port: { number: 0, protocol: 'HTTP' }, bind: 'unix:///var/run/egress.sock', hosts: ['a/*'] }), invalid: egress({ port: { number: 0, protocol: 'HTTP' }, hosts: ['a/*'] }), message: /needs a unix domain socket bind address/ },
  { rule: 'unix listeners capture mode', valid: egress({ port: { number: 0 }, bind: 'unix://@egress', captureMode: 'NONE', hosts: ['a/*'] }), invalid: egress({ port: { number: 0 }, bind: 'unix://@egress', captureMode: 'IPTABLES', hosts: ['a/*'] }), message: /needs captureMode DEFAULT or NONE/ },
  { rule: 'unix sockets unique', valid: egress({ port: { number: 0 }, bind: 'unix://@a', hosts: ['a/*'] }, { port: { number: 0 }, bind: 'unix://@b', hosts: ['b/*'] }), invalid: egress({ port: { number: 0 }, bind: 'unix://@a', hosts: ['a/*'] }, { port: { number: 0 }, bind: 'unix://@a', hosts: ['b/*'] }), message: /unix socket "unix:\/\/@a" is already used/ },
  { rule: 'no targetPort', valid: egress({ port: { number: 80 }, hosts: ['a/*'] }), invalid: egress({ port: { number: 80, targetPort: 8080 }, hosts: ['a/*'] }), message: /targetPort has no effect on sidecars/ },
  { rule: 'ingress needs a port', valid: ingress(http), invalid: ingress({ defaultEndpoint: '127.0.0.1:8080' }), message: /an ingress listener needs a port/ },
  { rule: 'ingress port number', valid: ingress(http), invalid: ingress({ ...http, port: { number: 0, protocol: 'HTTP' } }), message: /port number 0/ },
  { rule: 'ingress ports unique', valid: ingress(http, { ...http, port: { number: 9090, protocol: 'TCP' } }), invalid: ingress(http, http), message: /port 8080 is already used by another ingress listener/ },
  { rule: 'default endpoint form', valid: ingress({ ...http, defaultEndpoint: '[::1]:8080' }, { ...http, port: { number: 9, protocol: 'TCP' }, defaultEndpoint: ':9' }), invalid: ingress({ ...http, defaultEndpoint: '10.0.0.1:8080' }), message: /invalid defaultEndpoint "10.0.0.1:8080"/ },
  { rule: 'default endpoint port', valid: ingress({ ...http, defaultEndpoint: '0.0.0.0:8080' }), invalid: ingress({ ...http, defaultEndpoint: '127.0.0.1:http' }), message: /is not a number/ },
  { rule: 'default endpoint socket', valid: ingress({ ...http, defaultEndpoint: 'unix:///var/run/app.sock' }), invalid: ingress({ ...http, defaultEndpoint: 'unix://' }), message: /unix address must not be empty/ },
  { rule: 'ingress TLS modes', valid: https({ mode: 'SIMPLE', serverCertificate: '/etc/certs/c.pem', privateKey: '/etc/certs/k.pem' }), invalid: https({ mode: 'ISTIO_MUTUAL' }), message: /mode ISTIO_MUTUAL cannot be used in sidecar ingress TLS/ },
  { rule: 'ingress TLS without credentialName', valid: https({ mode: 'SIMPLE', serverCertificate: '/c', privateKey: '/k' }), invalid: https({ mode: 'SIMPLE', credentialName: 'cert' }), message: /credentialName is not supported in sidecar ingress TLS/ },
  { rule: 'ingress TLS without httpsRedirect', valid: https({ mode: 'SIMPLE', serverCertificate: '/c', privateKey: '/k' }), invalid: https({ mode: 'SIMPLE', serverCertificate: '/c', privateKey: '/k', httpsRedirect: true }), message: /httpsRedirect is not supported/ },
  { rule: 'ingress TLS certificates', valid: https({ mode: 'MUTUAL', serverCertificate: '/c', privateKey: '/k', caCertificates: '/ca' }), invalid: https({ mode: 'MUTUAL', serverCertificate: '/c', privateKey: '/k' }), message: /requires a client CA bundle/ },
  { rule: 'ingress TLS on TLS ports', valid: https({ mode: 'SIMPLE', serverCertificate: '/c', privateKey: '/k' }), invalid: ingress({ ...http, tls: { mode: 'SIMPLE', serverCertificate: '/c', privateKey: '/k' } }), message: /protocol "HTTP" cannot have TLS settings/ },
  { rule: 'ingress connection pool', valid: ingress({ ...http, connectionPool: { http: { idleTimeout: '30s' } } }), invalid: ingress({ ...http, connectionPool: {} }), message: /must set http or tcp settings/ },
  { rule: 'HTTP pool on a TCP port', valid: ingress({ ...http, port: { number: 5432, protocol: 'TCP' }, connectionPool: { tcp: { maxConnections: 10 } } }), invalid: ingress({ ...http, port: { number: 5432, protocol: 'TCP' }, connectionPool: { http: { maxRetries: 1 } } }), message: /HTTP connection pool settings have no effect/, level: FindingLevel.WARNING },
  { rule: 'inbound connection pool', valid: istio('Sidecar', { inboundConnectionPool: { tcp: { connectTimeout: '5s' } } }), invalid: istio('Sidecar', { inboundConnectionPool: { tcp: { connectTimeout: '5' } } }), message: /"5" is not a duration/ },
  { rule: 'egress proxy needs ALLOW_ANY', valid: outbound({ mode: 'ALLOW_ANY', egressProxy: { host: 'proxy.egress.svc.cluster.local', port: { number: 3128 } } }), invalid: outbound({ egressProxy: { host: 'proxy.egress.svc.cluster.local', port: { number: 3128 } } }), message: /only be set with mode ALLOW_ANY/ },
  { rule: 'egress proxy port', valid: outbound({ mode: 'ALLOW_ANY', egressProxy: { host: 'proxy.example.com', subset: 'v1', port: { number: 3128 } } }), invalid: outbound({ mode: 'ALLOW_ANY', egressProxy: { host: 'proxy.example.com' } }), message: /egressProxy needs a port/ },
  { rule: 'egress proxy host', valid: outbound({ mode: 'ALLOW_ANY', egressProxy: { host: 'proxy', port: { number: 3128 } } }), invalid: outbound({ mode: 'ALLOW_ANY', egressProxy: { host: '*.proxy', port: { number: 3128 } } }), message: /label "\*" is not a DNS-1123 label/ },
]);
