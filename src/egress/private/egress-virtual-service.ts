import { ApiObject, Chart, Lazy } from 'cdk8s';
import { IConstruct } from 'constructs';
import { AppRegistry } from './app-registry';
import { VirtualServiceSpec, VirtualServiceSpecHttp, VirtualServiceSpecTcp, VirtualServiceSpecTls } from '../../../imports/networking.istio.io';
import { createIstioObject } from '../../api-version';
import type { IEgressGateway } from '../egress-gateway';
import { EgressModeKind } from '../egress-mode';
import { invalidInput } from '../../private/errors';

/** The `gateways` entry that stands for every sidecar in the mesh. */
const MESH = 'mesh';

/** One hop of an egress route: traffic that `gateway` receives on `port` goes to `host`. */
interface EgressHop {
  /** The construct path of the route that added the hop. */
  readonly route: string;
  readonly gateway: string;
  readonly port: number;
  readonly host: string;
  readonly destinationPort: number;
}

/** What a route asks of the VirtualService of its host. */
export interface EgressVirtualServiceRequest {
  readonly host: string;
  readonly gateway: IEgressGateway;
  /** How the VirtualService names the egress Gateway. */
  readonly gatewayReference: string;
  /** The VirtualService's namespace as the route was given it; unset means the chart's. */
  readonly namespace: string | undefined;
  /** The namespace the VirtualService ends up in, which keys the registry. */
  readonly effectiveNamespace: string | undefined;
  readonly name: string;
  /** Whether the route named the VirtualService itself, so that another name is a conflict. */
  readonly nameIsExplicit: boolean;
  /**
   * Whether the chart already lists the egress Gateway before the route, so that the
   * VirtualService needs no dependency to follow it.
   */
  readonly listedAfterGateway: boolean;
}

/** Every app's VirtualServices of external hosts, by namespace and host. */
const REGISTRY = new AppRegistry<EgressVirtualService>();

/**
 * The one mesh-bound VirtualService of an external host in a namespace. Istio leaves it undefined
 * which of several VirtualServices bound to `mesh` for one host applies (IST0109), so every
 * route for the host in that namespace adds its hops here: the first route creates it, under its
 * own name, and the hop lists grow as later routes join.
 */
export class EgressVirtualService {
  /**
   * The VirtualService of `request.host` in its namespace, created by `route` when it is the
   * first route for the host in the app.
   *
   * @throws when the host is routed through another egress gateway, or the VirtualService is
   * named otherwise, by an earlier route
   */
  public static forRoute(route: IConstruct, request: EgressVirtualServiceRequest): EgressVirtualService {
    return REGISTRY.findOrCreate(route, `${request.effectiveNamespace ?? ''}/${request.host}`,
      () => new EgressVirtualService(route, request),
      (existing) => existing.checkJoin(route, request));
  }

  /** The VirtualService (L1). */
  public readonly resource: ApiObject;

  private readonly http: EgressHop[] = [];
  private readonly tls: EgressHop[] = [];
  private readonly tcp: EgressHop[] = [];
  private readonly firstRoute: string;

  private constructor(route: IConstruct, private readonly request: EgressVirtualServiceRequest) {
    this.firstRoute = route.node.path;
    this.resource = createIstioObject(route, 'VirtualService', 'VirtualService', {
      metadata: { name: request.name, namespace: request.namespace },
      // One Lazy for the spec, not one per route list: an app can have ten thousand of these.
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
    const gatewayObject = request.gateway.gateway;
    if (gatewayObject && !request.listedAfterGateway && Chart.of(gatewayObject) === Chart.of(this.resource)) {
      // Lists the Gateway before the VirtualService that names it, in the chart's YAML. Only
      // where the tree would not: cdk8s pays for each dependency at every synthesis.
      this.resource.node.addDependency(gatewayObject);
    }
  }

  /**
   * Adds a route's two hops: from the sidecars on `port` to the egress gateway, and from the
   * egress gateway to the external host, as HTTP, TLS or TCP routes after `mode`. TLS hops are
   * matched on the SNI host as well.
   *
   * @throws when another route already sends the mesh's traffic for the host on `port`
   */
  public addRoute(route: IConstruct, port: number, gatewayPort: number, destinationPort: number, mode: EgressModeKind): void {
    const owner = [...this.http, ...this.tls, ...this.tcp].find((hop) => hop.gateway === MESH && hop.port === port);
    if (owner !== undefined) {
      throw invalidInput(route, 'port', port, `${owner.route} already sends the mesh's traffic for ${this.request.host} on port ${port} through the egress gateway: one route per port of a host`);
    }
    const hops = mode === EgressModeKind.TLS_PASSTHROUGH ? this.tls : mode === EgressModeKind.TCP ? this.tcp : this.http;
    hops.push(
      { route: route.node.path, gateway: MESH, port, host: this.request.gateway.serviceHost(), destinationPort: gatewayPort },
      { route: route.node.path, gateway: this.request.gatewayReference, port: gatewayPort, host: this.request.host, destinationPort },
    );
  }

  private renderSpec(): VirtualServiceSpec {
    return {
      hosts: [this.request.host],
      gateways: [this.request.gatewayReference, MESH],
      http: this.http.length ? this.http.map(portHop) : undefined,
      tls: this.tls.length ? this.tls.map((hop) => tlsHop(hop, this.request.host)) : undefined,
      tcp: this.tcp.length ? this.tcp.map(portHop) : undefined,
    };
  }

  private checkJoin(route: IConstruct, request: EgressVirtualServiceRequest): void {
    const where = `${request.host} in namespace ${request.effectiveNamespace ?? '(the default)'}`;
    if (request.gateway !== this.request.gateway) {
      throw invalidInput(route, 'egressGateway', request.gateway.node.path, `${this.firstRoute} already routes ${where} through egress gateway ${this.request.gateway.node.path}, and the mesh's routes for one host in one namespace share one VirtualService, which leaves through one egress gateway: route it through ${this.request.gateway.node.path}, or from another namespace`);
    }
    if (request.nameIsExplicit && request.name !== this.request.name) {
      throw invalidInput(route, 'virtualServiceName', request.name, `${this.firstRoute} already routes ${where} in VirtualService ${this.request.name}, which this route joins since one host has one mesh VirtualService: leave virtualServiceName out or set it to "${this.request.name}"`);
    }
  }
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
