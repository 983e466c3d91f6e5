import { AdmissionCase, Embed, istio, Row, table } from './case';

const FILE = 'agent/validation_test.go';

/** A ServiceEntry resolved by DNS without endpoints: its hosts must be fully qualified names. */
const asDnsHost: Embed = (host) => istio('ServiceEntry', { hosts: [host], addresses: ['10.0.0.1'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'DNS' });
const asServiceEntryPort: Embed = (number) => istio('ServiceEntry', { hosts: ['foo.bar.com'], addresses: ['10.0.0.1'], ports: [{ number, name: 'http', protocol: 'HTTP' }], resolution: 'DNS' });
const asRouteTimeout: Embed = (timeout) => istio('VirtualService', { hosts: ['foo.bar'], http: [{ timeout, route: [{ destination: { host: 'foo.baz' } }] }] });
const asClientTls: Embed = (tls) => istio('DestinationRule', { host: 'reviews', trafficPolicy: { tls } });
const asDestinationRuleHost: Embed = (host) => istio('DestinationRule', { host });
const asServerBind: Embed = (bind) => istio('Gateway', { servers: [{ hosts: ['foo.bar.com'], port: { number: 80, name: 'http', protocol: 'HTTP' }, bind }] });
const asServiceEntryAddress: Embed = (address) => istio('ServiceEntry', { hosts: ['foo.bar.com'], addresses: [address], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'STATIC' });
/** Locality load balancing, with outlier detection when the row gives it, as failover needs. */
const asLocalityLb: Embed = ({ locality, outlier }) => istio('DestinationRule', {
  host: 'reviews',
  trafficPolicy: { loadBalancer: { localityLbSetting: locality }, ...(outlier ? { outlierDetection: outlier } : {}) },
});
/** Localities as the sources of a distribute list, each sending everything to one place. */
const asDistributeSources: Embed = (localities: string[]) => asLocalityLb({ locality: { distribute: localities.map((from) => ({ from, to: { 'elsewhere/*': 100 } })) } });

const fqdnRows: Row[] = [
  ['long FQDN', 'x'.repeat(256), 'reject'],
  ['empty FQDN', '', 'reject'],
  ['standard FQDN', 'istio.io', 'admit'],
  ['unambiguous FQDN', 'istio.io.', 'admit'],
  ['standard kubernetes FQDN', 'istio-pilot.istio-system.svc.cluster.local', 'admit'],
  ['unambiguous kubernetes FQDN', 'istio-pilot.istio-system.svc.cluster.local.', 'admit'],
];

const portRows: Row[] = [0, 65536, -1, 100, 1000, 65535].map((port) => [String(port), port, port >= 1 && port <= 65535 ? 'admit' : 'reject']);

const durationRows: Row[] = [
  ['1s', '1s', 'admit'],
  ['1s less 1ns', '0.999999999s', 'reject'],
  ['-11s less 1ns', '-11.000000001s', 'reject'],
  ['1ns', '0.000000001s', 'reject'],
  ['1s and 1ns', '1.000000001s', 'reject'],
];

const clientTlsRows: Row[] = [
  ['SIMPLE: Credential Name set correctly', { mode: 'SIMPLE', credentialName: 'some credential' }, 'admit'],
  ['SIMPLE CredentialName set with ClientCertificate specified', { mode: 'SIMPLE', credentialName: 'credential', clientCertificate: 'cert' }, 'reject'],
  ['SIMPLE: CredentialName set with PrivateKey specified', { mode: 'SIMPLE', credentialName: 'credential', privateKey: 'key' }, 'reject'],
  ['SIMPLE: CredentialName set with CACertficiates specified', { mode: 'SIMPLE', credentialName: 'credential', caCertificates: 'ca' }, 'reject'],
  ['MUTUAL: Credential Name set correctly', { mode: 'MUTUAL', credentialName: 'some credential' }, 'admit'],
  ['MUTUAL CredentialName set with ClientCertificate specified', { mode: 'MUTUAL', credentialName: 'credential', clientCertificate: 'cert' }, 'reject'],
  ['MUTUAL: CredentialName set with PrivateKey specified', { mode: 'MUTUAL', credentialName: 'credential', privateKey: 'key' }, 'reject'],
  ['MUTUAL: CredentialName set with CACertficiates specified', { mode: 'MUTUAL', credentialName: 'credential', caCertificates: 'ca' }, 'reject'],
  ['MUTUAL: CredentialName set with CACRL specified', { mode: 'MUTUAL', credentialName: 'credential', caCrl: 'ca' }, 'reject'],
  ['MUTUAL: CredentialName not set with ClientCertificate and Key specified', { mode: 'MUTUAL', clientCertificate: 'cert', privateKey: 'key' }, 'admit'],
  ['MUTUAL: CredentialName not set with ClientCertificate specified and Key missing', { mode: 'MUTUAL', clientCertificate: 'cert' }, 'reject'],
  ['MUTUAL: CredentialName not set with ClientCertificate missing and Key specified', { mode: 'MUTUAL', privateKey: 'key' }, 'reject'],
];

const wildcardDomainRows: Row[] = [
  ['empty', '', 'reject'],
  ['too long', 'x'.repeat(256), 'reject'],
  ['happy', 'x'.repeat(63), 'admit'],
  ['wildcard', '*', 'admit'],
  ['wildcard multi-segment', '*.bar.com', 'admit'],
  ['wildcard single segment', '*foo', 'admit'],
  ['wildcard prefix', '*foo.bar.com', 'admit'],
  ['wildcard prefix dash', '*-foo.bar.com', 'admit'],
  ['bad wildcard', 'foo.*.com', 'reject'],
  ['bad wildcard (2)', 'foo*.bar.com', 'reject'],
  ['IP address', '1.1.1.1', 'reject'],
];

const anyOutlier = { consecutive5xxErrors: 5 };
const locality = (setting: any, outlier: any = anyOutlier) => ({ locality: setting, outlier });
const distribute = (to: { [locality: string]: number }) => ({ distribute: [{ from: 'a/b/c', to }] });
const localityLbRows: Row[] = [
  ['invalid LocalityLoadBalancerSetting_Distribute total weight > 100', locality(distribute({ 'a/b/c': 80, 'a/b1': 25 })), 'reject'],
  ['invalid LocalityLoadBalancerSetting_Distribute total weight < 100', locality(distribute({ 'a/b/c': 80, 'a/b1': 15 })), 'reject'],
  ['invalid LocalityLoadBalancerSetting_Distribute weight = 0', locality(distribute({ 'a/b/c': 0, 'a/b1': 100 })), 'reject'],
  ['invalid LocalityLoadBalancerSetting specify both distribute and failover', locality({ ...distribute({ 'a/b/c': 80, 'a/b1': 20 }), failover: [{ from: 'region1', to: 'region2' }] }), 'reject'],
  ['invalid failover src and dst have same region', locality({ failover: [{ from: 'region1', to: 'region1' }] }), 'reject'],
  ["invalid failover src contain '*' wildcard", locality({ failover: [{ from: '*', to: 'region2' }] }), 'reject'],
  ["invalid failover dst contain '*' wildcard", locality({ failover: [{ from: 'region1', to: '*' }] }), 'reject'],
  ["invalid failover src contain '/' separator", locality({ failover: [{ from: 'region1/zone1', to: 'region2' }] }), 'reject'],
  ["invalid failover dst contain '/' separator", locality({ failover: [{ from: 'region1', to: 'region2/zone1' }] }), 'reject'],
  ['failover priority provided without outlier detection policy', locality({ failoverPriority: ['topology.istio.io/network', 'topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'] }, null), 'warn'],
  ['failover provided without outlier detection policy', locality({ failover: [{ from: 'us-east', to: 'eu-west' }, { from: 'us-west', to: 'eu-east' }] }, null), 'warn'],
  ['invalid LocalityLoadBalancerSetting specify both failoverPriority and region in failover', locality({ failover: [{ from: 'region1', to: 'region2' }], failoverPriority: ['topology.kubernetes.io/region'] }), 'reject'],
];

const localitiesRows: Row[] = [
  ['multi wildcard locality', ['*/zone/*'], 'reject'],
  ['wildcard not in suffix', ['*/zone'], 'reject'],
  ['explicit wildcard region overlap', ['*', 'a/b/c'], 'reject'],
  ['implicit wildcard region overlap', ['a', 'a/b/c'], 'reject'],
  ['explicit wildcard zone overlap', ['a/*', 'a/b/c'], 'reject'],
  ['implicit wildcard zone overlap', ['a/b', 'a/b/c'], 'reject'],
  ['explicit wildcard subzone overlap', ['a/b/*', 'a/b/c'], 'reject'],
  ['valid localities', ['a1/*', 'a2/*', 'a3/b3/c3', 'a4/b4', 'a5/b5/*'], 'admit'],
];

const ipAddressRows: Row[] = [
  ['valid ipv4 address', '1.1.1.1', 'admit'],
  ['invalid ipv4 address', '1.1.A.1', 'reject'],
  ['valid ipv6 subnet', '2001:1::1', 'admit'],
  ['invalid ipv6 address', '2001:1:G::1', 'reject'],
];

const ipSubnetRows: Row[] = [
  ['valid ipv4 subnet', '1.1.1.1/24', 'admit'],
  ['invalid ipv4 subnet', '1.1.1.1/48', 'reject'],
  ['valid ipv6 subnet', '2001:1::1/64', 'admit'],
  ['invalid ipv6 subnet', '2001:1::1/132', 'reject'],
];

/** The tests of pkg/config/validation/agent whose validators the networking kinds call, each where a kind calls it. */
export const agentCases: AdmissionCase[] = [
  ...table(`${FILE} TestValidateFQDN`, asDnsHost, fqdnRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidatePort`, asServiceEntryPort, portRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateDuration`, asRouteTimeout, durationRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateTLS`, asClientTls, clientTlsRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateWildcardDomain`, asDestinationRuleHost, wildcardDomainRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidateLocalityLbSetting`, asLocalityLb, localityLbRows),
  ...table(`${FILE} TestValidateLocalities`, asDistributeSources, localitiesRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidationIPAddress`, asServerBind, ipAddressRows, { errorsOnly: true }),
  ...table(`${FILE} TestValidationIPSubnet`, asServiceEntryAddress, ipSubnetRows, { errorsOnly: true }),
];
