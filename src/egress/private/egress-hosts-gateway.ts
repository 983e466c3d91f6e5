import { ApiObject, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { GatewaySpecServers, GatewaySpecServersTls, GatewaySpecServersTlsMode } from '../../../imports/networking.istio.io';
import { createIstioObject } from '../../api-version';
import { invalidInput } from '../../private/errors';
import { ServerProtocol } from '../../routing/server-protocol';
import { IGatewayWorkload } from '../../workload/gateway-workload-base';
import { bindWorkloadHost, findWorkloadPort } from '../../workload/private/workload-bindings';
import type { IEgressGateway } from '../egress-gateway';
import { rejectPortReuse } from './gateway-port-use';
import { notALibraryEgressGateway } from './owners';

/** The hosts one port of an egress gateway accepts. */
interface EgressServer {
  readonly port: number;
  readonly protocol: ServerProtocol;
  readonly portName: string;
  readonly hosts: string[];
  readonly firstOwner: string;
}

/**
 * The egress Gateway of a workload: a server per workload port, each accepting exactly the hosts
 * routed through that port. The Gateway object is created with the first host (a Gateway without
 * servers is invalid) and its servers are emitted lazily, as routes add hosts.
 */
export class EgressHostsGateway extends Construct {
  private readonly servers = new Map<number, EgressServer>();
  private gateway?: ApiObject;

  constructor(
    private readonly workload: IGatewayWorkload,
    id: string,
    /** The Gateway's name. */
    public readonly name: string,
    private readonly namespace: string | undefined,
    /** Whether every server terminates the mesh's mutual TLS from the sidecars. */
    private readonly meshMutualTls: boolean,
  ) {
    super(workload, id);
  }

  /** The Gateway (L1), once a host was accepted. */
  public get resource(): ApiObject | undefined {
    return this.gateway;
  }

  /**
   * Accepts `host` on gateway port `port`, speaking `protocol`. A TLS server passes the
   * client's TLS through unread, or with mutual TLS terminates the mesh's layer around it. A TCP
   * server accepts one host: TCP carries no host name, so the gateway sends all of a TCP port's
   * traffic to one place. So does a TLS server with mutual TLS: what it forwards is opaque to it.
   *
   * @throws when the workload does not listen on `port`, when the port already speaks another
   * protocol, when the host is already accepted on it, or when it is a one-host port of another host
   */
  public accept(owner: IConstruct, host: string, port: number, protocol: ServerProtocol): void {
    const workloadPort = findWorkloadPort(this.workload, owner, 'gatewayPort', port);
    const existing = this.servers.get(port);
    rejectPortReuse(owner, this.workload, port, protocol, host, existing);
    if (existing && this.meshMutualTls && protocol === ServerProtocol.TLS && !existing.hosts.includes(host)) {
      throw invalidInput(owner, 'gatewayPort', port, `port ${port} of egress gateway ${this.workload.node.path} already forwards the TLS or TCP of ${existing.hosts[0]} for ${existing.firstOwner}: with meshMutualTls the gateway forwards what is inside the mesh's TLS as opaque TCP, routed by port alone, so ${host} needs another port`);
    }
    bindWorkloadHost(this.workload, owner, 'host', host, port);
    if (existing) {
      existing.hosts.push(host);
    } else {
      // Istio requires server port names unique in a Gateway: where the workload's port names are
      // not known, the number keeps them apart.
      const portName = workloadPort?.name ?? `${protocol.toLowerCase()}-${port}`;
      this.servers.set(port, { port, protocol, portName, hosts: [host], firstOwner: owner.node.path });
    }
    this.gateway ??= createIstioObject(this, 'Resource', 'Gateway', {
      metadata: { name: this.name, namespace: this.namespace },
      spec: {
        selector: this.workload.selectorLabels,
        servers: Lazy.any({ produce: () => this.render() }),
      },
    });
  }

  /**
   * The servers by host, then port, each with its hosts sorted: the Gateway reads the same
   * whatever order the routes were declared in.
   */
  private render(): GatewaySpecServers[] {
    const servers = [...this.servers.values()].map((server) => ({ ...server, hosts: [...server.hosts].sort() }));
    servers.sort((a, b) => compare(a.hosts[0], b.hosts[0]) || a.port - b.port);
    return servers.map((server) => ({
      hosts: server.hosts,
      port: { number: server.port, name: server.portName, protocol: server.protocol },
      tls: this.serverTls(server.protocol),
    }));
  }

  /** With mutual TLS every server terminates the mesh's TLS; without, a TLS server passes TLS through. */
  private serverTls(protocol: ServerProtocol): GatewaySpecServersTls | undefined {
    if (this.meshMutualTls) {
      return { mode: GatewaySpecServersTlsMode.ISTIO_UNDERSCORE_MUTUAL };
    }
    return protocol === ServerProtocol.TLS ? { mode: GatewaySpecServersTlsMode.PASSTHROUGH } : undefined;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The id of an egress gateway's Gateway construct, the child routes find it by. */
export const EGRESS_HOSTS_GATEWAY_ID = 'Gateway';

/**
 * Makes the egress Gateway of `gateway` accept `host` on gateway port `port` for the route
 * `owner`: see `EgressHostsGateway.accept`.
 */
export function acceptEgressHost(gateway: IEgressGateway, owner: IConstruct, host: string, port: number, protocol: ServerProtocol): void {
  const hostsGateway = gateway.node.tryFindChild(EGRESS_HOSTS_GATEWAY_ID);
  if (!(hostsGateway instanceof EgressHostsGateway)) {
    throw notALibraryEgressGateway(gateway);
  }
  hostsGateway.accept(owner, host, port, protocol);
}
