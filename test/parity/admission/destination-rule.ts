import { AdmissionCase, asSpec, Embed, istio, Row, table } from './case';

const FILE = 'validation_test.go';
const CRD_TESTDATA = 'testdata/crds';
const v1v2 = [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }];
const goodPolicy = (minHealthPercent = 20) => ({
  loadBalancer: { simple: 'ROUND_ROBIN' },
  connectionPool: { tcp: { maxConnections: 7 }, http: { http2MaxRequests: 11 } },
  outlierDetection: { minHealthPercent },
});
const emptyPoolPolicy = { loadBalancer: { simple: 'ROUND_ROBIN' }, connectionPool: {}, outlierDetection: { minHealthPercent: 20 } };
const tlsPolicy = (tls: any) => ({ host: 'reviews', trafficPolicy: { tls } });
const san = { subjectAltNames: ['reviews.default.svc'] };
const clientCert = { privateKey: 'key', clientCertificate: 'cert' };

const destinationRuleRows: Row[] = [
  ['simple destination rule', { host: 'reviews', subsets: v1v2 }, 'admit'],
  ['simple destination rule with empty selector labels', { host: 'reviews', subsets: v1v2, workloadSelector: {} }, 'warn'],
  ['missing destination name', { host: '', subsets: v1v2 }, 'reject'],
  ['missing subset name', { host: 'reviews', subsets: [{ name: '', labels: { version: 'v1' } }, v1v2[1]] }, 'reject'],
  ['duplicate subset names', { host: 'reviews', subsets: [{ name: 'foo', labels: { version: 'v1' } }, { name: 'foo', labels: { version: 'v2' } }] }, 'reject'],
  ['valid traffic policy, top level', { host: 'reviews', trafficPolicy: goodPolicy(), subsets: v1v2 }, 'admit'],
  ['invalid traffic policy, top level', { host: 'reviews', trafficPolicy: emptyPoolPolicy, subsets: v1v2 }, 'reject'],
  ['valid traffic policy, subset level', { host: 'reviews', subsets: [{ ...v1v2[0], trafficPolicy: goodPolicy() }, v1v2[1]] }, 'admit'],
  ['invalid traffic policy, subset level', { host: 'reviews', subsets: [{ ...v1v2[0], trafficPolicy: emptyPoolPolicy }, v1v2[1]] }, 'reject'],
  ['valid traffic policy, both levels', { host: 'reviews', trafficPolicy: goodPolicy(), subsets: [{ ...v1v2[0], trafficPolicy: goodPolicy(30) }, v1v2[1]] }, 'admit'],
  ['InsecureSkipVerify is not specified with tls mode simple, and the ca cert is specified by CaCertificates', tlsPolicy({ mode: 'SIMPLE', caCertificates: 'test', ...san }), 'admit'],
  ['InsecureSkipVerify is not specified with tls mode simple, and the ca cert is specified by CredentialName', tlsPolicy({ mode: 'SIMPLE', credentialName: 'test', ...san }), 'admit'],
  ['InsecureSkipVerify is set false with tls mode simple, and the ca cert is specified by CaCertificates', tlsPolicy({ mode: 'SIMPLE', caCertificates: 'test', ...san, insecureSkipVerify: false }), 'admit'],
  ['InsecureSkipVerify is set false with tls mode simple, and the ca cert is specified by CredentialName', tlsPolicy({ mode: 'SIMPLE', credentialName: 'test', ...san, insecureSkipVerify: false }), 'admit'],
  ['InsecureSkipVerify is set true with tls mode simple, and the ca cert is specified by CaCertificates', tlsPolicy({ mode: 'SIMPLE', credentialName: 'test', insecureSkipVerify: true }), 'reject'],
  ['InsecureSkipVerify is set true with tls mode simple, and the ca cert is specified by CredentialName', tlsPolicy({ mode: 'SIMPLE', caCertificates: 'test', insecureSkipVerify: true }), 'reject'],
  ['InsecureSkipVerify is set true with tls mode simple, and the san is specified', tlsPolicy({ mode: 'SIMPLE', ...san, insecureSkipVerify: true }), 'reject'],
  ['InsecureSkipVerify is not specified with tls mode mutual, and the ca cert is specified by CaCertificates', tlsPolicy({ mode: 'MUTUAL', caCertificates: 'test', ...clientCert, ...san }), 'admit'],
  ['InsecureSkipVerify is not specified with tls mode mutual, and the ca cert is specified by CredentialName', tlsPolicy({ mode: 'MUTUAL', credentialName: 'test', ...san }), 'admit'],
  ['InsecureSkipVerify is set false with tls mode mutual, and the ca cert is specified by CaCertificates', tlsPolicy({ mode: 'MUTUAL', caCertificates: 'test', ...clientCert, ...san, insecureSkipVerify: false }), 'admit'],
  ['InsecureSkipVerify is set false with tls mode mutual, and the ca cert is specified by CredentialName', tlsPolicy({ mode: 'MUTUAL', credentialName: 'test', ...san, insecureSkipVerify: false }), 'admit'],
  ['InsecureSkipVerify is set true with tls mode mutual, and the ca cert is specified by CaCertificates', tlsPolicy({ mode: 'MUTUAL', caCertificates: 'test', ...clientCert, insecureSkipVerify: true }), 'reject'],
  ['InsecureSkipVerify is set true with tls mode mutual, and the ca cert is specified by CaCertificates (2)', tlsPolicy({ mode: 'MUTUAL', credentialName: 'test', insecureSkipVerify: true }), 'admit'],
  ['InsecureSkipVerify is set true with tls mode mutual, and the ca cert is not specified', tlsPolicy({ mode: 'MUTUAL', ...clientCert, insecureSkipVerify: true }), 'admit'],
  ['InsecureSkipVerify is set true with tls mode mutual, and the san is specified', tlsPolicy({ mode: 'MUTUAL', ...clientCert, ...san, insecureSkipVerify: true }), 'reject'],
];

const trafficPolicyRows: Row[] = [
  ['valid traffic policy', goodPolicy(), 'admit'],
  ['invalid traffic policy, nil entries', {}, 'reject'],
  ['invalid traffic policy, missing port in port level settings', { portLevelSettings: [goodPolicy()] }, 'reject'],
  ['invalid traffic policy, bad connection pool', emptyPoolPolicy, 'reject'],
  ['invalid traffic policy, bad max connection duration', { loadBalancer: { simple: 'ROUND_ROBIN' }, connectionPool: { tcp: { maxConnectionDuration: '0.000000500s' } } }, 'reject'],
  ['invalid traffic policy, panic threshold too low', goodPolicy(-1), 'reject'],
  ['invalid traffic policy, both upgrade and use client protocol set', { connectionPool: { http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } } }, 'reject'],
];

const httpPool = { http1MaxPendingRequests: 2, http2MaxRequests: 11, maxRequestsPerConnection: 5, maxRetries: 4, maxConcurrentStreams: 5 };
const connectionPoolRows: Row[] = [
  ['valid connection pool, tcp and http', { tcp: { maxConnections: 7, connectTimeout: '2s' }, http: { ...httpPool, idleTimeout: '30s' } }, 'admit'],
  ['valid connection pool, tcp only', { tcp: { maxConnections: 7, connectTimeout: '2s' } }, 'admit'],
  ['valid connection pool, http only', { http: { ...httpPool, idleTimeout: '30s' } }, 'admit'],
  ['valid connection pool, http only with empty idle timeout', { http: httpPool }, 'admit'],
  ['valid connection pool, http2 keepalive', { http: { http2KeepAlive: { interval: '15s', timeout: '5s' } } }, 'admit'],
  ['invalid connection pool, empty', {}, 'reject'],
  ['invalid connection pool, bad max connections', { tcp: { maxConnections: -1 } }, 'reject'],
  ['invalid connection pool, bad connect timeout', { tcp: { connectTimeout: '2.000000005s' } }, 'reject'],
  ['invalid connection pool, bad max pending requests', { http: { http1MaxPendingRequests: -1 } }, 'reject'],
  ['invalid connection pool, bad max requests', { http: { http2MaxRequests: -1 } }, 'reject'],
  ['invalid connection pool, bad max requests per connection', { http: { maxRequestsPerConnection: -1 } }, 'reject'],
  ['invalid connection pool, bad max retries', { http: { maxRetries: -1 } }, 'reject'],
  ['invalid connection pool, bad idle timeout', { http: { idleTimeout: '30.000000005s' } }, 'reject'],
  ['valid connection pool, tcp timeout disabled', { tcp: { idleTimeout: '0s' } }, 'admit'],
  ['invalid connection pool, bad max concurrent streams', { http: { maxConcurrentStreams: -1 } }, 'reject'],
  ['invalid connection pool, http2 keepalive without interval', { http: { http2KeepAlive: { timeout: '5s' } } }, 'reject'],
  ['invalid connection pool, http2 keepalive without timeout', { http: { http2KeepAlive: { interval: '15s' } } }, 'reject'],
  ['invalid connection pool, bad http2 keepalive interval', { http: { http2KeepAlive: { interval: '15.000000005s', timeout: '5s' } } }, 'reject'],
];

const cookie = (extra: any) => ({ consistentHash: { httpCookie: { name: 'test-cookie', ttl: '3600s', ...extra } } });
const loadBalancerRows: Row[] = [
  ['valid load balancer with simple load balancing', { simple: 'ROUND_ROBIN' }, 'admit'],
  ['valid load balancer with consistentHash load balancing', { consistentHash: { minimumRingSize: 1024, httpCookie: { name: 'test', ttl: '3600s' } } }, 'admit'],
  ['invalid load balancer with consistentHash load balancing, missing name', { consistentHash: { minimumRingSize: 1024, httpCookie: { ttl: '3600s' } } }, 'reject'],
  ['invalid load balancer with consistentHash load balancing, maglev not prime', { consistentHash: { maglev: { tableSize: 1000 } } }, 'reject'],
  ['valid load balancer with consistentHash load balancing and unique cookie attributes', cookie({ attributes: [{ name: 'SameSite', value: 'Strict' }, { name: 'Secure', value: 'true' }, { name: 'HttpOnly', value: 'true' }] }), 'admit'],
  ['invalid load balancer with consistentHash load balancing and duplicate cookie attribute names', cookie({ attributes: [{ name: 'SameSite', value: 'Strict' }, { name: 'SameSite', value: 'Lax' }, { name: 'Secure', value: 'true' }] }), 'reject'],
  ['invalid load balancer with consistentHash load balancing and empty cookie attribute name', cookie({ attributes: [{ name: 'SameSite', value: 'Strict' }, { name: '', value: 'some-value' }, { name: 'Secure', value: 'true' }] }), 'reject'],
  ['invalid: localityLbSetting and zoneAwareLbSetting both set', { localityLbSetting: {}, zoneAwareLbSetting: {} }, 'reject'],
  ['valid: zoneAwareLbSetting only', { zoneAwareLbSetting: { failover: [{ from: 'us-east', to: 'eu-west' }] } }, 'admit'],
];

const outlierDetectionRows: Row[] = [
  ['valid outlier detection', { interval: '2s', baseEjectionTime: '2s', maxEjectionPercent: 50 }, 'admit'],
  ['invalid outlier detection, bad interval', { interval: '2.000000005s' }, 'reject'],
  ['invalid outlier detection, bad base ejection time', { baseEjectionTime: '2.000000005s' }, 'reject'],
  ['invalid outlier detection, bad max ejection percent', { maxEjectionPercent: 105 }, 'reject'],
  ['invalid outlier detection, panic threshold too low', { minHealthPercent: -1 }, 'reject'],
  ['invalid outlier detection, panic threshold too high', { minHealthPercent: 101 }, 'reject'],
  ['deprecated outlier detection, ConsecutiveErrors', { consecutiveErrors: 101 }, 'warn'],
  ['consecutive local origin errors is set but split local origin errors is not set', { consecutiveLocalOriginFailures: 10 }, 'reject'],
];

const ratings = 'ratings.prod.svc.cluster.local';
const loadBalancer = (lb: any) => ({ host: ratings, trafficPolicy: { loadBalancer: lb } });
const crdValidRows: Row[] = [
  ['bookinfo-ratings (warmup duration)', loadBalancer({ warmup: { duration: '300s' } }), 'admit'],
  ['bookinfo-ratings (warmup minimumPercent)', loadBalancer({ warmup: { duration: '300s', minimumPercent: 5.0 } }), 'admit'],
  ['bookinfo-ratings (warmup aggression)', loadBalancer({ warmup: { duration: '300s', minimumPercent: 5.0, aggression: 5.0 } }), 'admit'],
  ['bookinfo-ratings-http2-ping', { host: ratings, trafficPolicy: { connectionPool: { http: { http2KeepAlive: { interval: '15s', timeout: '5s' } } } } }, 'admit'],
];
const crdInvalidRows: Row[] = [
  ['bookinfo-ratings (warmup minimumPercent over 100)', loadBalancer({ warmup: { duration: '300s', minimumPercent: 150.0 } }), 'reject'],
  ['bookinfo-ratings (warmup without duration)', loadBalancer({ warmup: { minimumPercent: 5.0 } }), 'reject'],
  ['bookinfo-ratings (warmup negative aggression)', loadBalancer({ warmup: { duration: '300s', aggression: -0.1 } }), 'reject'],
];

const policyOf = (trafficPolicy: any) => istio('DestinationRule', { host: 'reviews', trafficPolicy });
const onPolicy = (field: string): Embed => (value) => policyOf({ [field]: value });

/** The DestinationRule tests of validation_test.go and its CRD test data. */
export const destinationRuleCases: AdmissionCase[] = [
  ...table(`${FILE} TestValidateDestinationRule`, asSpec('DestinationRule'), destinationRuleRows),
  ...table(`${FILE} TestValidateTrafficPolicy`, policyOf, trafficPolicyRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateConnectionPool`, onPolicy('connectionPool'), connectionPoolRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateLoadBalancer`, onPolicy('loadBalancer'), loadBalancerRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateOutlierDetection`, onPolicy('outlierDetection'), outlierDetectionRows),
  ...table(`${CRD_TESTDATA}/destinationrule-valid.yaml`, asSpec('DestinationRule'), crdValidRows),
  ...table(`${CRD_TESTDATA}/destinationrule-invalid.yaml`, asSpec('DestinationRule'), crdInvalidRows),
];
