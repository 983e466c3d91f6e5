import { FindingLevel } from '../../../src/rules/finding';
import { checkObject } from '../../../src/rules/webhook';
import { describeRules, istio } from './rule-table';

const https = { number: 443, name: 'https', protocol: 'TLS' };
const tcp = { number: 5432, name: 'postgres', protocol: 'TCP' };
const se = (spec: any) => istio('ServiceEntry', { hosts: ['api.example.com'], location: 'MESH_EXTERNAL', ports: [https], resolution: 'DNS', ...spec });
const http = { number: 80, name: 'http', protocol: 'http' };
const dynamic = (spec: any) => se({ hosts: ['*.google.com'], ports: [http], resolution: 'DYNAMIC_DNS', ...spec });
const withWaypoint = (entry: any) => ({ ...entry, metadata: { ...entry.metadata, labels: { 'istio.io/use-waypoint': 'egress-waypoint' } } });
const statics = (endpoints: any[], extra: any = {}) => se({ resolution: 'STATIC', addresses: ['203.0.113.10'], endpoints, ...extra });
const optedOut = (spec: any) => ({ ...se(spec), metadata: { name: 'example', namespace: 'edge', labels: { 'networking.istio.io/enable-autoallocate-ip': 'false' } } });

describeRules('ServiceEntry', [
  { rule: 'at least one host', valid: se({}), invalid: se({ hosts: [] }), message: /at least one host/ },
  { rule: 'host is not "*"', valid: se({ hosts: ['*.example.com'], resolution: 'NONE' }), invalid: se({ hosts: ['*'], resolution: 'NONE' }), message: /the host cannot be "\*"/ },
  { rule: 'host syntax', valid: se({ hosts: ['api.example.com.'] }), invalid: se({ hosts: ['api.exa mple.com'] }), message: /label "exa mple" is not a DNS-1123 label/ },
  { rule: 'partial wildcard', valid: se({ hosts: ['*.example.com'], resolution: 'NONE' }), invalid: se({ hosts: ['*api.example.com'], resolution: 'NONE' }), message: /partial wildcard/, level: FindingLevel.WARNING },
  { rule: 'wildcards cannot be resolved by DNS', valid: se({ hosts: ['*.example.com'], endpoints: [{ address: 'proxy.example.com' }] }), invalid: se({ hosts: ['*.example.com'] }), message: /with resolution DNS and no endpoints, hosts must be fully qualified/ },
  { rule: 'addresses are IPs or CIDRs', valid: se({ addresses: ['10.0.0.1', '2001:db8::1'] }), invalid: se({ addresses: ['10.0.0.1.5'] }), message: /not a valid IP address/ },
  { rule: 'CIDRs only for NONE and STATIC', valid: se({ addresses: ['10.0.0.0/24'], resolution: 'NONE' }), invalid: se({ addresses: ['10.0.0.0/24'] }), message: /CIDR addresses are only allowed with resolution NONE or STATIC, not DNS/ },
  { rule: 'port names unique', valid: se({ ports: [https, tcp], hosts: ['db.example.com'] }), invalid: se({ ports: [https, { ...tcp, name: 'https' }], resolution: 'NONE' }), message: /port name "https" is already defined/ },
  { rule: 'port numbers unique', valid: se({ ports: [https, { ...https, number: 8443, name: 'alt' }] }), invalid: se({ ports: [https, { ...https, name: 'alt' }] }), message: /port 443 is already defined/ },
  { rule: 'port name syntax', valid: se({ ports: [{ ...https, name: 'tls-443' }] }), invalid: se({ ports: [{ ...https, name: 'tls_443' }] }), message: /invalid port name "tls_443"/ },
  { rule: 'port protocol', valid: se({ ports: [{ ...https, protocol: 'HTTPS' }] }), invalid: se({ ports: [{ ...https, protocol: 'SMTP' }] }), message: /unsupported protocol "SMTP"/ },
  { rule: 'port number', valid: se({ ports: [{ ...https, number: 1 }] }), invalid: se({ ports: [{ ...https, number: 0 }] }), message: /port number 0 must be in the range/ },
  { rule: 'targetPort range', valid: se({ ports: [{ ...https, targetPort: 8443 }] }), invalid: se({ ports: [{ ...https, targetPort: 70000 }] }), message: /port number 70000/ },
  { rule: 'addresses for TCP without auto-allocation', valid: optedOut({ ports: [tcp], hosts: ['db.example.com'], addresses: ['10.1.0.5'] }), invalid: optedOut({ ports: [tcp], hosts: ['db.example.com'] }), message: /needs addresses when automatic address allocation is turned off/, level: FindingLevel.WARNING },
  { rule: 'one host per opaque TCP port', valid: se({ hosts: ['a.example.com', 'b.example.com'], ports: [https] }), invalid: se({ hosts: ['a.example.com', 'b.example.com'], ports: [tcp] }), message: /several hosts cannot share the non-HTTP, non-TLS port 5432/ },
  { rule: 'NONE without endpoints', valid: se({ resolution: 'NONE' }), invalid: se({ resolution: 'NONE', endpoints: [{ address: '10.0.0.1' }] }), message: /resolution NONE cannot have endpoints/ },
  { rule: 'unset resolution is NONE', valid: se({ resolution: undefined }), invalid: se({ resolution: undefined, endpoints: [{ address: '10.0.0.1' }] }), message: /resolution NONE cannot have endpoints/ },
  { rule: 'DNS_ROUND_ROBIN takes one endpoint', valid: se({ resolution: 'DNS_ROUND_ROBIN', endpoints: [{ address: 'a.example.net' }] }), invalid: se({ resolution: 'DNS_ROUND_ROBIN', endpoints: [{ address: 'a.example.net' }, { address: 'b.example.net' }] }), message: /takes at most one endpoint/ },
  // validation_test.go TestValidateServiceEntries "discovery type DYNAMIC_DNS" and the cases after it
  { rule: 'DYNAMIC_DNS', valid: dynamic({ ports: [http, { ...http, number: 8080, name: 'http-alt' }] }), invalid: dynamic({ hosts: ['google.com'] }), message: /spec.hosts\[0\]: with resolution DYNAMIC_DNS, hosts must be wildcards such as "\*.example.com", not "google.com"/ },
  { rule: 'DYNAMIC_DNS needs hosts', valid: dynamic({ hosts: ['*.google.com', '*.amazon.com'] }), invalid: dynamic({ hosts: [] }), message: /spec.hosts: resolution DYNAMIC_DNS needs at least one wildcard host/ },
  { rule: 'DYNAMIC_DNS without addresses', valid: dynamic({}), invalid: dynamic({ addresses: ['203.0.113.10'] }), message: /spec.addresses: resolution DYNAMIC_DNS cannot have addresses/ },
  { rule: 'DYNAMIC_DNS without endpoints', valid: dynamic({}), invalid: dynamic({ endpoints: [{ address: '203.0.113.10' }] }), message: /spec.endpoints: resolution DYNAMIC_DNS cannot have endpoints/ },
  { rule: 'DYNAMIC_DNS protocols', valid: dynamic({ ports: [{ number: 9090, protocol: 'GRPC', name: 'grpc' }, https] }), invalid: dynamic({ ports: [http, tcp] }), message: /spec.ports\[1\].protocol: resolution DYNAMIC_DNS supports only HTTP, TLS, GRPC and HTTP2 ports, not "TCP"/ },
  { rule: 'DYNAMIC_DNS location', valid: dynamic({ location: 'MESH_INTERNAL' }), invalid: withWaypoint(dynamic({ location: 'MESH_INTERNAL' })), message: /spec.location: resolution DYNAMIC_DNS cannot be MESH_INTERNAL when the entry uses a waypoint/ },
  { rule: 'DYNAMIC_DNS partial wildcards', valid: dynamic({ hosts: ['*google.com'] }), invalid: se({ hosts: ['*google.com'], resolution: 'NONE' }), message: /partial wildcard/, level: FindingLevel.WARNING },
  { rule: 'known resolution', valid: se({ resolution: 'DNS' }), invalid: se({ resolution: 'ROUND_ROBIN' }), message: /unsupported resolution "ROUND_ROBIN"/ },
  { rule: 'STATIC endpoints are IPs', valid: statics([{ address: '10.0.0.1' }, { address: 'fd00::1' }]), invalid: statics([{ address: 'api.internal' }]), message: /is not an IP address, as resolution STATIC requires/ },
  { rule: 'DNS endpoints are names or IPs', valid: se({ endpoints: [{ address: 'api.internal' }, { address: '10.0.0.1' }] }), invalid: se({ endpoints: [{ address: 'api..internal' }] }), message: /neither a host name nor an IP address/ },
  { rule: 'endpoint needs an address', valid: statics([{ network: 'west', address: '10.0.0.2' }]), invalid: statics([{ labels: { app: 'db' } }]), message: /needs an address \(or a network\)/ },
  { rule: 'network-only endpoint', valid: statics([{ address: '10.0.0.2' }]), invalid: statics([{ network: 'west' }]), message: /no address, only the network "west"/, level: FindingLevel.WARNING },
  { rule: 'endpoint ports are the entry\'s', valid: statics([{ address: '10.0.0.1', ports: { https: 8443 } }]), invalid: statics([{ address: '10.0.0.1', ports: { http: 8080 } }]), message: /endpoint port "http" is not a port of the service entry/ },
  { rule: 'endpoint port numbers', valid: statics([{ address: '10.0.0.1', ports: { https: 65535 } }]), invalid: statics([{ address: '10.0.0.1', ports: { https: 0 } }]), message: /port number 0/ },
  { rule: 'endpoint labels', valid: statics([{ address: '10.0.0.1', labels: { version: 'v1' } }]), invalid: statics([{ address: '10.0.0.1', labels: { version: 'v 1' } }]), message: /invalid label value "v 1"/ },
  { rule: 'unix socket path', valid: statics([{ address: 'unix:///var/run/api.sock' }]), invalid: statics([{ address: 'unix:///var/run/' }]), message: /not an absolute path to a file/ },
  { rule: 'unix socket without ports', valid: statics([{ address: 'unix://@api' }]), invalid: statics([{ address: 'unix://@api', ports: { https: 443 } }]), message: /unix socket endpoint cannot have ports/ },
  { rule: 'unix socket needs one port', valid: statics([{ address: 'unix://@api' }]), invalid: statics([{ address: 'unix://@api' }], { ports: [https, { ...https, number: 8443, name: 'alt' }] }), message: /exactly one port/ },
  { rule: 'workloadSelector xor endpoints', valid: se({ resolution: 'STATIC', workloadSelector: { labels: { app: 'vm' } } }), invalid: se({ resolution: 'STATIC', workloadSelector: { labels: { app: 'vm' } }, endpoints: [{ address: '10.0.0.1' }] }), message: /only one of workloadSelector and endpoints/ },
  { rule: 'workloadSelector without wildcards', valid: se({ resolution: 'STATIC', workloadSelector: { labels: { app: 'vm' } } }), invalid: se({ resolution: 'STATIC', workloadSelector: { labels: { app: 'vm-*' } } }), message: /wildcard is not supported in a selector/ },
  { rule: 'workloadSelector with labels', valid: se({ resolution: 'STATIC', workloadSelector: { labels: { app: 'vm' } } }), invalid: se({ resolution: 'STATIC', workloadSelector: {} }), message: /without labels applies to every workload/, level: FindingLevel.WARNING },
  { rule: 'workloadSelector not with NONE', valid: se({ resolution: 'DNS', workloadSelector: { labels: { app: 'vm' } } }), invalid: se({ resolution: 'NONE', workloadSelector: { labels: { app: 'vm' } } }), message: /workloadSelector has no effect with resolution NONE/, level: FindingLevel.WARNING },
  { rule: 'exportTo "~"', valid: se({ exportTo: ['~'] }), invalid: se({ exportTo: ['~', '.'] }), message: /cannot export to no one \("~"\) and to some namespaces/ },
]);

describe('ServiceEntry admission without findings', () => {
  test('a targetPort with resolution NONE, which Istio no longer warns of', () => {
    expect(checkObject(se({ resolution: 'NONE', ports: [{ ...https, targetPort: 8443 }] }))).toStrictEqual([]);
  });
});
