import { KubeObject } from '../../../src/rules/finding';
import { AdmissionCase, asSpec, istio, Row, table } from './case';

const FILE = 'validation_test.go';
const CRD_TESTDATA = 'testdata/crds';
const port = (number: number, name: string, protocol?: string, targetPort?: number) => ({
  number, name, ...(protocol === undefined ? {} : { protocol }), ...(targetPort === undefined ? {} : { targetPort }),
});
const twoHttpPorts = [port(80, 'http-valid1', 'http'), port(8080, 'http-valid2', 'http')];
const oneHttpPort = [port(80, 'http-valid1', 'http')];
const endpoint = (address: string, ports?: { [name: string]: number }, extra: any = {}) => ({ address, ...(ports ? { ports } : {}), ...extra });
const googleEndpoints = [endpoint('lon.google.com', { 'http-valid1': 8080 }), endpoint('in.google.com', { 'http-valid2': 9080 })];
const staticEndpoints = [endpoint('1.1.1.1', { 'http-valid1': 8080 }), endpoint('2.2.2.2', { 'http-valid2': 9080 })];
const tlsModeIstio = { labels: { 'security.istio.io/tlsMode': 'istio' } };
const udsHost = { hosts: ['uds.cluster.local'], resolution: 'STATIC' };
const grpcPort = port(6553, 'grpc-service1', 'grpc');

const serviceEntryRows: Row[] = [
  ['discovery type DNS', { hosts: ['*.google.com'], ports: twoHttpPorts, endpoints: googleEndpoints, resolution: 'DNS' }, 'admit'],
  ['discovery type DNS Round Robin', { hosts: ['*.istio.io'], ports: twoHttpPorts, endpoints: [endpoint('api-v1.istio.io', { 'http-valid1': 8080 })], resolution: 'DNS_ROUND_ROBIN' }, 'admit'],
  ['discovery type DNS, label tlsMode: istio', { hosts: ['*.google.com'], ports: twoHttpPorts, endpoints: [endpoint('lon.google.com', { 'http-valid1': 8080 }, tlsModeIstio), endpoint('in.google.com', { 'http-valid2': 9080 }, tlsModeIstio)], resolution: 'DNS' }, 'admit'],
  ['discovery type DNS, one host set with IP address and https port', { hosts: ['httpbin.org'], addresses: ['10.10.10.10'], ports: [...twoHttpPorts, port(443, 'https', 'https')], resolution: 'DNS' }, 'admit'],
  ['discovery type DNS, multi hosts set with IP address and https port', { hosts: ['httpbin.org', 'wikipedia.org'], addresses: ['10.10.10.10'], ports: [...twoHttpPorts, port(443, 'https', 'https')], resolution: 'DNS' }, 'warn'],
  ['discovery type DNS, IP address set', { hosts: ['*.google.com'], addresses: ['10.10.10.10'], ports: twoHttpPorts, endpoints: googleEndpoints, resolution: 'DNS' }, 'admit'],
  ['discovery type DNS, IP in endpoints', { hosts: ['*.google.com'], ports: twoHttpPorts, endpoints: [endpoint('1.1.1.1', { 'http-valid1': 8080 }), endpoint('in.google.com', { 'http-valid2': 9080 })], resolution: 'DNS' }, 'admit'],
  ['discovery type DYNAMIC_DNS', { hosts: ['*.google.com'], ports: twoHttpPorts, resolution: 'DYNAMIC_DNS' }, 'admit'],
  ['empty hosts', { ports: oneHttpPort, endpoints: [endpoint('in.google.com', { 'http-valid2': 9080 })], resolution: 'DNS' }, 'reject'],
  ['bad hosts', { hosts: ['-'], ports: oneHttpPort, endpoints: [endpoint('in.google.com', { 'http-valid2': 9080 })], resolution: 'DNS' }, 'reject'],
  ['full wildcard host', { hosts: ['foo.com', '*'], ports: oneHttpPort, endpoints: [endpoint('in.google.com', { 'http-valid2': 9080 })], resolution: 'DNS' }, 'reject'],
  ['short name host', { hosts: ['foo', 'bar.com'], ports: oneHttpPort, endpoints: [endpoint('in.google.com', { 'http-valid1': 9080 })], resolution: 'DNS' }, 'admit'],
  ['undefined endpoint port', { hosts: ['google.com'], ports: [port(80, 'http-valid1', 'http'), port(80, 'http-valid2', 'http')], endpoints: [endpoint('lon.google.com', { 'http-valid1': 8080 }), endpoint('in.google.com', { 'http-dne': 9080 })], resolution: 'DNS' }, 'reject'],
  ['discovery type DNS, non-FQDN endpoint', { hosts: ['*.google.com'], ports: twoHttpPorts, endpoints: [endpoint('*.lon.google.com', { 'http-valid1': 8080 }), endpoint('in.google.com', { 'http-dne': 9080 })], resolution: 'DNS' }, 'reject'],
  ['discovery type DNS, non-FQDN host', { hosts: ['*.google.com'], ports: twoHttpPorts, resolution: 'DNS' }, 'reject'],
  ['discovery type DNS, no endpoints', { hosts: ['google.com'], ports: twoHttpPorts, resolution: 'DNS' }, 'admit'],
  ['discovery type DNS, unix endpoint', { hosts: ['*.google.com'], ports: oneHttpPort, endpoints: [endpoint('unix:///lon/google/com')], resolution: 'DNS' }, 'reject'],
  ['discovery type none', { hosts: ['google.com'], ports: twoHttpPorts, resolution: 'NONE' }, 'admit'],
  ['discovery type none, endpoints provided', { hosts: ['google.com'], ports: twoHttpPorts, endpoints: [endpoint('lon.google.com', { 'http-valid1': 8080 })], resolution: 'NONE' }, 'reject'],
  ['discovery type none, cidr addresses', { hosts: ['google.com'], addresses: ['172.1.2.16/16'], ports: twoHttpPorts, resolution: 'NONE' }, 'admit'],
  ['discovery type static, cidr addresses with endpoints', { hosts: ['google.com'], addresses: ['172.1.2.16/16'], ports: twoHttpPorts, endpoints: staticEndpoints, resolution: 'STATIC' }, 'admit'],
  ['discovery type static', { hosts: ['google.com'], addresses: ['172.1.2.16'], ports: twoHttpPorts, endpoints: staticEndpoints, resolution: 'STATIC' }, 'admit'],
  ['discovery type static, FQDN in endpoints', { hosts: ['google.com'], addresses: ['172.1.2.16'], ports: twoHttpPorts, endpoints: [endpoint('google.com', { 'http-valid1': 8080 }), endpoint('2.2.2.2', { 'http-valid2': 9080 })], resolution: 'STATIC' }, 'reject'],
  ['discovery type static, missing endpoints', { hosts: ['google.com'], addresses: ['172.1.2.16'], ports: twoHttpPorts, resolution: 'STATIC' }, 'admit'],
  ['discovery type static, bad endpoint port name', { hosts: ['google.com'], addresses: ['172.1.2.16'], ports: twoHttpPorts, endpoints: [endpoint('1.1.1.1', { 'http-valid1': 8080 }), endpoint('2.2.2.2', { 'http-dne': 9080 })], resolution: 'STATIC' }, 'reject'],
  ['discovery type none, conflicting port names', { hosts: ['google.com'], ports: [port(80, 'http-conflict', 'http'), port(8080, 'http-conflict', 'http')], resolution: 'NONE' }, 'reject'],
  ['discovery type none, conflicting port numbers', { hosts: ['google.com'], ports: [port(80, 'http-conflict1', 'http'), port(80, 'http-conflict2', 'http')], resolution: 'NONE' }, 'reject'],
  ['unix socket', { ...udsHost, ports: [grpcPort], endpoints: [endpoint('unix:///path/to/socket')] }, 'admit'],
  ['unix socket, relative path', { ...udsHost, ports: [grpcPort], endpoints: [endpoint('unix://./relative/path.sock')] }, 'reject'],
  ['unix socket, endpoint ports', { ...udsHost, ports: [grpcPort], endpoints: [endpoint('unix:///path/to/socket', { 'grpc-service1': 6553 })] }, 'reject'],
  ['unix socket, multiple service ports', { ...udsHost, ports: [grpcPort, port(80, 'http-service2', 'http')], endpoints: [endpoint('unix:///path/to/socket')] }, 'reject'],
  ['empty protocol', { hosts: ['google.com'], addresses: ['172.1.2.16/16'], ports: [port(80, 'http-valid1', 'http'), port(8080, 'http-valid2')], resolution: 'NONE' }, 'admit'],
  ['selector', { hosts: ['google.com'], workloadSelector: { labels: { foo: 'bar' } }, ports: oneHttpPort }, 'warn'],
  ['workload selector without labels', { hosts: ['google.com'], ports: twoHttpPorts, workloadSelector: {} }, 'warn'],
  ['selector and endpoints', { hosts: ['google.com'], workloadSelector: { labels: { foo: 'bar' } }, ports: oneHttpPort, endpoints: [endpoint('1.1.1.1')] }, 'reject'],
  ['selector and resolution NONE', { hosts: ['google.com'], workloadSelector: { labels: { foo: 'bar' } }, ports: oneHttpPort, resolution: 'NONE' }, 'warn'],
  ['selector and resolution DNS', { hosts: ['google.com'], workloadSelector: { labels: { foo: 'bar' } }, ports: oneHttpPort, resolution: 'DNS' }, 'admit'],
  ['bad selector key', { hosts: ['google.com'], workloadSelector: { labels: { '': 'bar' } }, ports: oneHttpPort }, 'reject'],
  ['repeat target port', { hosts: ['google.com'], resolution: 'DNS', ports: [port(80, 'http-valid1', 'http', 80), port(81, 'http-valid2', 'http', 80)] }, 'admit'],
  ['valid target port', { hosts: ['google.com'], resolution: 'DNS', ports: [port(80, 'http-valid1', 'http', 81)] }, 'admit'],
  ['invalid target port', { hosts: ['google.com'], resolution: 'DNS', ports: [port(80, 'http-valid1', 'http', 65536)] }, 'reject'],
  ['warn target port', { hosts: ['google.com'], workloadSelector: { labels: { key: 'bar' } }, ports: [port(80, 'http-valid1', 'http', 1234)] }, 'warn'],
  ['valid endpoint port', { hosts: ['google.com'], ports: [port(80, 'http-valid1', 'http', 81)], resolution: 'STATIC', endpoints: [endpoint('1.1.1.1', { 'http-valid1': 8081 })] }, 'admit'],
  ['invalid endpoint port', { hosts: ['google.com'], ports: [port(80, 'http-valid1', 'http', 81)], resolution: 'STATIC', endpoints: [endpoint('1.1.1.1', { 'http-valid1': 65536 })] }, 'reject'],
  ['protocol unset for addresses empty', { hosts: ['google.com'], addresses: [], ports: [port(80, 'http-valid1', 'http'), port(8080, 'http-valid2')], resolution: 'NONE' }, 'warn'],
  ['protocol is TCP for addresses empty', { hosts: ['google.com'], addresses: [], ports: [port(80, 'http-valid1', 'http'), port(81, 'tcp-valid1', 'TCP')], resolution: 'NONE' }, 'warn'],
  ['dns round robin with more than one endpoint', { hosts: ['google.com'], addresses: [], ports: [port(8081, 'http-valid1', 'http')], endpoints: [endpoint('api-v1.istio.io', { 'http-valid1': 8081 }), endpoint('1.1.1.2', { 'http-valid1': 8081 })], resolution: 'DNS_ROUND_ROBIN' }, 'reject'],
  ['dns round robin with 0 endpoints', { hosts: ['google.com'], addresses: [], ports: [port(8081, 'http-valid1', 'http')], endpoints: [], resolution: 'DNS_ROUND_ROBIN' }, 'admit'],
  ['partial wildcard hosts', { hosts: ['*.nytimes.com', '*washingtonpost.com'], addresses: [], ports: [port(443, 'https-nytimes', 'HTTPS')], endpoints: [], resolution: 'NONE' }, 'warn'],
  ['network set with no address on endpoint', { hosts: ['www.example.com'], addresses: [], ports: [port(443, 'https-example', 'HTTPS')], endpoints: [{ network: 'cluster-1' }], resolution: 'STATIC' }, 'warn'],
  ['discovery type DYNAMIC_DNS, unsupported TCP protocol', { hosts: ['*.google.com'], addresses: [], ports: [port(80, 'http-valid1', 'http'), port(81, 'tcp-valid1', 'TCP')], resolution: 'DYNAMIC_DNS' }, 'reject'],
  ['discovery type DYNAMIC_DNS, GRPC protocol', { hosts: ['*.svc.cluster.local'], addresses: [], ports: [port(9090, 'grpc', 'GRPC')], resolution: 'DYNAMIC_DNS' }, 'admit'],
  ['discovery type DYNAMIC_DNS, FQDN host', { hosts: ['google.com'], addresses: [], ports: [port(80, 'http-valid', 'http')], resolution: 'DYNAMIC_DNS' }, 'reject'],
  ['discovery type DYNAMIC_DNS, endpoints set', { hosts: ['*.google.com'], addresses: [], ports: oneHttpPort, endpoints: [endpoint('in.google.com', { 'http-valid1': 9080 })], resolution: 'DYNAMIC_DNS' }, 'reject'],
  ['discovery type DYNAMIC_DNS, IP address set', { hosts: ['*.google.com'], addresses: ['10.10.10.10'], ports: twoHttpPorts, resolution: 'DYNAMIC_DNS' }, 'reject'],
  ['discovery type DYNAMIC_DNS, empty hosts', { hosts: [], addresses: [], ports: oneHttpPort, resolution: 'DYNAMIC_DNS' }, 'reject'],
  ['discovery type DYNAMIC_DNS, multiple wildcarded hosts', { hosts: ['*.google.com', '*.amazon.com'], addresses: [], ports: oneHttpPort, resolution: 'DYNAMIC_DNS' }, 'admit'],
  ['discovery type DYNAMIC_DNS, internal mesh location', { hosts: ['*.google.com'], addresses: [], ports: oneHttpPort, resolution: 'DYNAMIC_DNS', location: 'MESH_INTERNAL' }, 'admit'],
  ['discovery type DYNAMIC_DNS, nil port', { hosts: ['*.google.com'], location: 'MESH_EXTERNAL', ports: [null], resolution: 'DYNAMIC_DNS' }, 'reject'],
  ['nil port in ports array', { hosts: ['google.com'], ports: [null], resolution: 'NONE' }, 'reject'],
  ['discovery type DNS with addresses, nil port', { hosts: ['google.com'], addresses: ['1.2.3.4'], ports: [null], resolution: 'DNS' }, 'reject'],
];

const withWaypoint = (obj: KubeObject): KubeObject => ({ ...obj, metadata: { ...obj.metadata, labels: { 'istio.io/use-waypoint': 'my-waypoint' } } });
const waypointRows: Row[] = [
  ['discovery type DYNAMIC_DNS, MESH_INTERNAL with waypoint (invalid)', { hosts: ['*.google.com'], addresses: [], ports: oneHttpPort, resolution: 'DYNAMIC_DNS', location: 'MESH_INTERNAL' }, 'reject'],
];

const portNameRows: Row[] = [
  ['""', '', 'reject'],
  ['simple', 'simple', 'admit'],
  ['full', 'full', 'admit'],
  ['toolong'.repeat(14), 'toolong'.repeat(14), 'reject'],
];

const example = { hosts: ['example.com'] };
const crdValidRows: Row[] = [
  ['full', { hosts: ['example.com'], workloadSelector: { labels: { foo: 'bar' } }, addresses: ['1.2.3.4', '001:db8::'], exportTo: ['foo', '.'], location: 'MESH_EXTERNAL', ports: [port(1234, 'foo', 'HTTP', 2345)], subjectAltNames: ['sa'], resolution: 'DNS' }, 'admit'],
  ['static-endpoints', { hosts: ['example.com'], endpoints: [endpoint('sub.example.com')], ports: [port(1234, 'foo', 'HTTP', 2345)], resolution: 'DNS' }, 'admit'],
  ['empty-selector', { workloadSelector: {}, ...example }, 'admit'],
  ['partial-wildcard', { hosts: ['*x'] }, 'admit'],
  ['none-cidr', { ...example, addresses: ['1.1.1.1/32'] }, 'admit'],
];
const crdInvalidRows: Row[] = [
  ['no-spec', undefined, 'reject'],
  ['missing-host', {}, 'reject'],
  ['bad-selector-value', { ...example, workloadSelector: { labels: { val: '*' } } }, 'reject'],
  ['selector-and-endpoints', { ...example, workloadSelector: {}, endpoints: [endpoint('1.2.3.4')] }, 'reject'],
  ['bad-host-wildcard', { hosts: ['*'] }, 'reject'],
  ['bad-cidr-resolution', { ...example, addresses: ['1.2.3.4/16'], resolution: 'DNS' }, 'reject'],
  ['duplicate-ports-name', { ...example, ports: [port(1, 'a'), port(12, 'a')] }, 'reject'],
  ['duplicate-ports-number', { ...example, ports: [port(1, 'a'), port(1, 'b')] }, 'reject'],
  ['bad-port', { ...example, ports: [port(99999, 'a')] }, 'reject'],
  ['bad-port-target', { ...example, ports: [port(1, 'a', undefined, 99999)] }, 'reject'],
  ['none-with-endpoints', { ...example, endpoints: [endpoint('1.2.3.4')], resolution: 'NONE' }, 'reject'],
  ['dns-rr-with-multiple-endpoints', { ...example, resolution: 'DNS_ROUND_ROBIN', endpoints: [endpoint('sub1.example.com'), endpoint('sub2.example.com')] }, 'reject'],
];

/** TestValidateServiceEntries, TestValidatePortName (on ServiceEntry ports) and the CRD test data. */
export const serviceEntryCases: AdmissionCase[] = [
  ...table(`${FILE} TestValidateServiceEntries`, asSpec('ServiceEntry'), serviceEntryRows),
  ...table(`${FILE} TestValidateServiceEntries`, (spec) => withWaypoint(istio('ServiceEntry', spec)), waypointRows),
  ...table(`${FILE} TestValidatePortName`, (name) => istio('ServiceEntry', { hosts: ['foo.bar.com'], addresses: ['10.0.0.1'], ports: [port(80, name, 'HTTP')], resolution: 'DNS' }), portNameRows, { errorsOnly: true }),
  ...table(`${CRD_TESTDATA}/serviceentry-valid.yaml`, asSpec('ServiceEntry', 'default'), crdValidRows, { errorsOnly: true }),
  ...table(`${CRD_TESTDATA}/serviceentry-invalid.yaml`, asSpec('ServiceEntry', 'default'), crdInvalidRows),
];
