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

/** The hops of one route, on the external service's port `port`. */
export interface EgressRouteHops {
  readonly port: number;
  readonly gatewayPort: number;
  readonly destinationPort: number;
  /** How the route's mode carries the traffic. */
  readonly protocol: ServerProtocol;
  /**
   * The subset of the egress gateway's Service that carries the mesh hop in the mesh's mutual TLS.
   * @default - none: the mesh hop is carried as the mode carries it
   */
  readonly meshSubset?: string;
}

/** One route's share of the VirtualService. */
interface RouteHops extends EgressRouteHops {
  /** The construct path of the route. */
  readonly route: string;
}

/** Which list of a VirtualService a hop is in. */
type HopKind = 'http' | 'tls' | 'tcp';

/** One hop of an egress route: traffic that `gateway` receives on `port` goes to `host`. */
interface EgressHop {
  readonly kind: HopKind;
  readonly gateway: string;
  readonly port: number;
  readonly host: string;
  readonly destinationPort: number;
  readonly subset?: string;
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
   * egress gateway to the external host, as TLS routes for TLS (matched on the SNI host as
   * well), TCP routes for TCP and HTTP routes otherwise. Where the mesh hop is in the mesh's
   * mutual TLS, the gateway forwards the TLS inside it as TCP: the application's SNI is hidden.
   *
   * @throws when another route already sends the mesh's traffic for the host on `port`
   */
  public addRoute(route: IConstruct, hops: EgressRouteHops): void {
    const owner = this.routes.find((r) => r.port === hops.port);
    if (owner !== undefined) {
      throw invalidInput(route, 'port', hops.port, `${owner.route} already sends the mesh's traffic for ${this.request.host} on port ${hops.port} through the egress gateway: one route per port of a host`);
    }
    this.routes.push({ ...hops, route: route.node.path });
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
    const hops = [...this.routes].sort((a, b) => a.port - b.port).flatMap((r) => this.hops(r));
    const ofKind = (kind: HopKind) => hops.filter((hop) => hop.kind === kind);
    const http = ofKind('http');
    const tls = ofKind('tls');
    const tcp = ofKind('tcp');
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
    const kind = hopKind(route.protocol);
    const gatewayKind = route.meshSubset !== undefined && kind === 'tls' ? 'tcp' : kind;
    return [
      { kind, gateway: MESH, port: route.port, host: this.gatewayServiceHost, destinationPort: route.gatewayPort, subset: route.meshSubset },
      { kind: gatewayKind, gateway: this.request.gatewayReference, port: route.gatewayPort, host: this.request.host, destinationPort: route.destinationPort },
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

function hopKind(protocol: ServerProtocol): HopKind {
  return protocol === ServerProtocol.TLS ? 'tls' : protocol === ServerProtocol.TCP ? 'tcp' : 'http';
}

/** The destination of `hop`. */
function destination(hop: EgressHop) {
  return { destination: { host: hop.host, subset: hop.subset, port: { number: hop.destinationPort } } };
}

/** An HTTP or TCP route for `hop`: both are matched on the gateway and port alone. */
function portHop(hop: EgressHop): VirtualServiceSpecHttp & VirtualServiceSpecTcp {
  return {
    match: [{ gateways: [hop.gateway], port: hop.port }],
    route: [destination(hop)],
  };
}

function tlsHop(hop: EgressHop, sniHost: string): VirtualServiceSpecTls {
  return {
    match: [{ gateways: [hop.gateway], port: hop.port, sniHosts: [sniHost] }],
    route: [destination(hop)],
  };
}
