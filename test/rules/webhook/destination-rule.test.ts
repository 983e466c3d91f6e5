import { FindingLevel } from '../../../src/rules/finding';
import { describeRules, istio } from './rule-table';

const dr = (spec: any) => istio('DestinationRule', { host: 'shop.edge.svc.cluster.local', ...spec });
const policy = (trafficPolicy: any) => dr({ trafficPolicy });
const tls = (settings: any) => policy({ tls: settings });
const pool = (connectionPool: any) => policy({ connectionPool });
const lb = (loadBalancer: any, extra: any = {}) => policy({ loadBalancer, ...extra });
const outlier = (outlierDetection: any) => policy({ outlierDetection });
const subsets = (...list: any[]) => dr({ subsets: list });

describeRules('DestinationRule', [
  { rule: 'host syntax', valid: dr({ host: '*.example.com' }), invalid: dr({ host: 'shop edge' }), message: /label "shop edge"/ },
  { rule: 'policy not empty', valid: policy({ tls: { mode: 'ISTIO_MUTUAL' } }), invalid: policy({}), message: /a traffic policy must set at least one field/ },
  { rule: 'tunnel xor proxyProtocol', valid: policy({ proxyProtocol: { version: 'V2' } }), invalid: policy({ tunnel: { targetHost: 'a.example.com', targetPort: 443 }, proxyProtocol: { version: 'V1' } }), message: /tunnel and proxyProtocol cannot be set together/ },
  { rule: 'tunnel target', valid: policy({ tunnel: { protocol: 'CONNECT', targetHost: '10.0.0.1', targetPort: 443 } }), invalid: policy({ tunnel: { targetHost: 'proxy', targetPort: 0 } }), message: /port number 0/ },
  { rule: 'tunnel protocol', valid: policy({ tunnel: { protocol: 'POST', targetHost: 'proxy.example.com', targetPort: 3128 } }), invalid: policy({ tunnel: { protocol: 'GET', targetHost: 'proxy.example.com', targetPort: 3128 } }), message: /must be "CONNECT" or "POST"/ },
  { rule: 'client TLS MUTUAL needs a certificate', valid: tls({ mode: 'MUTUAL', clientCertificate: '/c.pem', privateKey: '/k.pem' }), invalid: tls({ mode: 'MUTUAL', privateKey: '/k.pem' }), message: /MUTUAL TLS requires a client certificate/ },
  { rule: 'client TLS MUTUAL needs a key', valid: tls({ mode: 'MUTUAL', credentialName: 'client-cert' }), invalid: tls({ mode: 'MUTUAL', clientCertificate: '/c.pem' }), message: /MUTUAL TLS requires a private key/ },
  { rule: 'credentialName alone', valid: tls({ mode: 'SIMPLE', credentialName: 'ca', sni: 'api.example.com' }), invalid: tls({ mode: 'SIMPLE', credentialName: 'ca', caCertificates: '/ca.pem' }), message: /credentialName supplies the certificates/ },
  { rule: 'insecureSkipVerify alone', valid: tls({ mode: 'SIMPLE', insecureSkipVerify: true }), invalid: tls({ mode: 'SIMPLE', insecureSkipVerify: true, caCertificates: '/ca.pem' }), message: /insecureSkipVerify skips verifying the server/ },
  { rule: 'pool needs http or tcp', valid: pool({ tcp: { maxConnections: 100 } }), invalid: pool({}), message: /a connection pool must set http or tcp/ },
  { rule: 'pool limits non-negative', valid: pool({ http: { http1MaxPendingRequests: 0, maxRetries: 3 } }), invalid: pool({ http: { http2MaxRequests: -1 } }), message: /http2MaxRequests cannot be negative/ },
  { rule: 'pool durations', valid: pool({ tcp: { connectTimeout: '30ms', tcpKeepalive: { time: '7200s', interval: '75s' } }, http: { idleTimeout: '1h' } }), invalid: pool({ tcp: { tcpKeepalive: { interval: '0s' } } }), message: /tcpKeepalive.interval: duration "0s" must be at least 1ms/ },
  { rule: 'h2 upgrade vs client protocol', valid: pool({ http: { h2UpgradePolicy: 'UPGRADE' } }), invalid: pool({ http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } }), message: /useClientProtocol cannot be true/ },
  { rule: 'outlier durations', valid: outlier({ consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s' }), invalid: outlier({ baseEjectionTime: '30' }), message: /"30" is not a duration/ },
  { rule: 'outlier percentages', valid: outlier({ maxEjectionPercent: 100, minHealthPercent: 0 }), invalid: outlier({ maxEjectionPercent: 120 }), message: /percentage 120 is not in the range/ },
  { rule: 'local origin failures need the split', valid: outlier({ splitExternalLocalOriginErrors: true, consecutiveLocalOriginFailures: 5 }), invalid: outlier({ consecutiveLocalOriginFailures: 5 }), message: /needs splitExternalLocalOriginErrors/ },
  { rule: 'consecutiveErrors deprecated', valid: outlier({ consecutiveGatewayErrors: 3 }), invalid: outlier({ consecutiveErrors: 3 }), message: /consecutiveErrors is deprecated/, level: FindingLevel.WARNING },
  { rule: 'cookie hash name', valid: lb({ consistentHash: { httpCookie: { name: 'user', ttl: '0s' } } }), invalid: lb({ consistentHash: { httpCookie: { ttl: '10s' } } }), message: /needs the cookie name/ },
  { rule: 'maglev table prime', valid: lb({ consistentHash: { httpHeaderName: 'x-user', maglev: { tableSize: 65537 } } }), invalid: lb({ consistentHash: { httpHeaderName: 'x-user', maglev: { tableSize: 65536 } } }), message: /must be a prime number/ },
  { rule: 'maglev table size', valid: lb({ consistentHash: { useSourceIp: true, maglev: { tableSize: 3 } } }), invalid: lb({ consistentHash: { useSourceIp: true, maglev: { tableSize: 5000011 } } }), message: /must be less than 5000011/ },
  { rule: 'minimumRingSize deprecated', valid: lb({ consistentHash: { useSourceIp: true, ringHash: { minimumRingSize: 1024 } } }), invalid: lb({ consistentHash: { useSourceIp: true, minimumRingSize: 1024 } }), message: /minimumRingSize is deprecated/, level: FindingLevel.WARNING },
  { rule: 'minimumRingSize vs ringHash', valid: lb({ consistentHash: { useSourceIp: true, ringHash: { minimumRingSize: 1024 } } }), invalid: lb({ consistentHash: { useSourceIp: true, minimumRingSize: 1024, ringHash: {} } }), message: /cannot be combined with maglev or ringHash/ },
  { rule: 'warmup durations', valid: lb({ simple: 'LEAST_REQUEST', warmup: { duration: '60s' } }), invalid: lb({ simple: 'ROUND_ROBIN', warmupDurationSecs: '0.5ms' }), message: /must be at least 1ms/ },
  { rule: 'distribute xor failover', valid: lb({ localityLbSetting: { distribute: [{ from: 'us-west/*', to: { 'us-west/*': 80, 'us-east/*': 20 } }] } }), invalid: lb({ localityLbSetting: { distribute: [{ from: 'a/*', to: { 'a/*': 100 } }], failover: [{ from: 'a', to: 'b' }] } }), message: /distribute and failover cannot be set together/ },
  { rule: 'distribute weights add up', valid: lb({ localityLbSetting: { distribute: [{ from: 'a/*', to: { 'a/*': 100 } }] } }), invalid: lb({ localityLbSetting: { distribute: [{ from: 'a/*', to: { 'a/*': 60, 'b/*': 30 } }] } }), message: /must add up to 100/ },
  { rule: 'failover regions differ', valid: lb({ localityLbSetting: { failover: [{ from: 'us-east', to: 'us-west' }] } }, { outlierDetection: { consecutive5xxErrors: 1 } }), invalid: lb({ localityLbSetting: { failover: [{ from: 'us-east', to: 'us-east' }] } }, { outlierDetection: { consecutive5xxErrors: 1 } }), message: /failover must go to a different region/ },
  { rule: 'failover needs outlier detection', valid: lb({ localityLbSetting: { enabled: true } }), invalid: lb({ localityLbSetting: { failover: [{ from: 'us-east', to: 'us-west' }] } }), message: /failover only happens with outlier detection/, level: FindingLevel.WARNING },
  { rule: 'failover vs topology priority', valid: lb({ localityLbSetting: { failoverPriority: ['topology.kubernetes.io/region'] } }, { outlierDetection: { interval: '5s' } }), invalid: lb({ localityLbSetting: { failover: [{ from: 'a', to: 'b' }], failoverPriority: ['topology.kubernetes.io/zone'] } }, { outlierDetection: { interval: '5s' } }), message: /failover cannot be combined with the topology label/ },
  { rule: 'port policy names a port', valid: policy({ portLevelSettings: [{ port: { number: 80 }, loadBalancer: { simple: 'RANDOM' } }] }), invalid: policy({ portLevelSettings: [{ loadBalancer: { simple: 'RANDOM' } }] }), message: /must name its port/ },
  { rule: 'port policy not empty', valid: policy({ portLevelSettings: [{ port: { number: 80 }, tls: { mode: 'DISABLE' } }] }), invalid: policy({ portLevelSettings: [{ port: { number: 80 } }] }), message: /a port traffic policy must set at least one field/ },
  { rule: 'port policy contents', valid: policy({ portLevelSettings: [{ port: { number: 443 }, connectionPool: { tcp: { connectTimeout: '1s' } } }] }), invalid: policy({ portLevelSettings: [{ port: { number: 443 }, connectionPool: { tcp: { connectTimeout: '1us' } } }] }), message: /portLevelSettings\[0\].connectionPool.tcp.connectTimeout/ },
  { rule: 'subset names unique', valid: subsets({ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }), invalid: subsets({ name: 'v1', labels: { version: 'v1' } }, { name: 'v1', labels: { version: 'v2' } }), message: /duplicate subset name "v1"/ },
  { rule: 'subset name syntax', valid: subsets({ name: 'canary-2' }), invalid: subsets({ name: 'v2.1' }), message: /invalid subset name "v2.1"/ },
  { rule: 'subset labels', valid: subsets({ name: 'v1', labels: { 'app.kubernetes.io/version': '1.0' } }), invalid: subsets({ name: 'v1', labels: { version: '-v1' } }), message: /invalid label value "-v1"/ },
  { rule: 'subset traffic policy', valid: subsets({ name: 'v1', trafficPolicy: { loadBalancer: { simple: 'RANDOM' } } }), invalid: subsets({ name: 'v1', trafficPolicy: {} }), message: /spec.subsets\[0\].trafficPolicy: a traffic policy must set at least one field/ },
  { rule: 'selector without wildcards', valid: dr({ workloadSelector: { matchLabels: { app: 'web' } } }), invalid: dr({ workloadSelector: { matchLabels: { app: '*' } } }), message: /wildcard is not supported in a selector/ },
  { rule: 'selector without empty keys', valid: dr({ workloadSelector: { matchLabels: { app: 'web' } } }), invalid: dr({ workloadSelector: { matchLabels: { '': 'web' } } }), message: /empty key is not supported/ },
  { rule: 'selector with labels', valid: dr({ workloadSelector: { matchLabels: { app: 'web' } } }), invalid: dr({ workloadSelector: {} }), message: /without labels applies to every workload/, level: FindingLevel.WARNING },
  { rule: 'selector-bound exportTo', valid: dr({ workloadSelector: { matchLabels: { app: 'web' } }, exportTo: ['.'] }), invalid: dr({ workloadSelector: { matchLabels: { app: 'web' } }, exportTo: ['*'] }), message: /cannot be exported beyond its own namespace/ },
  { rule: 'selector-bound exportTo has one entry', valid: dr({ workloadSelector: { matchLabels: { app: 'web' } }, exportTo: ['edge'] }), invalid: dr({ workloadSelector: { matchLabels: { app: 'web' } }, exportTo: ['edge', 'shop'] }), message: /cannot have more than one exportTo entry/ },
]);
