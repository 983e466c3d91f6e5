import { IConstruct } from 'constructs';
import { invalidInput } from '../../private/errors';
import { onlyItem } from '../../private/only-item';
import { validatePortNumber } from '../../private/names';
import { isHttpProtocol, isTlsProtocol } from '../../rules/webhook/protocol';
import { EgressMode, EgressModeConfig } from '../egress-mode';
import type { EgressRouteOptions } from '../egress-route';
import type { ResolvedExternalServicePort } from '../external-service';
import { findServicePort } from './service-ports';

/** What an egress route sends through its gateway, whichever traffic API the gateway speaks. */
export interface EgressTarget {
  readonly host: string;
  readonly servicePort: ResolvedExternalServicePort;
  readonly gatewayPort: number;
  readonly mode: EgressModeConfig;
}

/**
 * The host, port, gateway port and mode of the egress route `route`, checked against its external
 * service and the namespace of the gateway the traffic leaves through. Both forms of egress route
 * (the Istio API's and the Gateway API's) resolve their options here, so they accept the same.
 */
export function resolveEgressTarget(route: IConstruct, options: EgressRouteOptions, gatewayNamespace: string | undefined): EgressTarget {
  const service = options.externalService;
  const host = resolveHost(route, options);
  const servicePort = resolvePort(route, options);
  const gatewayPort = validatePortNumber(route, 'gatewayPort', options.gatewayPort ?? servicePort.number);
  const mode = (options.mode ?? defaultMode(servicePort)).bind(route, { externalService: service, host, port: servicePort });
  if (!service.isExportedTo(gatewayNamespace)) {
    throw invalidInput(route, 'externalService', service.node.path, `the external service is not exported to namespace ${gatewayNamespace}, so the egress gateway there could not resolve ${host}: add "${gatewayNamespace}" to its exportTo`);
  }
  return { host, servicePort, gatewayPort, mode };
}

function resolveHost(route: IConstruct, options: EgressRouteOptions): string {
  const hosts = options.externalService.hosts;
  const host = options.host ?? onlyItem(route, 'host', hosts, () => `external service ${options.externalService.node.path} has hosts ${hosts.join(', ')}: name the host to route`);
  if (!hosts.includes(host)) {
    throw invalidInput(route, 'host', host, `external service ${options.externalService.node.path} has hosts ${hosts.join(', ')}`);
  }
  if (host.includes('*')) {
    throw invalidInput(route, 'host', host, 'an egress gateway cannot route a wildcard host: its Gateway and DestinationRule need the one host to connect to, and a plain Istio Gateway has no way to resolve the host each connection names. Route each host you need through the gateway (declare them in an external service), or let the sidecars reach the wildcard host directly (an ExternalService with TLS passthrough and resolution NONE, or DYNAMIC_DNS from Istio 1.28)');
  }
  return host;
}

function resolvePort(route: IConstruct, options: EgressRouteOptions): ResolvedExternalServicePort {
  const service = options.externalService;
  if (options.port !== undefined) {
    return findServicePort(service, route, 'port', options.port);
  }
  const ports = service.ports;
  return onlyItem(route, 'port', ports, () => `external service ${service.node.path} has ports ${ports.map((p) => p.number).join(', ')}: name the port to route`);
}

function defaultMode(port: ResolvedExternalServicePort): EgressMode {
  if (isHttpProtocol(port.protocol)) {
    return EgressMode.http();
  }
  if (isTlsProtocol(port.protocol)) {
    return EgressMode.tlsPassthrough();
  }
  return EgressMode.tcp();
}
