import { KubeObject } from '../finding';
import { isDnsLabel } from './names';
import { ipAddressProblem, isUnixAddress, portProblem, unixAddressProblem } from './net';
import { isHttpProtocol, isKnownProtocol, isTlsProtocol } from './protocol';
import { forEachItem } from './items';
import { Report } from './report';
import { HostScope, scopedHostProblems } from './scoped-host';
import { checkServerTls, serverTlsMode } from './server-tls';
import { listAt, numberAt, objectAt, stringAt } from './values';

/** The admission rules of a Gateway: servers, hosts, ports, binds and TLS settings. */
export function checkGateway(obj: KubeObject, report: Report): void {
  const name = obj.metadata?.name ?? '';
  if (!isDnsLabel(name)) {
    report.error('metadata.name', `invalid gateway name "${name}": a gateway name must be a DNS-1123 label (no dots)`);
  }
  const servers = listAt(obj.spec?.servers);
  if (servers.length === 0) {
    report.error('spec.servers', 'a gateway must have at least one server');
  }
  const portNames = new Set<string>();
  forEachItem(report, 'spec.servers', servers, 'a server', (server, path) => {
    checkServer(report, path, server);
    const port = objectAt(server.port);
    if (port) {
      const portName = stringAt(port.name);
      if (portNames.has(portName)) {
        report.error(`${path}.port.name`, `port names in servers must be unique: "${portName}" is used more than once`);
      }
      portNames.add(portName);
      if (!isHttpProtocol(stringAt(port.protocol)) && objectAt(server.tls)?.httpsRedirect === true) {
        report.warn(`${path}.tls.httpsRedirect`, 'httpsRedirect only has an effect on HTTP servers');
      }
    }
  });
}

function checkServer(report: Report, path: string, server: { [key: string]: any }): void {
  const hosts = listAt(server.hosts);
  if (hosts.length === 0) {
    report.error(`${path}.hosts`, 'a server must have at least one host');
  }
  hosts.forEach((host, i) => {
    for (const problem of scopedHostProblems(stringAt(host), HostScope.GATEWAY)) {
      report.error(`${path}.hosts[${i}]`, problem);
    }
  });
  const bind = stringAt(server.bind);
  const port = objectAt(server.port);
  const portValid = port ? checkServerPort(report, `${path}.port`, port, bind) : false;
  if (isUnixAddress(bind)) {
    report.errorIf(`${path}.bind`, unixAddressProblem(bind));
    if (port && numberAt(port.number) !== 0) {
      report.error(`${path}.port.number`, 'the port number must be 0 for a unix domain socket bind');
    }
  } else if (bind !== '') {
    report.errorIf(`${path}.bind`, ipAddressProblem(bind));
  }
  const tls = objectAt(server.tls);
  if (tls) {
    checkServerTls(report, `${path}.tls`, tls);
  }
  if (portValid && port) {
    report.errorIf(`${path}.tls`, serverTlsProblem(stringAt(port.protocol), tls));
  }
}

/** Checks a server port; true when it is valid enough to reason about its protocol. */
function checkServerPort(report: Report, path: string, port: { [key: string]: any }, bind: string): boolean {
  let valid = true;
  const protocol = stringAt(port.protocol);
  if (!isKnownProtocol(protocol)) {
    report.error(`${path}.protocol`, `invalid protocol "${protocol}": supported protocols are HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, TLS, TCP, MONGO, REDIS and MYSQL`);
    valid = false;
  }
  if (numberAt(port.number) > 0 || !isUnixAddress(bind)) {
    const problem = portProblem(port.number);
    report.errorIf(`${path}.number`, problem);
    valid = valid && problem === undefined;
  }
  if (numberAt(port.targetPort) > 0) {
    report.error(`${path}.targetPort`, 'targetPort has no effect on gateways: remove it');
    valid = false;
  }
  if (stringAt(port.name) === '') {
    report.error(`${path}.name`, 'a server port must have a name');
    valid = false;
  }
  return valid;
}

/** Why a server of `protocol` cannot have the TLS settings `tls` (or none), or undefined. */
export function serverTlsProblem(protocol: string, tls: { [key: string]: any } | undefined): string | undefined {
  if (isTlsProtocol(protocol)) {
    return tls ? undefined : `a ${protocol.toUpperCase()} server must have TLS settings`;
  }
  if (!tls) {
    return undefined;
  }
  if (!isHttpProtocol(protocol)) {
    return `a ${protocol.toUpperCase()} server cannot have TLS settings: use protocol HTTPS or TLS`;
  }
  // a plain HTTP server may only carry httpsRedirect, which leaves the mode at PASSTHROUGH
  const mode = serverTlsMode(tls);
  const passthrough = mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH';
  if (!passthrough || stringAt(tls.caCertificates) !== '' || stringAt(tls.privateKey) !== '' || stringAt(tls.serverCertificate) !== '') {
    return 'a plain HTTP server cannot have TLS settings other than httpsRedirect: use protocol HTTPS to terminate TLS';
  }
  return undefined;
}
