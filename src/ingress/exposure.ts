import { ApiObject, Chart, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { GatewaySpecServers, VirtualServiceSpecHttp, VirtualServiceSpecTcp, VirtualServiceSpecTls } from '../../imports/networking.istio.io';
import { createIstioObject } from '../api-version';
import { onlyItem } from '../private/only-item';
import { invalidInput, rejectIf } from '../private/errors';
import { rejectPropErrors } from '../private/release-target';
import { checkExportTo, isExportedTo } from '../rules/webhook/export-to';
import { validateNamespace, validateObjectName, validatePortNumber, validateGatewayName } from '../private/names';
import { BackendRouteOptions } from './backend-route';
import { Backend, resolveBackend } from '../routing/backend';
import { HttpRoute, HttpRouteOptions } from '../routing/http-route';
import { RouteDestination, resolveWeights } from '../routing/route-destination';
import { ServerProtocol } from '../routing/server-protocol';
import { renderServerTls, ServerTls, TlsMode } from '../routing/server-tls';
import { renderTcpRoute, TcpRouteOptions } from '../routing/tcp-route';
import { renderTlsRoute, TlsRouteOptions } from '../routing/tls-route';
import { HostScope, scopedHostProblems } from '../rules/webhook/scoped-host';
import { isHttpProtocol, isTlsProtocol } from '../rules/webhook/protocol';
import { serverTlsProblem } from '../rules/webhook/gateway';
import { overlappingHosts, sniHostProblem, virtualServiceHostProblem } from '../rules/webhook/virtual-service';
import type { IIngressGateway } from './ingress-gateway';
import { IstioAnalysis } from '../analysis/istio-analysis';
import { bindWorkloadHost, findWorkloadPort } from '../workload/private/workload-bindings';

/** How a service is exposed through a gateway workload. */
export interface ExposeOptions {
  /** The hosts clients reach the service by, such as `echo.example.com` or `*.example.com`. */
  readonly hosts: string[];

  /**
   * Where the traffic goes by default: the last route, after those added with `addHttpRoute`,
   * `addTcpRoute` or `addTlsRoute`.
   * @default - no default route: requests no added route takes get a 404 (HTTP) or are refused
   */
  readonly backend?: Backend;

  /**
   * How the default route to `backend` behaves: timeout, retries, header operations and the
   * other behaviours of an HTTP route, on the route that stays the default one.
   * @default - the default route forwards to `backend` as it is
   */
  readonly backendRoute?: BackendRouteOptions;

  /**
   * The gateway Service port to serve the hosts on.
   * @default - the workload's only port; required when it has several or they are not known
   */
  readonly port?: number;

  /**
   * The protocol of the server.
   * @default - ServerProtocol.HTTPS with `tls`, else ServerProtocol.HTTP
   */
  readonly protocol?: ServerProtocol;

  /**
   * The TLS settings of the server: required for HTTPS and TLS, not allowed otherwise.
   * @default - no TLS
   */
  readonly tls?: ServerTls;

  /**
   * Whether an HTTPS exposure also serves its hosts on the gateway's plain HTTP port, answering
   * every request there with a 301 redirect to HTTPS.
   * @default - true for HTTPS, false otherwise
   */
  readonly httpsRedirect?: boolean;

  /**
   * The gateway Service port the HTTPS redirect listens on.
   * @default - the workload's port named `http` or `http-*`, else `http2` on 80 (as upstream
   * gateways name it); 80 when the workload's ports are not known
   */
  readonly httpsRedirectPort?: number;

  /**
   * The name of the Gateway server's port.
   * @default - the workload port's name where the workload's ports are known, else the protocol in lowercase
   */
  readonly serverPortName?: string;

  /**
   * The namespaces the VirtualService is visible to: `.` for its own, `*` for all, or namespace
   * names. The gateway workload's namespace must be among them, or the gateway would not see it.
   * @default - every namespace
   */
  readonly exportTo?: string[];

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
  /**
   * The ingress gateway that serves the hosts. It may belong to another chart, such as the
   * platform's: the Gateway and the VirtualService are the exposure's, in its chart and namespace.
   */
  readonly ingressGateway: IIngressGateway;
}

/** The kind of routes a server's traffic takes, which follows from its protocol and TLS mode. */
enum RouteKind {
  HTTP = 'http',
  TCP = 'tcp',
  TLS = 'tls',
}

interface TlsRouteEntry {
  readonly sniHosts: string[];
  readonly destinations: RouteDestination[];
}

/**
 * A service exposed through a gateway workload: a Gateway whose selector is the workload's pod
 * labels, with a server for the hosts on one port (and, for HTTPS, one that redirects plain
 * HTTP to it), and a VirtualService bound to that Gateway with the same hosts, whose routes are
 * evaluated in the order they were added, the default route to `backend` last.
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

  /** The gateway Service port that redirects plain HTTP to HTTPS, if there is one. */
  public readonly httpsRedirectPort?: number;

  private readonly gatewayName: string;
  private readonly routeKind: RouteKind;
  private readonly backend?: Backend;
  private readonly backendRoute?: HttpRoute;
  private readonly httpRoutes: HttpRoute[] = [];
  private readonly tcpRoutes: RouteDestination[][] = [];
  private readonly tlsRoutes: TlsRouteEntry[] = [];

  constructor(scope: Construct, id: string, props: ExposureProps) {
    super(scope, id);
    IstioAnalysis.enable(this);
    // Every prop is checked before the hosts are claimed on the shared workload.
    const namespace = validateNamespace(this, 'namespace', props.namespace);
    this.gatewayName = validateGatewayName(this, 'gatewayName', props.gatewayName ?? id);
    const virtualServiceName = validateObjectName(this, 'virtualServiceName', props.virtualServiceName ?? id);
    this.hosts = this.validateHosts(props.hosts);
    this.validateDistinctHosts();
    this.protocol = props.protocol ?? (props.tls ? ServerProtocol.HTTPS : ServerProtocol.HTTP);
    this.routeKind = this.resolveRouteKind(props.tls);
    this.port = this.resolvePort(props);
    this.backend = props.backend;
    const workloadPort = findWorkloadPort(props.ingressGateway, this, 'port', this.port);
    const serverPortName = props.serverPortName ?? workloadPort?.name ?? this.protocol.toLowerCase();
    const servers: GatewaySpecServers[] = [{
      hosts: this.hosts,
      port: { number: this.port, name: serverPortName, protocol: this.protocol },
      tls: props.tls === undefined ? undefined : renderServerTls(this, 'tls', props.tls, props.ingressGateway),
    }];
    const redirectServer = this.httpsRedirectServer(props);
    if (redirectServer && redirectServer.port.name === serverPortName) {
      throw invalidInput(this, 'serverPortName', serverPortName, `the HTTPS redirect server on port ${redirectServer.port.number} has that name, and server port names must be unique in a Gateway: choose another`);
    }
    if (redirectServer) {
      this.httpsRedirectPort = redirectServer.port.number;
      servers.push(redirectServer);
    }
    for (const server of servers) {
      for (const host of this.hosts) {
        bindWorkloadHost(props.ingressGateway, this, 'hosts', host, server.port.number);
      }
    }
    this.gateway = createIstioObject(this, 'Gateway', 'Gateway', {
      metadata: { name: this.gatewayName, namespace },
      spec: { selector: props.ingressGateway.selectorLabels, servers },
    });

    const exportTo = this.validateExportTo(props);
    this.virtualService = createIstioObject(this, 'VirtualService', 'VirtualService', {
      metadata: { name: virtualServiceName, namespace },
      spec: {
        exportTo,
        hosts: this.hosts,
        gateways: [this.gatewayName],
        http: this.routeKind === RouteKind.HTTP ? Lazy.any({ produce: () => this.renderHttpRoutes() }) : undefined,
        tcp: this.routeKind === RouteKind.TCP ? Lazy.any({ produce: () => this.renderTcpRoutes() }) : undefined,
        tls: this.routeKind === RouteKind.TLS ? Lazy.any({ produce: () => this.renderTlsRoutes() }) : undefined,
      },
    });
    this.backendRoute = this.createBackendRoute(props.backendRoute);
    if (!this.backend) {
      // With a backend the VirtualService always has its default route: only exposures without
      // one can end up with no route, and a check per exposure would cost memory in large apps.
      this.node.addValidation({ validate: () => this.validateHasRoutes() });
    }
  }

  /**
   * Adds an HTTP route, evaluated after the routes added before it and before the default route
   * to `backend`. Only for exposures whose server carries HTTP (HTTP, HTTPS terminated, HTTP2, GRPC).
   */
  public addHttpRoute(options: HttpRouteOptions): void {
    const field = `httpRoutes[${this.httpRoutes.length}]`;
    if (this.routeKind !== RouteKind.HTTP) {
      throw invalidInput(this, field, 'http route', `http routes need a server that carries HTTP, and this exposure serves ${this.describeServer()}: use add${this.routeKind === RouteKind.TCP ? 'Tcp' : 'Tls'}Route`);
    }
    const route = new HttpRoute(this, field, options, this.matchContext(), this.backend ? [RouteDestination.to(this.backend)] : undefined);
    if (route.name !== undefined && this.httpRoutes.some((r) => r.name === route.name)) {
      throw invalidInput(this, `${field}.name`, route.name, 'route names must be unique in a VirtualService');
    }
    this.httpRoutes.push(route);
  }

  /**
   * Sets the TCP route of a TCP exposure (or one that terminates TLS and forwards TCP): a
   * weighted split, for example. Instead of `backend`: a port has one TCP route.
   */
  public addTcpRoute(options: TcpRouteOptions): void {
    const field = `tcpRoutes[${this.tcpRoutes.length}]`;
    if (this.routeKind !== RouteKind.TCP) {
      throw invalidInput(this, field, 'tcp route', `tcp routes need a TCP server, or a TLS server that terminates TLS, and this exposure serves ${this.describeServer()}`);
    }
    if (this.backend !== undefined || this.tcpRoutes.length > 0) {
      throw invalidInput(this, field, 'tcp route', `port ${this.port} already has a TCP route${this.backend ? ' to the backend' : ''}: a second one would never match`);
    }
    resolveWeights(this, `${field}.destinations`, options.destinations);
    this.tcpRoutes.push([...options.destinations]);
  }

  /**
   * Adds a TLS route that sends passed-through TLS connections by SNI host, evaluated before the
   * default route to `backend`. Only for exposures whose server passes TLS through.
   */
  public addTlsRoute(options: TlsRouteOptions): void {
    const field = `tlsRoutes[${this.tlsRoutes.length}]`;
    if (this.routeKind !== RouteKind.TLS) {
      throw invalidInput(this, field, options.sniHosts, `tls routes need a server in TLS PASSTHROUGH mode, and this exposure serves ${this.describeServer()}: give tls: ServerTls.passthrough()`);
    }
    if (options.sniHosts.length === 0) {
      throw invalidInput(this, `${field}.sniHosts`, options.sniHosts, 'expected at least one SNI host');
    }
    options.sniHosts.forEach((sniHost, i) => {
      rejectIf(this, `${field}.sniHosts[${i}]`, sniHost, sniHostProblem(sniHost, this.hosts, true));
      const taken = this.tlsRoutes.findIndex((r) => r.sniHosts.includes(sniHost));
      if (taken >= 0) {
        throw invalidInput(this, `${field}.sniHosts[${i}]`, sniHost, `tlsRoutes[${taken}] already takes it: this route would never match it`);
      }
    });
    resolveWeights(this, `${field}.destinations`, options.destinations);
    this.tlsRoutes.push({ sniHosts: [...options.sniHosts], destinations: [...options.destinations] });
  }

  /**
   * The VirtualService's `exportTo` as Istio admits it, which shows it to the gateway workload:
   * a gateway does not see a VirtualService that is not exported to its namespace.
   */
  private validateExportTo(props: ExposureProps): string[] | undefined {
    if (props.exportTo === undefined) {
      return undefined;
    }
    const ownNamespace = props.namespace ?? Chart.of(this).namespace;
    rejectPropErrors(this, 'exportTo', props.exportTo, (report, path) => checkExportTo(report, path, props.exportTo, ownNamespace));
    const workloadNamespace = props.ingressGateway.namespace;
    if (!isExportedTo(props.exportTo, ownNamespace, workloadNamespace)) {
      throw invalidInput(this, 'exportTo', props.exportTo, `the gateway workload ${props.ingressGateway.node.path} runs in namespace ${workloadNamespace}, and would not see the VirtualService: add "${workloadNamespace}" (or "*")`);
    }
    return [...props.exportTo];
  }

  /** Istio rejects a VirtualService (and so this exposure's) whose hosts overlap. */
  private validateDistinctHosts(): void {
    const [overlap] = overlappingHosts(this.hosts);
    if (overlap !== undefined) {
      throw invalidInput(this, `hosts[${overlap.index}]`, this.hosts[overlap.index], `"${this.hosts[overlap.coveredBy]}" already covers it: give each host once, the wildcard or the names it covers`);
    }
  }

  private resolveRouteKind(tls: ServerTls | undefined): RouteKind {
    const problem = serverTlsProblem(this.protocol, tls === undefined ? undefined : { mode: tls.mode });
    if (problem !== undefined && tls === undefined) {
      throw invalidInput(this, 'tls', undefined, `${problem}: give ServerTls.simple({ credentialName }), mutual, istioMutual or passthrough`);
    }
    rejectIf(this, 'protocol', this.protocol, problem);
    // Istio admits a PASSTHROUGH mode on a plain HTTP server and serves it as plain HTTP (the
    // analysis warns, CIG0202), so its routes are HTTP routes
    if (tls?.mode === TlsMode.PASSTHROUGH && isTlsProtocol(this.protocol)) {
      return RouteKind.TLS;
    }
    // a server that terminates HTTPS carries HTTP to its routes
    return isHttpProtocol(this.protocol) || this.protocol === ServerProtocol.HTTPS ? RouteKind.HTTP : RouteKind.TCP;
  }

  /**
   * The hosts, each valid both as a host of the Gateway server and as a host of the
   * VirtualService bound to it, the two places they are emitted.
   */
  private validateHosts(hosts: readonly string[]): string[] {
    if (hosts.length === 0) {
      throw invalidInput(this, 'hosts', hosts, 'expected at least one host');
    }
    hosts.forEach((host, i) => {
      rejectIf(this, `hosts[${i}]`, host, scopedHostProblems(host, HostScope.GATEWAY)[0] ?? virtualServiceHostProblem(host, true));
    });
    return [...hosts];
  }

  private resolvePort(props: ExposureProps): number {
    if (props.port !== undefined) {
      return validatePortNumber(this, 'port', props.port);
    }
    const ports = props.ingressGateway.ports;
    return onlyItem(this, 'port', ports, () => `gateway workload ${props.ingressGateway.node.path} has ports ${ports.length === 0 ? 'not known' : ports.map((p) => p.port).join(', ')}: name the port to serve on`).port;
  }

  /** The server that redirects plain HTTP to HTTPS, where one is wanted. */
  private httpsRedirectServer(props: ExposureProps): GatewaySpecServers | undefined {
    const wanted = props.httpsRedirect ?? this.protocol === ServerProtocol.HTTPS;
    if (!wanted) {
      if (props.httpsRedirectPort !== undefined) {
        throw invalidInput(this, 'httpsRedirectPort', props.httpsRedirectPort, 'applies only with httpsRedirect');
      }
      return undefined;
    }
    if (this.protocol !== ServerProtocol.HTTPS) {
      throw invalidInput(this, 'httpsRedirect', true, `redirects to HTTPS, and this exposure serves ${this.protocol}: set protocol to ServerProtocol.HTTPS or leave httpsRedirect out`);
    }
    const port = this.redirectPort(props);
    if (port === this.port) {
      throw invalidInput(this, 'httpsRedirectPort', port, `the HTTPS server already listens on port ${port}: expected the gateway's plain HTTP port`);
    }
    const workloadPort = findWorkloadPort(props.ingressGateway, this, 'httpsRedirectPort', port);
    return {
      hosts: this.hosts,
      port: { number: port, name: workloadPort?.name ?? 'http', protocol: ServerProtocol.HTTP },
      tls: { httpsRedirect: true },
    };
  }

  private redirectPort(props: ExposureProps): number {
    if (props.httpsRedirectPort !== undefined) {
      return validatePortNumber(this, 'httpsRedirectPort', props.httpsRedirectPort);
    }
    const ports = props.ingressGateway.ports;
    if (ports.length === 0) {
      return 80;
    }
    // Upstream Istio gateways name their plain HTTP port http2, on 80
    const http = ports.find((p) => p.name === 'http' || p.name.startsWith('http-')) ?? ports.find((p) => p.name === 'http2' && p.port === 80);
    if (!http) {
      throw invalidInput(this, 'httpsRedirectPort', undefined, `gateway workload ${props.ingressGateway.node.path} has no port named http, http-* or http2 (on 80): name the port to redirect from, or set httpsRedirect: false`);
    }
    return http.port;
  }

  private matchContext() {
    const ports = this.httpsRedirectPort === undefined ? [this.port] : [this.port, this.httpsRedirectPort];
    return { gateways: [this.gatewayName], ports };
  }

  private describeServer(): string {
    return `${this.protocol}${this.routeKind === RouteKind.TLS ? ' (TLS passthrough)' : ''} on port ${this.port}`;
  }

  private validateHasRoutes(): string[] {
    const routes = this.httpRoutes.length + this.tcpRoutes.length + this.tlsRoutes.length;
    if (routes === 0) {
      return [`${this.node.path}: no routes: give a backend or add a route`];
    }
    return [];
  }

  private renderHttpRoutes(): VirtualServiceSpecHttp[] {
    const routes = this.httpRoutes.map((r) => r.render());
    if (this.backend) {
      routes.push(this.defaultHttpRoute(this.backend));
    }
    return routes;
  }

  /** The default route with the behaviours of `options`, which it checks as any HTTP route's. */
  private createBackendRoute(options: BackendRouteOptions | undefined): HttpRoute | undefined {
    if (options === undefined) {
      return undefined;
    }
    if (this.backend === undefined) {
      throw invalidInput(this, 'backendRoute', options, 'shapes the default route to the backend, and the exposure has none: give backend');
    }
    if (this.routeKind !== RouteKind.HTTP) {
      throw invalidInput(this, 'backendRoute', options, `route behaviours apply to HTTP routes, and this exposure serves ${this.describeServer()}`);
    }
    return new HttpRoute(this, 'backendRoute', options, this.matchContext(), [RouteDestination.to(this.backend)]);
  }

  private defaultHttpRoute(backend: Backend): VirtualServiceSpecHttp {
    if (this.backendRoute) {
      return this.backendRoute.render();
    }
    const target = resolveBackend(this, 'backend', backend);
    return { route: [{ destination: { host: target.host, port: { number: target.port } } }] };
  }

  private renderTcpRoutes(): VirtualServiceSpecTcp[] {
    const routes = this.tcpRoutes.map((destinations, i) => renderTcpRoute(this, `tcpRoutes[${i}]`, this.port, destinations));
    if (this.backend) {
      routes.push(renderTcpRoute(this, 'backend', this.port, [RouteDestination.to(this.backend)]));
    }
    return routes;
  }

  private renderTlsRoutes(): VirtualServiceSpecTls[] {
    const routes = this.tlsRoutes.map((r, i) => renderTlsRoute(this, `tlsRoutes[${i}]`, this.port, r.sniHosts, r.destinations));
    if (this.backend) {
      routes.push(renderTlsRoute(this, 'backend', this.port, this.hosts, [RouteDestination.to(this.backend)]));
    }
    return routes;
  }
}
