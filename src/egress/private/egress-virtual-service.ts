import { ApiObject, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { VirtualServiceSpec, VirtualServiceSpecHttp, VirtualServiceSpecTcp, VirtualServiceSpecTls } from '../../../imports/networking.istio.io';
import { createIstioObject } from '../../api-version';
import { invalidInput } from '../../private/errors';
import { ServerProtocol } from '../../routing/server-protocol';
import type { IEgressGateway } from '../egress-gateway';

/** The `gateways` entry that stands for every sidecar in the mesh. */
const MESH = 'mesh';

/** What a route asks of the VirtualService of its host. */
export interface EgressVirtualServiceRequest {
  readonly host: string;
  readonly gateway: IEgressGateway;
  /** How the VirtualService names the egress Gateway. */
  readonly gatewayReference: string;
  /** The VirtualService's namespace as the route was given it; unset means the chart's. */
  readonly namespace: string | undefined;
  /** The namespace the VirtualService ends up in, which keys it among its owner's children. */
  readonly effectiveNamespace: string | undefined;
  readonly name: string;
  /** The VirtualService's `exportTo`; unset is every namespace. */
  readonly exportTo: string[] | undefined;
}

/** One route's share of the VirtualService: its two hops, on the service's port `port`. */
interface RouteHops {
  /** The construct path of the route. */
  readonly route: string;
  readonly port: number;
  readonly gatewayPort: number;
  readonly destinationPort: number;
  readonly protocol: ServerProtocol;
}

/** One hop of an egress route: traffic that `gateway` receives on `port` goes to `host`. */
interface EgressHop {
  readonly gateway: string;
  readonly port: number;
  readonly host: string;
  readonly destinationPort: number;
}

/**
 * The one mesh-bound VirtualService of an external host in a namespace, through one egress
 * gateway. Istio leaves it undefined which of several VirtualServices bound to `mesh` for one host
 * applies (IST0109), so every route for the host adds its hops here. It is a child of the egress
 * gateway (or of the gateway's stand-in in another chart), keyed by namespace and host: whichever
 * route comes first, it has the same construct path, and it leaves through that one gateway.
 */
export class EgressVirtualService extends Construct {
  /**
   * The VirtualService of `request.host` in its namespace among the children of `owner`, created
   * with the first route for it.
   *
   * @throws when an earlier route named the VirtualService otherwise
   */
  public static forRoute(owner: Construct, route: IConstruct, request: EgressVirtualServiceRequest): EgressVirtualService {
    return EgressVirtualService.find(owner, route, request) ?? new EgressVirtualService(owner, idOf(request), route, request);
  }

  /**
   * The VirtualService of `request.host` among the children of `owner`, if a route created it.
   *
   * @throws when the route cannot join it: it names the VirtualService otherwise
   */
  public static find(owner: Construct, route: IConstruct, request: EgressVirtualServiceRequest): EgressVirtualService | undefined {
    const existing = owner.node.tryFindChild(idOf(request));
    if (!(existing instanceof EgressVirtualService)) {
      return undefined;
    }
    existing.checkJoin(route, request);
    return existing;
  }

  /** The VirtualService (L1). */
  public readonly resource: ApiObject;

  private readonly routes: RouteHops[] = [];
  private readonly firstRoute: string;
  /** Where the sidecars send the host's traffic: the egress gateway's Service. */
  private readonly gatewayServiceHost: string;

  private constructor(owner: Construct, id: string, route: IConstruct, private readonly request: EgressVirtualServiceRequest) {
    super(owner, id);
    this.firstRoute = route.node.path;
    this.gatewayServiceHost = request.gateway.serviceHost();
    this.resource = createIstioObject(this, 'Resource', 'VirtualService', {
      metadata: { name: request.name, namespace: request.namespace },
      // One Lazy for the spec, not one per route list: an app can have ten thousand of these.
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
  }

  /**
   * Adds a route's two hops: from the sidecars on `port` to the egress gateway, and from the
   * egress gateway to the external host, as TLS routes for a TLS server (matched on the SNI host
   * as well), TCP routes for a TCP server and HTTP routes otherwise.
   *
   * @throws when another route already sends the mesh's traffic for the host on `port`
   */
  public addRoute(route: IConstruct, port: number, gatewayPort: number, destinationPort: number, protocol: ServerProtocol): void {
    const owner = this.routes.find((r) => r.port === port);
    if (owner !== undefined) {
      throw invalidInput(route, 'port', port, `${owner.route} already sends the mesh's traffic for ${this.request.host} on port ${port} through the egress gateway: one route per port of a host`);
    }
    this.routes.push({ route: route.node.path, port, gatewayPort, destinationPort, protocol });
  }

  private checkJoin(route: IConstruct, request: EgressVirtualServiceRequest): void {
    if (request.name !== this.request.name) {
      const where = `${request.host} in namespace ${request.effectiveNamespace ?? '(the default)'}`;
      throw invalidInput(route, 'virtualServiceName', request.name, `${this.firstRoute} already routes ${where} in VirtualService ${this.request.name}, which this route joins since one host has one mesh VirtualService: set virtualServiceName to "${this.request.name}"`);
    }
    if (JSON.stringify(request.exportTo) !== JSON.stringify(this.request.exportTo)) {
      throw invalidInput(route, 'exportTo', request.exportTo ?? '(every namespace)', `${this.firstRoute} already routes ${request.host} in VirtualService ${this.request.name}, which this route joins, and exports it to ${describeExportTo(this.request.exportTo)}: the routes of one VirtualService give the same exportTo`);
    }
  }

  /** The routes by port, so that the object reads the same whatever order they were declared in. */
  private renderSpec(): VirtualServiceSpec {
    const routes = [...this.routes].sort((a, b) => a.port - b.port);
    const hops = (protocols: (p: ServerProtocol) => boolean) => routes.filter((r) => protocols(r.protocol)).flatMap((r) => this.hops(r));
    const http = hops((p) => p !== ServerProtocol.TLS && p !== ServerProtocol.TCP);
    const tls = hops((p) => p === ServerProtocol.TLS);
    const tcp = hops((p) => p === ServerProtocol.TCP);
    return {
      hosts: [this.request.host],
      gateways: [this.request.gatewayReference, MESH],
      exportTo: this.request.exportTo,
      http: http.length ? http.map(portHop) : undefined,
      tls: tls.length ? tls.map((hop) => tlsHop(hop, this.request.host)) : undefined,
      tcp: tcp.length ? tcp.map(portHop) : undefined,
    };
  }

  private hops(route: RouteHops): EgressHop[] {
    return [
      { gateway: MESH, port: route.port, host: this.gatewayServiceHost, destinationPort: route.gatewayPort },
      { gateway: this.request.gatewayReference, port: route.gatewayPort, host: this.request.host, destinationPort: route.destinationPort },
    ];
  }
}

function describeExportTo(exportTo: readonly string[] | undefined): string {
  return exportTo === undefined ? 'every namespace' : JSON.stringify(exportTo);
}

/** The construct id of the VirtualService of a host in a namespace: `:` is in neither. */
function idOf(request: EgressVirtualServiceRequest): string {
  return request.effectiveNamespace === undefined ? `VirtualService:${request.host}` : `VirtualService:${request.effectiveNamespace}:${request.host}`;
}

/** An HTTP or TCP route for `hop`: both are matched on the gateway and port alone. */
function portHop(hop: EgressHop): VirtualServiceSpecHttp & VirtualServiceSpecTcp {
  return {
    match: [{ gateways: [hop.gateway], port: hop.port }],
    route: [{ destination: { host: hop.host, port: { number: hop.destinationPort } } }],
  };
}

function tlsHop(hop: EgressHop, sniHost: string): VirtualServiceSpecTls {
  return {
    match: [{ gateways: [hop.gateway], port: hop.port, sniHosts: [sniHost] }],
    route: [{ destination: { host: hop.host, port: { number: hop.destinationPort } } }],
  };
}
