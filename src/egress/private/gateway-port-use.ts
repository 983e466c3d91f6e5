import { IConstruct } from 'constructs';
import { invalidInput } from '../../private/errors';

/** What one port of an egress gateway already carries. */
export interface GatewayPortUse {
  /** The protocol the port speaks, a `ServerProtocol` value or a Gateway API listener protocol. */
  readonly protocol: string;
  readonly hosts: readonly string[];
  /** The construct path of the route that first used the port. */
  readonly firstOwner: string;
}

/**
 * Checks that the route `owner` may send `host` in `protocol` through gateway port `port`, which
 * carries `existing` (if anything) already: a port serves one protocol, and a TCP port one host,
 * since TCP carries no host name. Both forms of egress gateway (Istio's API and the Gateway API)
 * hold their ports to it.
 */
export function rejectPortReuse(owner: IConstruct, gateway: IConstruct, port: number, protocol: string, host: string, existing: GatewayPortUse | undefined): void {
  if (existing && existing.protocol !== protocol) {
    throw invalidInput(owner, 'gatewayPort', port, `port ${port} of egress gateway ${gateway.node.path} already serves ${existing.protocol} for ${existing.firstOwner}, and a port serves one protocol: route ${protocol} through another port`);
  }
  if (existing && protocol === 'TCP' && !existing.hosts.includes(host)) {
    throw invalidInput(owner, 'gatewayPort', port, `port ${port} of egress gateway ${gateway.node.path} already carries TCP to ${existing.hosts[0]} for ${existing.firstOwner}, and TCP carries no host name to tell ${host} apart: route it through another port`);
  }
}
