import { KubeObject } from '../finding';
import { checkExportTo } from './export-to';
import { checkLabels, checkWorkloadSelector } from './labels';
import { fqdnProblem, isDnsLabel, partialWildcardProblem, wildcardDomainProblem } from './names';
import { ipSubnetProblem, isIpAddress, isUnixAddress, portProblem, unixAddressProblem } from './net';
import { isHttpProtocol, isTlsProtocol, protocolProblem } from './protocol';
import { forEachItem } from './items';
import { checkArrived, DYNAMIC_DNS as DYNAMIC_DNS_FEATURE, DYNAMIC_DNS_GRPC_AND_INTERNAL, DYNAMIC_DNS_TLS } from './release-history';
import { Report } from './report';
import { entriesAt, hasItems, isSet, listAt, numberAt, objectAt, stringAt } from './values';

/** The label that opts a ServiceEntry out of Istio's automatic address allocation. */
const AUTO_ALLOCATE_LABEL = 'networking.istio.io/enable-autoallocate-ip';
const DYNAMIC_DNS = 'DYNAMIC_DNS';
/** The label that sends a service entry's traffic through a waypoint proxy (ambient mode). */
const USE_WAYPOINT_LABEL = 'istio.io/use-waypoint';
/** The port protocols DYNAMIC_DNS supports, by release; matched in upper case. */
const DYNAMIC_DNS_HTTP = { names: new Set(['HTTP']), text: 'HTTP' };
const DYNAMIC_DNS_HTTP_AND_TLS = { names: new Set(['HTTP', 'TLS']), text: 'HTTP and TLS' };
const DYNAMIC_DNS_PROTOCOLS = { names: new Set(['HTTP', 'TLS', 'GRPC', 'HTTP2']), text: 'HTTP, TLS, GRPC and HTTP2' };

/** The admission rules of a ServiceEntry: hosts, addresses, ports, resolution vs endpoints, exportTo. */
export function checkServiceEntry(obj: KubeObject, report: Report): void {
  const spec = objectAt(obj.spec) ?? {};
  const resolution = stringAt(spec.resolution) || 'NONE';
  const selector = objectAt(spec.workloadSelector);
  if (selector) {
    checkWorkloadSelector(report, 'spec.workloadSelector.labels', selector.labels, 'a workload selector without labels applies to every workload in the namespace');
    if (isSet(spec.endpoints)) {
      report.error('spec', 'only one of workloadSelector and endpoints can be set');
    }
    if (resolution === 'NONE') {
      report.warn('spec.workloadSelector', 'workloadSelector has no effect with resolution NONE: use STATIC');
    }
  }
  const hosts = listAt(spec.hosts).map(stringAt);
  checkHosts(report, hosts, resolution);
  checkAddresses(report, spec, resolution);
  const portNames = checkPorts(report, obj, spec, resolution);
  checkResolution(report, obj, spec, resolution, hosts, portNames);
  if (resolution !== 'NONE' && hosts.length > 1) {
    const opaque = listAt(spec.ports).find((port) => !isHttpProtocol(stringAt(port?.protocol)) && !isTlsProtocol(stringAt(port?.protocol)));
    if (opaque) {
      report.error('spec.hosts', `several hosts cannot share the non-HTTP, non-TLS port ${numberAt(opaque.number)}: nothing tells the hosts apart (use resolution NONE, or one service entry per host)`);
    }
  }
  checkExportTo(report, 'spec.exportTo', spec.exportTo, obj.metadata?.namespace, { allowNone: true });
}

function checkHosts(report: Report, hosts: string[], resolution: string): void {
  if (hosts.length === 0) {
    report.error('spec.hosts', 'a service entry must have at least one host');
  }
  hosts.forEach((host, i) => {
    if (host === '*') {
      report.error(`spec.hosts[${i}]`, 'the host cannot be "*": name the external hosts, or use a wildcard such as "*.example.com"');
      return;
    }
    report.errorIf(`spec.hosts[${i}]`, wildcardDomainProblem(host));
    // DYNAMIC_DNS resolves whatever name a request asks for under the wildcard
    const partial = resolution === DYNAMIC_DNS ? undefined : partialWildcardProblem(host);
    if (partial) {
      report.warn(`spec.hosts[${i}]`, partial);
    }
  });
}

function checkAddresses(report: Report, spec: { [key: string]: any }, resolution: string): void {
  let cidr = false;
  listAt(spec.addresses).forEach((value, i) => {
    const address = stringAt(value);
    cidr = cidr || address.includes('/');
    report.errorIf(`spec.addresses[${i}]`, ipSubnetProblem(address));
  });
  if (cidr && resolution !== 'NONE' && resolution !== 'STATIC') {
    report.error('spec.addresses', `CIDR addresses are only allowed with resolution NONE or STATIC, not ${resolution}`);
  }
}

/** Checks the ports; returns their names, which endpoint ports must use. */
function checkPorts(report: Report, obj: KubeObject, spec: { [key: string]: any }, resolution: string): Set<string> {
  const names = new Set<string>();
  const numbers = new Set<number>();
  const autoAllocated = isAutoAllocated(obj, resolution);
  const hasAddresses = hasItems(spec.addresses);
  forEachItem(report, 'spec.ports', spec.ports, 'a port', (port, path) => {
    const name = stringAt(port.name);
    const protocol = stringAt(port.protocol);
    if (names.has(name)) {
      report.error(`${path}.name`, `port name "${name}" is already defined`);
    }
    names.add(name);
    if (numbers.has(port.number)) {
      report.error(`${path}.number`, `port ${port.number} is already defined`);
    }
    numbers.add(port.number);
    if (isSet(port.targetPort)) {
      report.errorIf(`${path}.targetPort`, portProblem(port.targetPort));
    }
    if (!hasAddresses && !autoAllocated && (protocol === '' || protocol.toUpperCase() === 'TCP')) {
      report.warn(path, 'a TCP (or unset protocol) port needs addresses when automatic address allocation is turned off');
    }
    if (!isDnsLabel(name)) {
      report.error(`${path}.name`, `invalid port name "${name}": expected a DNS-1123 label`);
    }
    report.errorIf(`${path}.protocol`, protocolProblem(protocol));
    report.errorIf(`${path}.number`, portProblem(port.number));
  });
  return names;
}

/**
 * Whether Istio allocates the ServiceEntry an address (PILOT_ENABLE_IP_AUTOALLOCATE at its
 * default, on): unless its resolution is NONE or its label opts out.
 */
function isAutoAllocated(obj: KubeObject, resolution: string): boolean {
  return resolution !== 'NONE' && obj.metadata?.labels?.[AUTO_ALLOCATE_LABEL]?.toLowerCase() !== 'false';
}

function checkResolution(report: Report, obj: KubeObject, spec: { [key: string]: any }, resolution: string, hosts: string[], portNames: Set<string>): void {
  const endpoints = listAt(spec.endpoints);
  switch (resolution) {
    case 'NONE':
      if (hasItems(spec.endpoints)) {
        report.error('spec.endpoints', 'resolution NONE cannot have endpoints: use STATIC or DNS');
      }
      break;
    case 'STATIC':
      forEachItem(report, 'spec.endpoints', endpoints, 'an endpoint', (endpoint, path) => checkEndpoint(report, path, endpoint, portNames, false));
      break;
    case 'DNS':
    case 'DNS_ROUND_ROBIN':
      if (endpoints.length === 0) {
        hosts.forEach((host, i) => {
          if (host !== '*' && fqdnProblem(host)) {
            report.error(`spec.hosts[${i}]`, `with resolution ${resolution} and no endpoints, hosts must be fully qualified names without wildcards: "${host}" cannot be resolved`);
          }
        });
      }
      if (resolution === 'DNS_ROUND_ROBIN' && endpoints.length > 1) {
        report.error('spec.endpoints', 'resolution DNS_ROUND_ROBIN takes at most one endpoint');
      }
      forEachItem(report, 'spec.endpoints', endpoints, 'an endpoint', (endpoint, path) => checkEndpoint(report, path, endpoint, portNames, true));
      if (hasItems(spec.addresses) && hosts.length > 1 && listAt(spec.ports).some((port) => isOpaqueTcp(stringAt(port?.protocol)))) {
        report.warn('spec.hosts', 'a service entry with addresses and a TCP port should have a single host');
      }
      break;
    case DYNAMIC_DNS:
      if (checkArrived(report, 'spec.resolution', DYNAMIC_DNS_FEATURE)) {
        checkDynamicDns(report, obj, spec, hosts);
      }
      break;
    default:
      report.error('spec.resolution', `unsupported resolution "${resolution}": use NONE, STATIC, DNS, DNS_ROUND_ROBIN or ${DYNAMIC_DNS}`);
  }
}

/**
 * The rules of resolution DYNAMIC_DNS, where the proxy resolves each request's host: wildcard
 * hosts only, no addresses or endpoints, the ports and locations the target release supports.
 */
function checkDynamicDns(report: Report, obj: KubeObject, spec: { [key: string]: any }, hosts: string[]): void {
  const release = report.release;
  if (hosts.length === 0) {
    report.error('spec.hosts', `resolution ${DYNAMIC_DNS} needs at least one wildcard host`);
  }
  hosts.forEach((host, i) => {
    if (!host.startsWith('*')) {
      report.error(`spec.hosts[${i}]`, `with resolution ${DYNAMIC_DNS}, hosts must be wildcards such as "*.example.com", not "${host}"`);
    }
  });
  if (hasItems(spec.addresses)) {
    report.error('spec.addresses', `resolution ${DYNAMIC_DNS} cannot have addresses: the hosts alone name what it routes`);
  }
  if (hasItems(spec.endpoints)) {
    report.error('spec.endpoints', `resolution ${DYNAMIC_DNS} cannot have endpoints: it resolves each request's host`);
  }
  const protocols = release.isAtLeast(DYNAMIC_DNS_GRPC_AND_INTERNAL) ? DYNAMIC_DNS_PROTOCOLS : release.isAtLeast(DYNAMIC_DNS_TLS) ? DYNAMIC_DNS_HTTP_AND_TLS : DYNAMIC_DNS_HTTP;
  listAt(spec.ports).forEach((port, i) => {
    const protocol = stringAt(objectAt(port)?.protocol);
    if (objectAt(port) && !protocols.names.has(protocol.toUpperCase())) {
      report.error(`spec.ports[${i}].protocol`, `resolution ${DYNAMIC_DNS} supports only ${protocols.text} ports${protocols === DYNAMIC_DNS_PROTOCOLS ? '' : ` in Istio ${release}`}, not "${protocol}"`);
    }
  });
  const location = stringAt(spec.location) || 'MESH_EXTERNAL';
  if (!release.isAtLeast(DYNAMIC_DNS_GRPC_AND_INTERNAL)) {
    if (location !== 'MESH_EXTERNAL') {
      report.error('spec.location', `resolution ${DYNAMIC_DNS} needs location MESH_EXTERNAL in Istio ${release} (1.30 and later also take MESH_INTERNAL)`);
    }
  } else if (location === 'MESH_INTERNAL' && usesWaypoint(obj)) {
    report.error('spec.location', `resolution ${DYNAMIC_DNS} cannot be MESH_INTERNAL when the entry uses a waypoint (label ${USE_WAYPOINT_LABEL}): use MESH_EXTERNAL`);
  } else if (location !== 'MESH_INTERNAL' && location !== 'MESH_EXTERNAL') {
    report.error('spec.location', `resolution ${DYNAMIC_DNS} needs location MESH_EXTERNAL or MESH_INTERNAL, not "${location}"`);
  }
}

function usesWaypoint(obj: KubeObject): boolean {
  const waypoint = obj.metadata?.labels?.[USE_WAYPOINT_LABEL];
  return typeof waypoint === 'string' && waypoint !== '' && waypoint.toLowerCase() !== 'none';
}

function isOpaqueTcp(protocol: string): boolean {
  return ['TCP', 'HTTPS', 'TLS', 'MONGO', 'REDIS', 'MYSQL'].includes(protocol.toUpperCase());
}

/**
 * Checks one endpoint: an address (an IP, a unix socket for STATIC; an IP or a host name for
 * DNS) unless it only names a network, ports that the service entry defines, valid labels.
 */
function checkEndpoint(report: Report, path: string, endpoint: { [key: string]: any }, portNames: Set<string>, dns: boolean): void {
  const address = stringAt(endpoint.address);
  const unix = isUnixAddress(address);
  if (address === '') {
    if (stringAt(endpoint.network) === '') {
      report.error(`${path}.address`, 'an endpoint needs an address (or a network)');
    } else {
      report.warn(`${path}.address`, `the endpoint has no address, only the network "${endpoint.network}"`);
    }
  } else if (unix) {
    report.errorIf(`${path}.address`, dns ? 'a unix socket address needs resolution STATIC' : unixAddressProblem(address));
    if (isSet(endpoint.ports)) {
      report.error(`${path}.ports`, 'a unix socket endpoint cannot have ports');
    }
    if (!dns && portNames.size !== 1) {
      report.error(path, 'a unix socket endpoint needs a service entry with exactly one port');
    }
  } else if (!isIpAddress(address)) {
    if (!dns) {
      report.error(`${path}.address`, `endpoint address "${address}" is not an IP address, as resolution STATIC requires (use DNS for host names)`);
    } else if (fqdnProblem(address)) {
      report.error(`${path}.address`, `endpoint address "${address}" is neither a host name nor an IP address`);
    }
  }
  for (const [name, port] of entriesAt(endpoint.ports)) {
    const where = `${path}.ports.${name}`;
    if (!portNames.has(name)) {
      report.error(where, `endpoint port "${name}" is not a port of the service entry`);
    }
    if (!isDnsLabel(name)) {
      report.error(where, `invalid port name "${name}": expected a DNS-1123 label`);
    }
    report.errorIf(where, portProblem(port));
  }
  checkLabels(report, `${path}.labels`, endpoint.labels);
}

/**
 * The port, if any, that several hosts of a service entry share although it carries neither
 * HTTP (told apart by authority) nor TLS (by SNI): Istio rejects it unless resolution is NONE.
 */
export function sharedOpaquePort(resolution: string, hostCount: number, ports: ReadonlyArray<{ number: number; protocol: string }>): number | undefined {
  if (resolution === 'NONE' || hostCount < 2) {
    return undefined;
  }
  return ports.find((port) => !isHttpProtocol(port.protocol) && !isTlsProtocol(port.protocol))?.number;
}
