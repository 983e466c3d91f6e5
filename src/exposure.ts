import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { GatewaySpecServers, VirtualServiceSpecHttp, VirtualServiceSpecTcp } from '../imports/networking.istio.io';
import { createIstioObject } from './api-version';
import { invalidInput } from './errors';
import { validateHosts, validateNamespace, validateObjectName, validatePortNumber } from './dns';
import { Backend } from './routing/backend';
import { isHttpProtocol, ServerProtocol } from './routing/server-protocol';
import { IGatewayWorkload } from './workload/gateway-workload';

/** How a service is exposed through a gateway workload. */
export interface ExposeOptions {
  /** The hosts clients reach the service by, such as `echo.example.com` or `*.example.com`. */
  readonly hosts: string[];

  /** Where the traffic goes. */
  readonly backend: Backend;

  /**
   * The gateway Service port to serve the hosts on.
   * @default - the workload's only port; required when it has several or they are not known
   */
  readonly port?: number;

  /**
   * The protocol of the server.
   * @default ServerProtocol.HTTP
   */
  readonly protocol?: ServerProtocol;

  /**
   * The name of the Gateway server's port.
   * @default - the workload port's name where the workload's ports are known, else the protocol in lowercase
   */
  readonly serverPortName?: string;

  /**
   * The namespace of the Gateway and the VirtualService.
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /**
   * The Gateway's name, which VirtualServices in other repositories can rely on.
   * @default - the construct id
   */
  readonly gatewayName?: string;

  /**
   * The VirtualService's name.
   * @default - the construct id
   */
  readonly virtualServiceName?: string;
}

/** Props of an `Exposure`. */
export interface ExposureProps extends ExposeOptions {
  /** The gateway workload that serves the hosts. */
  readonly workload: IGatewayWorkload;
}

/**
 * A service exposed through a gateway workload: a Gateway whose selector is the workload's pod
 * labels, with one server for the hosts on one port, and a VirtualService bound to that Gateway
 * with the same hosts, routing to the backend.
 */
export class Exposure extends Construct {
  /** The Gateway (L1). */
  public readonly gateway: ApiObject;

  /** The VirtualService (L1). */
  public readonly virtualService: ApiObject;

  /** The hosts the service is reached by. */
  public readonly hosts: string[];

  /** The gateway Service port the hosts are served on. */
  public readonly port: number;

  /** The protocol of the Gateway server. */
  public readonly protocol: ServerProtocol;

  constructor(scope: Construct, id: string, props: ExposureProps) {
    super(scope, id);
    this.hosts = validateHosts(this, 'hosts', props.hosts);
    this.protocol = props.protocol ?? ServerProtocol.HTTP;
    this.port = this.resolvePort(props);
    const workloadPort = props.workload.findPort(this, 'port', this.port);
    const serverPortName = props.serverPortName ?? workloadPort?.name ?? this.protocol.toLowerCase();
    for (const host of this.hosts) {
      props.workload.bindHost(this, 'hosts', host, this.port);
    }
    const namespace = validateNamespace(this, 'namespace', props.namespace);
    const gatewayName = validateObjectName(this, 'gatewayName', props.gatewayName ?? id);
    const virtualServiceName = validateObjectName(this, 'virtualServiceName', props.virtualServiceName ?? id);

    const server: GatewaySpecServers = {
      hosts: this.hosts,
      port: { number: this.port, name: serverPortName, protocol: this.protocol },
    };
    this.gateway = createIstioObject(this, 'Gateway', 'Gateway', {
      metadata: { name: gatewayName, namespace },
      spec: { selector: props.workload.selectorLabels, servers: [server] },
    });

    const backend = props.backend;
    const isHttp = isHttpProtocol(this.protocol);
    this.virtualService = createIstioObject(this, 'VirtualService', 'VirtualService', {
      metadata: { name: virtualServiceName, namespace },
      spec: {
        hosts: this.hosts,
        gateways: [gatewayName],
        http: isHttp ? Lazy.any({ produce: () => [this.httpRoute(backend)] }) : undefined,
        tcp: isHttp ? undefined : Lazy.any({ produce: () => [this.tcpRoute(backend)] }),
      },
    });
  }

  private resolvePort(props: ExposureProps): number {
    if (props.port !== undefined) {
      return validatePortNumber(this, 'port', props.port);
    }
    if (props.workload.ports.length !== 1) {
      const known = props.workload.ports.length === 0 ? 'not known' : props.workload.ports.map((p) => p.port).join(', ');
      throw invalidInput(this, 'port', undefined, `gateway workload ${props.workload.node.path} has ports ${known}: name the port to serve on`);
    }
    return props.workload.ports[0].port;
  }

  private httpRoute(backend: Backend): VirtualServiceSpecHttp {
    const target = backend.bind(this, 'backend');
    return { route: [{ destination: { host: target.host, port: { number: target.port } } }] };
  }

  private tcpRoute(backend: Backend): VirtualServiceSpecTcp {
    const target = backend.bind(this, 'backend');
    return { match: [{ port: this.port }], route: [{ destination: { host: target.host, port: { number: target.port } } }] };
  }
}
