import { IConstruct } from 'constructs';
import { invalidInput } from '../../private/errors';
import { ResolvedGatewayPort } from '../gateway-port';
import { IGatewayWorkload } from '../gateway-workload-base';

/**
 * The hosts served on each workload's ports, by `<port> <host>`, with the path of the construct
 * that serves each. Kept beside the workloads rather than on them, so that the public
 * `IGatewayWorkload` carries no bookkeeping and any implementation of it gets the check.
 */
const servedHosts = new WeakMap<IGatewayWorkload, Map<string, string>>();

/**
 * The port `port` of the workload's Service, for `requester`'s prop `field`.
 *
 * @returns the port, or `undefined` when the workload's ports are not known
 * @throws naming `requester` and `field` when the ports are known and `port` is not one of them
 */
export function findWorkloadPort(workload: IGatewayWorkload, requester: IConstruct, field: string, port: number): ResolvedGatewayPort | undefined {
  const ports = workload.ports;
  if (ports.length === 0) {
    return undefined;
  }
  const found = ports.find((p) => p.port === port);
  if (!found) {
    throw invalidInput(requester, field, port, `gateway workload ${workload.node.path} listens on ${ports.map((p) => `${p.port} (${p.name})`).join(', ')}`);
  }
  return found;
}

/**
 * Records that `owner` serves `host` on `port` of the workload.
 *
 * @throws naming `owner` and `field` when another construct already serves that host on that
 * port: Istio would keep only one of the two servers (istioctl's IST0145 ConflictingGateways)
 */
export function bindWorkloadHost(workload: IGatewayWorkload, owner: IConstruct, field: string, host: string, port: number): void {
  let served = servedHosts.get(workload);
  if (served === undefined) {
    served = new Map();
    servedHosts.set(workload, served);
  }
  const key = `${port} ${host}`;
  const existing = served.get(key);
  if (existing !== undefined) {
    throw invalidInput(owner, field, host, `${existing} already serves host ${host} on port ${port} of gateway workload ${workload.node.path}: use another host or port, or add the route to ${existing}`);
  }
  served.set(key, owner.node.path);
}
