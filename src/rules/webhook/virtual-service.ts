import { KubeObject } from '../finding';
import { checkGatewayNames, checkRouteDestinations } from './destination';
import { checkExportTo } from './export-to';
import { isJwtClaim } from './headers';
import { checkHttpRoute, RouteRole } from './http-route';
import { checkLabels } from './labels';
import { isHostSubsetOf, wildcardDomainProblem } from './names';
import { ipSubnetProblem, isIpAddress, portProblem } from './net';
import { forEachItem } from './items';
import { Report } from './report';
import { autoPassthroughSniProblem, isAutoPassthroughSni } from './sni-host';
import { entriesAt, hasItems, isSet, listAt, numberAt, objectAt, stringAt } from './values';

const MESH = 'mesh';

/** The admission rules of a VirtualService: hosts, gateways, HTTP, TLS and TCP routes, exportTo. */
export function checkVirtualService(obj: KubeObject, report: Report): void {
  const spec = objectAt(obj.spec) ?? {};
  const hosts = listAt(spec.hosts).map(stringAt);
  const gateways = listAt(spec.gateways).map(stringAt);
  const delegate = hosts.length === 0;
  if (delegate) {
    checkDelegate(report, spec);
  }
  checkGatewayNames(report, 'spec.gateways', spec.gateways);
  const toGateways = gateways.length > 0 && !gateways.includes(MESH);
  if (!toGateways) {
    checkNoJwtClaimRouting(report, spec);
  }
  checkHosts(report, hosts, toGateways, toGateways && hosts.some(isAutoPassthroughSni) && hasSniHosts(spec));
  if (!hasItems(spec.http) && !hasItems(spec.tcp) && !hasItems(spec.tls)) {
    report.error('spec', 'a virtual service needs http, tcp or tls routes');
  }
  forEachItem(report, 'spec.http', spec.http, 'an http route', (route, path) => {
    const role = delegate ? RouteRole.DELEGATE : isSet(route.delegate) ? RouteRole.ROOT : RouteRole.INDEPENDENT;
    checkHttpRoute(report, path, route, role);
  });
  // SNI hosts are read the gateway way unless the virtual service names the mesh, even with no gateways
  const sniOnGateways = !gateways.includes(MESH);
  listAt(spec.tls).forEach((value, i) => checkTlsRoute(report, `spec.tls[${i}]`, objectAt(value), hosts, sniOnGateways));
  listAt(spec.tcp).forEach((value, i) => checkTcpRoute(report, `spec.tcp[${i}]`, objectAt(value)));
  checkExportTo(report, 'spec.exportTo', spec.exportTo, obj.metadata?.namespace);
}

function checkDelegate(report: Report, spec: { [key: string]: any }): void {
  if (hasItems(spec.gateways)) {
    report.error('spec.gateways', 'a delegate virtual service (one without hosts) cannot name gateways');
  }
  if (hasItems(spec.tls)) {
    report.error('spec.tls', 'a delegate virtual service (one without hosts) cannot have tls routes');
  }
  if (hasItems(spec.tcp)) {
    report.error('spec.tcp', 'a delegate virtual service (one without hosts) cannot have tcp routes');
  }
}

function checkNoJwtClaimRouting(report: Report, spec: { [key: string]: any }): void {
  listAt(spec.http).forEach((route, i) => {
    listAt(objectAt(route)?.match).forEach((match, j) => {
      for (const field of ['headers', 'withoutHeaders'] as const) {
        for (const [name] of entriesAt(objectAt(match)?.[field])) {
          if (isJwtClaim(name)) {
            report.error(`spec.http[${i}].match[${j}].${field}`, `JWT claim routing ("${name}") only works on gateways: bind the virtual service to a gateway`);
          }
        }
      }
    });
  });
}

function hasSniHosts(spec: { [key: string]: any }): boolean {
  for (const route of listAt(spec.tls)) {
    for (const match of listAt(objectAt(route)?.match)) {
      if (hasItems(objectAt(match)?.sniHosts)) {
        return true;
      }
    }
  }
  return false;
}

/** @param sniNames whether hosts may be generated SNI names: on gateways, with SNI routes */
function checkHosts(report: Report, hosts: string[], toGateways: boolean, sniNames: boolean): void {
  let allValid = true;
  hosts.forEach((host, i) => {
    const problem = virtualServiceHostProblem(host, toGateways, sniNames);
    if (problem) {
      report.error(`spec.hosts[${i}]`, problem);
      allValid = false;
    }
  });
  if (allValid) {
    checkDuplicateHosts(report, hosts);
  }
}

/** A host of a list that an earlier-listed or wildcard host of the list already covers. */
export interface HostOverlap {
  /** The position of the covered host. */
  readonly index: number;
  /** The position of the host that covers it: the same host earlier, or a wildcard. */
  readonly coveredBy: number;
}

/**
 * Why `host` cannot be a host of a virtual service, or undefined.
 * @param toGateways whether the virtual service is bound to gateways only, not to the mesh
 * @param sniNames whether hosts may be generated SNI names: on gateways, with SNI routes
 */
export function virtualServiceHostProblem(host: string, toGateways: boolean, sniNames = false): string | undefined {
  const problem = sniNames && isAutoPassthroughSni(host) ? autoPassthroughSniProblem(host) : wildcardDomainProblem(host);
  if (problem) {
    return isIpAddress(host) ? undefined : problem;
  }
  if (!toGateways && host === '*') {
    return 'the wildcard host "*" is not allowed for virtual services of the mesh: bind it to a gateway or name the hosts';
  }
  return undefined;
}

/**
 * Reports hosts that overlap another host of the same virtual service (`a.com` twice, or
 * `x.a.com` and `*.a.com`). Each host is looked up against the wildcards by its suffixes, so the
 * cost grows with the hosts' total length, not with their number squared.
 */
export function overlappingHosts(hosts: readonly string[]): HostOverlap[] {
  const overlaps: HostOverlap[] = [];
  if (hosts.length < 2) {
    return overlaps;
  }
  const exact = new Map<string, number>();
  const wildcards = new Map<string, number>();
  hosts.forEach((host, i) => {
    const first = exact.get(host);
    if (first !== undefined) {
      overlaps.push({ index: i, coveredBy: first });
      return;
    }
    exact.set(host, i);
    if (host.startsWith('*')) {
      wildcards.set(host.slice(1), i);
    }
  });
  if (wildcards.size === 0) {
    return overlaps;
  }
  exact.forEach((i, host) => {
    const start = host.startsWith('*') ? 1 : 0;
    for (let at = start; at <= host.length; at++) {
      const owner = wildcards.get(host.slice(at));
      if (owner !== undefined && owner !== i) {
        overlaps.push({ index: i, coveredBy: owner });
        return;
      }
    }
  });
  return overlaps;
}

function checkDuplicateHosts(report: Report, hosts: string[]): void {
  for (const { index, coveredBy } of overlappingHosts(hosts)) {
    const message = hosts[index] === hosts[coveredBy]
      ? `duplicate hosts in virtual service: "${hosts[coveredBy]}" and "${hosts[index]}"`
      : `duplicate hosts in virtual service: "${hosts[coveredBy]}" already covers "${hosts[index]}"`;
    report.error(`spec.hosts[${index}]`, message);
  }
}

function checkL4Match(report: Report, path: string, match: { [key: string]: any }): void {
  listAt(match.destinationSubnets).forEach((subnet, i) => report.errorIf(`${path}.destinationSubnets[${i}]`, ipSubnetProblem(stringAt(subnet))));
  if (numberAt(match.port) !== 0) {
    report.errorIf(`${path}.port`, portProblem(match.port));
  }
  checkLabels(report, `${path}.sourceLabels`, match.sourceLabels);
  checkGatewayNames(report, `${path}.gateways`, match.gateways);
}

function checkTlsRoute(report: Report, path: string, route: { [key: string]: any } | undefined, hosts: string[], sniOnGateways: boolean): void {
  if (!route) {
    return;
  }
  const matches = listAt(route.match);
  if (matches.length === 0) {
    report.error(`${path}.match`, 'a tls route needs at least one match');
  }
  forEachItem(report, `${path}.match`, matches, 'a tls match', (match, where) => {
    const sniHosts = listAt(match.sniHosts).map(stringAt);
    if (sniHosts.length === 0) {
      report.error(`${where}.sniHosts`, 'a tls match needs at least one SNI host');
    }
    sniHosts.forEach((sni, j) => checkSniHost(report, `${where}.sniHosts[${j}]`, sni, hosts, sniOnGateways));
    checkL4Match(report, where, match);
  });
  if (!hasItems(route.route)) {
    report.error(`${path}.route`, 'a tls route needs route destinations');
  }
  checkRouteDestinations(report, `${path}.route`, route.route, false);
}

function checkSniHost(report: Report, path: string, sni: string, hosts: readonly string[], onGateways: boolean): void {
  if (isIpAddress(sni)) {
    report.warn(path, `SNI host "${sni}" is an IP address, which the SNI specification forbids and most clients do not send`);
    return;
  }
  report.errorIf(path, sniHostProblem(sni, hosts, onGateways));
}

/**
 * Why `sni` cannot be an SNI host of a TLS route of a virtual service with `hosts`, or
 * undefined: it must be a domain name that one of the hosts covers. An IP address is admitted
 * (with a warning, see checkSniHost).
 * @param onGateways whether the virtual service is not the mesh's, where Istio's own
 *   auto-passthrough SNI names (`outbound_.<port>_._.<host>`) may be routed
 */
export function sniHostProblem(sni: string, hosts: readonly string[], onGateways: boolean): string | undefined {
  if (isIpAddress(sni)) {
    return undefined;
  }
  const problem = onGateways && isAutoPassthroughSni(sni) ? autoPassthroughSniProblem(sni) : wildcardDomainProblem(sni);
  if (problem) {
    return problem;
  }
  if (!hosts.some((host) => isHostSubsetOf(sni, host))) {
    return `SNI host "${sni}" is not covered by any host of the virtual service: [${hosts.join(', ')}]`;
  }
  return undefined;
}

function checkTcpRoute(report: Report, path: string, route: { [key: string]: any } | undefined): void {
  if (!route) {
    return;
  }
  forEachItem(report, `${path}.match`, route.match, 'a tcp match', (match, where) => checkL4Match(report, where, match));
  if (!hasItems(route.route)) {
    report.error(`${path}.route`, 'a tcp route needs route destinations');
  }
  checkRouteDestinations(report, `${path}.route`, route.route, false);
}
