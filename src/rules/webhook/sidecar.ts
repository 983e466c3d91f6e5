import { KubeObject } from '../finding';
import { checkDestination } from './destination';
import { checkWorkloadSelector } from './labels';
import { fqdnProblem, isDnsLabel } from './names';
import { ipAddressProblem, isUnixAddress, portProblem, unixAddressProblem } from './net';
import { isHttpProtocol, isTlsProtocol, protocolProblem } from './protocol';
import { forEachItem } from './items';
import { SIDECAR_EGRESS_EXCLUSIONS } from './release-history';
import { Report } from './report';
import { HostScope, scopedHostProblems } from './scoped-host';
import { checkServerTls } from './server-tls';
import { checkConnectionPool } from './traffic-policy';
import { hasItems, isSet, listAt, numberAt, objectAt, stringAt } from './values';

const LOOPBACK_OR_ANY = new Set(['127.0.0.1', '0.0.0.0', '::1', '::']);

/** The admission rules of a Sidecar: selector, ingress and egress listeners, outbound policy. */
export function checkSidecar(obj: KubeObject, report: Report): void {
  const spec = objectAt(obj.spec) ?? {};
  const selector = objectAt(spec.workloadSelector);
  if (selector) {
    checkWorkloadSelector(report, 'spec.workloadSelector.labels', selector.labels, 'a workload selector without labels applies to every workload in the namespace');
  }
  if (!hasItems(spec.egress) && !hasItems(spec.ingress) && !isSet(spec.outboundTrafficPolicy) && !isSet(spec.inboundConnectionPool)) {
    report.error('spec', 'a sidecar needs ingress or egress listeners, an outboundTrafficPolicy or an inboundConnectionPool');
    return;
  }
  checkIngress(report, listAt(spec.ingress));
  const inboundPool = objectAt(spec.inboundConnectionPool);
  if (inboundPool) {
    checkConnectionPool(report, 'spec.inboundConnectionPool', inboundPool);
  }
  checkEgress(report, listAt(spec.egress), obj.metadata?.namespace ?? '.');
  const outbound = objectAt(spec.outboundTrafficPolicy);
  if (outbound) {
    checkOutboundTrafficPolicy(report, 'spec.outboundTrafficPolicy', outbound);
  }
}

function checkPort(report: Report, path: string, port: { [key: string]: any }): void {
  if (numberAt(port.targetPort) > 0) {
    report.error(`${path}.targetPort`, 'targetPort has no effect on sidecars: remove it');
  }
  const name = stringAt(port.name);
  if (name !== '' && !isDnsLabel(name)) {
    report.error(`${path}.name`, `invalid port name "${name}": expected a DNS-1123 label`);
  }
  report.errorIf(`${path}.protocol`, protocolProblem(stringAt(port.protocol)));
}

function checkIngress(report: Report, listeners: readonly any[]): void {
  const ports = new Set<number>();
  forEachItem(report, 'spec.ingress', listeners, 'an ingress listener', (listener, path) => {
    const port = objectAt(listener.port);
    if (!port) {
      report.error(`${path}.port`, 'an ingress listener needs a port');
      return;
    }
    checkPort(report, `${path}.port`, port);
    report.errorIf(`${path}.port.number`, portProblem(port.number));
    const bind = stringAt(listener.bind);
    if (bind !== '') {
      report.errorIf(`${path}.bind`, ipAddressProblem(bind));
    }
    if (ports.has(port.number)) {
      report.error(`${path}.port.number`, `port ${port.number} is already used by another ingress listener`);
    }
    ports.add(port.number);
    const endpoint = stringAt(listener.defaultEndpoint);
    if (endpoint !== '') {
      report.errorIf(`${path}.defaultEndpoint`, defaultEndpointProblem(endpoint));
    }
    const tls = objectAt(listener.tls);
    if (tls) {
      checkIngressTls(report, `${path}.tls`, tls, stringAt(port.protocol));
    }
    const pool = objectAt(listener.connectionPool);
    if (pool) {
      checkConnectionPool(report, `${path}.connectionPool`, pool);
      if (isSet(pool.http) && !isHttpProtocol(stringAt(port.protocol))) {
        report.warn(`${path}.connectionPool.http`, `HTTP connection pool settings have no effect on port ${port.number} with protocol "${stringAt(port.protocol)}": only the TCP settings apply`);
      }
    }
  });
}

/** Why a default endpoint is not `127.0.0.1:port`, `0.0.0.0:port`, `[::1]:port`, `[::]:port`, `:port` or a unix socket. */
function defaultEndpointProblem(endpoint: string): string | undefined {
  if (isUnixAddress(endpoint)) {
    return unixAddressProblem(endpoint);
  }
  const bracketed = /^\[([^\]]*)\]:([^:]*)$/.exec(endpoint);
  const plain = /^([^:[\]]*):([^:]*)$/.exec(endpoint);
  const parts = bracketed ?? plain;
  const expected = 'use 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, [::]:<port> or unix://<path>';
  if (!parts) {
    return `invalid defaultEndpoint "${endpoint}": ${expected}`;
  }
  const [, host, port] = parts;
  if (host !== '' && !LOOPBACK_OR_ANY.has(host)) {
    return `invalid defaultEndpoint "${endpoint}": ${expected}`;
  }
  return /^[0-9]+$/.test(port) ? portProblem(Number(port)) : `the port of defaultEndpoint "${endpoint}" is not a number`;
}

function checkIngressTls(report: Report, path: string, tls: { [key: string]: any }, protocol: string): void {
  const unsupported: [boolean, string][] = [
    [hasItems(tls.subjectAltNames), 'subjectAltNames'], [tls.httpsRedirect === true, 'httpsRedirect'],
    [stringAt(tls.credentialName) !== '', 'credentialName'], [hasItems(tls.credentialNames), 'credentialNames'],
    [hasItems(tls.tlsCertificates), 'tlsCertificates'],
  ];
  for (const [present, field] of unsupported) {
    if (present) {
      report.error(path, `${field} is not supported in sidecar ingress TLS`);
    }
  }
  const mode = stringAt(tls.mode);
  if (mode === 'ISTIO_MUTUAL' || mode === 'AUTO_PASSTHROUGH') {
    report.error(`${path}.mode`, `mode ${mode} cannot be used in sidecar ingress TLS`);
  }
  if (!isTlsProtocol(protocol)) {
    report.error(path, `a port with protocol "${protocol}" cannot have TLS settings: use HTTPS or TLS`);
  }
  checkServerTls(report, path, tls);
}

function checkEgress(report: Report, listeners: readonly any[], namespace: string): void {
  const ports = new Set<number>();
  const sockets = new Set<string>();
  let catchAll = false;
  forEachItem(report, 'spec.egress', listeners, 'an egress listener', (listener, path, i) => {
    const port = objectAt(listener.port);
    if (!port) {
      if (catchAll) {
        report.error(path, 'only one egress listener can be without a port');
        return;
      }
      if (i === listeners.length - 1) {
        catchAll = true;
      } else {
        report.error(path, 'the egress listener without a port must be the last one');
      }
    } else {
      checkEgressPort(report, path, port, listener);
      const bind = stringAt(listener.bind);
      if (numberAt(port.number) === 0) {
        if (sockets.has(bind)) {
          report.error(`${path}.bind`, `unix socket "${bind}" is already used by another egress listener`);
        }
        sockets.add(bind);
      } else {
        if (ports.has(port.number)) {
          report.error(`${path}.port.number`, `port ${port.number} is already used by another egress listener`);
        }
        ports.add(port.number);
      }
    }
    checkEgressHosts(report, `${path}.hosts`, listAt(listener.hosts).map(stringAt), namespace);
  });
}

function checkEgressPort(report: Report, path: string, port: { [key: string]: any }, listener: { [key: string]: any }): void {
  checkPort(report, `${path}.port`, port);
  const bind = stringAt(listener.bind);
  if (numberAt(port.number) === 0) {
    if (!isUnixAddress(bind)) {
      report.error(`${path}.bind`, 'a port number of 0 needs a unix domain socket bind address (unix://...)');
    } else {
      report.errorIf(`${path}.bind`, unixAddressProblem(bind));
    }
    const capture = stringAt(listener.captureMode) || 'DEFAULT';
    if (capture !== 'DEFAULT' && capture !== 'NONE') {
      report.error(`${path}.captureMode`, 'a unix domain socket listener needs captureMode DEFAULT or NONE');
    }
    return;
  }
  report.errorIf(`${path}.port.number`, portProblem(port.number));
  if (bind !== '') {
    report.errorIf(`${path}.bind`, ipAddressProblem(bind));
  }
}

/**
 * Checks the `namespace/host` entries of an egress listener and warns about entries that an
 * earlier one already covers (`ns/a` after `ns/*`), and about hosts next to the select-all entry.
 */
function checkEgressHosts(report: Report, path: string, hosts: string[], namespace: string): void {
  if (hosts.length === 0) {
    report.error(path, 'an egress listener needs at least one host');
    return;
  }
  const exclusions = report.release.isAtLeast(SIDECAR_EGRESS_EXCLUSIONS);
  const scope = exclusions ? HostScope.SIDECAR_WITH_EXCLUSIONS : HostScope.SIDECAR;
  const byNamespace = new Map<string, Set<string>>();
  hosts.forEach((entry, i) => {
    const slash = entry.indexOf('/');
    // An exclusion takes hosts away, so it neither duplicates another entry nor sits beside the select-all entry.
    if (slash >= 0 && !(exclusions && entry.startsWith('~'))) {
      const ns = entry.slice(0, slash) === '.' ? namespace : entry.slice(0, slash);
      const host = entry.slice(slash + 1);
      const seen = byNamespace.get(ns) ?? new Set<string>();
      byNamespace.set(ns, seen);
      if (host === '*' ? seen.size > 0 : seen.has(host) || seen.has('*')) {
        report.warn(`${path}[${i}]`, `duplicated egress host "${entry}"`);
      }
      seen.add(host);
    }
    for (const problem of scopedHostProblems(entry, scope)) {
      report.error(`${path}[${i}]`, problem);
    }
  });
  if (byNamespace.get('*')?.has('*') && byNamespace.size > 1) {
    report.warn(path, '"*/*" already selects every host: the other hosts add nothing');
  }
}

function checkOutboundTrafficPolicy(report: Report, path: string, policy: { [key: string]: any }): void {
  if (policy.mode === 'ALLOW_ANY_DYNAMIC_DNS') {
    report.error(`${path}.mode`, 'mode ALLOW_ANY_DYNAMIC_DNS is a mesh-wide mode (MeshConfig outboundTrafficPolicy), not a Sidecar one: use ALLOW_ANY or REGISTRY_ONLY');
    return;
  }
  const proxy = objectAt(policy.egressProxy);
  if (!proxy) {
    return;
  }
  if ((stringAt(policy.mode) || 'REGISTRY_ONLY') !== 'ALLOW_ANY') {
    report.error(`${path}.egressProxy`, 'egressProxy can only be set with mode ALLOW_ANY');
    return;
  }
  report.errorIf(`${path}.egressProxy.host`, fqdnProblem(stringAt(proxy.host)));
  if (!objectAt(proxy.port)) {
    report.error(`${path}.egressProxy.port`, 'egressProxy needs a port');
    return;
  }
  checkDestination(report, `${path}.egressProxy`, proxy);
}
