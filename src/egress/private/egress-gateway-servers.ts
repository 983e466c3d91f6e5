import { ApiObject, Lazy } from 'cdk8s';
import { IConstruct } from 'constructs';
import { GatewaySpecServers, GatewaySpecServersTlsMode } from '../../../imports/networking.istio.io';
import { createIstioObject } from '../../api-version';
import { invalidInput } from '../../private/errors';
import { ServerProtocol } from '../../routing/server-protocol';
import { GatewayWorkloadBase } from '../../workload/gateway-workload-base';

/** The hosts one port of an egress gateway accepts. */
interface EgressServer {
  readonly protocol: ServerProtocol;
  readonly portName: string;
  readonly hosts: string[];
  readonly firstOwner: string;
}

/**
 * The one Gateway of an egress workload, created with its first host: a server per workload
 * port, each accepting exactly the hosts routed through that port. Routes add hosts as they are
 * created, so the servers are emitted lazily.
 */
export class EgressGatewayServers {
  private readonly servers = new Map<number, EgressServer>();
  private resource?: ApiObject;

  constructor(
    private readonly workload: GatewayWorkloadBase,
    /** The Gateway's name. */
    public readonly name: string,
    private readonly namespace: string | undefined,
  ) {}

  /** The Gateway (L1), once a host was accepted. */
  public get gateway(): ApiObject | undefined {
    return this.resource;
  }

  /**
   * Accepts `host` on gateway port `port`, speaking `protocol`. A TLS server passes the
   * client's TLS through unread. A TCP server accepts one host: TCP carries no host name, so
   * the gateway sends all of a TCP port's traffic to one place.
   *
   * @throws when the workload does not listen on `port`, when the port already speaks another
   * protocol, when the host is already accepted on it, or when it is a TCP port of another host
   */
  public accept(owner: IConstruct, host: string, port: number, protocol: ServerProtocol): void {
    const workloadPort = this.workload.findPort(owner, 'gatewayPort', port);
    const existing = this.servers.get(port);
    if (existing && existing.protocol !== protocol) {
      throw invalidInput(owner, 'gatewayPort', port, `port ${port} of egress gateway ${this.workload.node.path} already serves ${existing.protocol} for ${existing.firstOwner}, and a port serves one protocol: route ${protocol} through another port`);
    }
    if (existing && protocol === ServerProtocol.TCP && !existing.hosts.includes(host)) {
      throw invalidInput(owner, 'gatewayPort', port, `port ${port} of egress gateway ${this.workload.node.path} already carries TCP to ${existing.hosts[0]} for ${existing.firstOwner}, and TCP carries no host name to tell ${host} apart: route it through another port`);
    }
    this.workload.bindHost(owner, 'host', host, port);
    if (existing) {
      existing.hosts.push(host);
    } else {
      // Istio requires server port names unique in a Gateway: where the workload's port names are
      // not known, the number keeps them apart.
      const portName = workloadPort?.name ?? `${protocol.toLowerCase()}-${port}`;
      this.servers.set(port, { protocol, portName, hosts: [host], firstOwner: owner.node.path });
    }
    this.resource ??= createIstioObject(this.workload, 'Gateway', 'Gateway', {
      metadata: { name: this.name, namespace: this.namespace },
      spec: {
        selector: this.workload.selectorLabels,
        servers: Lazy.any({ produce: () => this.render() }),
      },
    });
  }

  private render(): GatewaySpecServers[] {
    return [...this.servers.entries()].map(([port, server]) => ({
      hosts: [...server.hosts],
      port: { number: port, name: server.portName, protocol: server.protocol },
      tls: server.protocol === ServerProtocol.TLS ? { mode: GatewaySpecServersTlsMode.PASSTHROUGH } : undefined,
    }));
  }
}
