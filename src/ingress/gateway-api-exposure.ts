import { ApiObject, Chart, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { GatewaySpecListeners, GatewaySpecListenersAllowedRoutesNamespacesFrom, GatewaySpecListenersTlsMode, HttpRouteSpecRules } from '../../imports/gateway.networking.k8s.io';
import { IstioAnalysis } from '../analysis/istio-analysis';
import { createGatewayApiObject, GatewayApiKind } from '../api-version';
import { inField, invalidInput, rejectIf } from '../private/errors';
import { validateNamespace, validateObjectName, validatePortNumber } from '../private/names';
import { Backend, resolveBackend } from '../routing/backend';
import { HttpRoute, HttpRouteOptions } from '../routing/http-route';
import { RouteDestination, RouteDestinationConfig, resolveWeights } from '../routing/route-destination';
import { ServerProtocol } from '../routing/server-protocol';
import { ServerTls, TlsMode, TlsVersion } from '../routing/server-tls';
import { TcpRouteOptions } from '../routing/tcp-route';
import { TlsRouteOptions } from '../routing/tls-route';
import { HostScope, scopedHostProblems } from '../rules/webhook/scoped-host';
import { overlappingHosts, sniHostProblem, virtualServiceHostProblem } from '../rules/webhook/virtual-service';
import { ExposeOptions } from './exposure';
import { bindWorkloadHost } from '../workload/private/workload-bindings';
import { IKubernetesGateway } from './kubernetes-gateway';
import { GatewayApiBackend, gatewayApiBackend, gatewayApiHttpRule, rejectIstioOnlyHttp } from './private/gateway-api-routing';

/** Props of a `GatewayApiExposure`. */
export interface GatewayApiExposureProps extends ExposeOptions {
  /** The Gateway API Gateway that serves the hosts. */
  readonly gateway: IKubernetesGateway;
}

const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
const DEFAULT_PORTS: { readonly [protocol: string]: number } = { HTTP: 80, HTTPS: 443, TLS: 443, GRPC: 80 };
/** The key of a listener's TLS options that Istio reads cipher suites from. */
const CIPHER_SUITES_OPTION = 'gateway.istio.io/tls-cipher-suites';

/** The options of `expose` that are the Istio traffic API's alone, and what to use instead. */
const ISTIO_ONLY_OPTIONS: Array<[keyof ExposeOptions, string]> = [
  ['gatewayName', 'the Gateway is the KubernetesGateway\'s: name it there (gatewayName)'],
  ['virtualServiceName', 'there is no VirtualService: the route is named after the construct id'],
  ['serverPortName', 'listeners are named after the construct id'],
];

/** A TLS route of a passthrough exposure: the SNI hosts it takes and where it sends them. */
interface TlsRouteEntry {
  readonly sniHosts: string[];
  readonly destinations: RouteDestination[];
}

/**
 * A service exposed through a Gateway API Gateway: a listener per host on the Gateway (for HTTPS,
 * and one on the plain HTTP port whose route redirects to HTTPS), and the route of the server's
 * protocol attached to them: an HTTPRoute (GRPCRoute for gRPC) with rules in the order added and
 * the default route to `backend` last, a TLSRoute per SNI route for TLS passthrough, a TCPRoute
 * for TCP. A ReferenceGrant is emitted in each namespace of another team's Service it routes to.
 * Options the Gateway API's standard channel cannot express are errors that name the option and
 * what to use instead.
 */
export class GatewayApiExposure extends Construct {
  /**
   * The route of the exposure's protocol (L1): an HTTPRoute, GRPCRoute or TCPRoute, or for TLS
   * passthrough the TLSRoute of `backend` (a TLSRoute holds one rule: each `addTlsRoute` adds one).
   * @default - none: a TLS passthrough exposure without `backend`
   */
  public readonly route?: ApiObject;

  /** The hosts the service is reached by. */
  public readonly hosts: string[];

  /** The Gateway port the hosts are served on. */
  public readonly port: number;

  /** The protocol of the listeners. */
  public readonly protocol: ServerProtocol;

  /** The Gateway port that redirects plain HTTP to HTTPS, if there is one. */
  public readonly httpsRedirectPort?: number;

  /**
   * The listeners this exposure adds to its Gateway, empty for a Gateway owned elsewhere.
   * @internal
   */
  public readonly _listeners: GatewaySpecListeners[] = [];

  private readonly gateway: IKubernetesGateway;
  private readonly routeName: string;
  private readonly routeNamespace?: string;
  private readonly routeKind: GatewayApiKind;
  private readonly backend?: Backend;
  private readonly parentRefs: object[];
  private readonly httpRules: Array<() => HttpRouteSpecRules> = [];
  private readonly tcpRoutes: RouteDestination[][] = [];
  private readonly tlsRoutes: TlsRouteEntry[] = [];
  private readonly grants = new Map<string, Set<string>>();

  constructor(scope: Construct, id: string, props: GatewayApiExposureProps) {
    super(scope, id);
    IstioAnalysis.enable(this);
    for (const [option, instead] of ISTIO_ONLY_OPTIONS) {
      if (props[option] !== undefined) {
        throw invalidInput(this, option, props[option], `the Gateway API traffic API has no such name: ${instead}`);
      }
    }
    this.gateway = props.gateway;
    this.routeName = validateObjectName(this, 'id', id);
    this.routeNamespace = validateNamespace(this, 'namespace', props.namespace) ?? Chart.of(this).namespace;
    this.hosts = this.validateHosts(props.hosts);
    this.protocol = props.protocol ?? (props.tls ? ServerProtocol.HTTPS : ServerProtocol.HTTP);
    this.backend = props.backend;
    const tlsMode = this.validateTls(props.tls);
    this.routeKind = this.protocol === ServerProtocol.GRPC ? 'GRPCRoute'
      : this.protocol === ServerProtocol.TLS ? (tlsMode === TlsMode.PASSTHROUGH ? 'TLSRoute' : 'TCPRoute')
        : this.protocol === ServerProtocol.TCP ? 'TCPRoute' : 'HTTPRoute';
    this.port = props.port === undefined ? this.defaultPort() : validatePortNumber(this, 'port', props.port);
    for (const host of this.hosts) {
      bindWorkloadHost(this.gateway, this, 'hosts', host, this.port);
    }
    const listenerNames = this.hosts.map((_, i) => (this.hosts.length === 1 ? id : `${id}-${i}`));
    this.parentRefs = this.parentRefsTo(listenerNames, this.port);
    if (this.gateway.ownsListeners) {
      this.hosts.forEach((host, i) => this._listeners.push(this.listener(listenerNames[i], host, this.port, props.tls, tlsMode)));
    }
    this.httpsRedirectPort = this.addHttpsRedirect(props);
    if (this.routeKind === 'TLSRoute' && this.hosts.includes('*')) {
      throw invalidInput(this, 'hosts', '*', 'a TLSRoute routes by SNI host name: give the host names, or a wildcard such as *.example.com');
    }
    this.route = this.routeKind === 'TLSRoute' && this.backend === undefined ? undefined : this.createRoute(id, this.routeKind, this.hosts);
    if (this.backend !== undefined) {
      this.grantFor('backend', [RouteDestination.to(this.backend)]);
    } else {
      this.node.addValidation({ validate: () => (this.httpRules.length + this.tcpRoutes.length + this.tlsRoutes.length === 0 ? [`${this.node.path}: no routes: give a backend or add a route`] : []) });
    }
  }

  /**
   * Adds an HTTP route, evaluated before the default route to `backend`. Only for exposures that
   * carry HTTP. The Gateway API ranks a route's rules by how specific their matches are (exact
   * path, then longest prefix, then method, headers and query parameters), not by their order.
   */
  public addHttpRoute(options: HttpRouteOptions): void {
    const field = `httpRoutes[${this.httpRules.length}]`;
    if (this.routeKind !== 'HTTPRoute') {
      throw invalidInput(this, field, 'http route', `http routes need an HTTP or HTTPS exposure, and this one emits a ${this.routeKind}${this.routeKind === 'GRPCRoute' ? ': give the gRPC service its backend, or use the Istio traffic API (IngressGateway.expose) for gRPC routing rules' : ''}`);
    }
    const route = new HttpRoute(this, field, options, { gateways: [], ports: [this.port] }, this.backend ? [RouteDestination.to(this.backend)] : undefined);
    const destinations = options.destinations ?? (options.redirect === undefined && this.backend ? [RouteDestination.to(this.backend)] : []);
    this.grantFor(`${field}.destinations`, destinations);
    options.mirrors?.forEach((m, i) => this.grantFor(`${field}.mirrors[${i}]`, [m.destination]));
    if (options.mirror !== undefined) {
      this.grantFor(`${field}.mirror`, [options.mirror.destination]);
    }
    rejectIstioOnlyHttp(this, field, route.renderOptions());
    this.httpRules.push(() => gatewayApiHttpRule(route.render(), this.routeNamespace));
  }

  /** Sets the TCP route of a TCP exposure (or one that terminates TLS): instead of `backend`. */
  public addTcpRoute(options: TcpRouteOptions): void {
    const field = `tcpRoutes[${this.tcpRoutes.length}]`;
    if (this.routeKind !== 'TCPRoute') {
      throw invalidInput(this, field, 'tcp route', `tcp routes need a TCP exposure, or a TLS one that terminates TLS, and this one emits a ${this.routeKind}`);
    }
    if (this.backend !== undefined || this.tcpRoutes.length > 0) {
      throw invalidInput(this, field, 'tcp route', `port ${this.port} already has a TCP route${this.backend ? ' to the backend' : ''}: a second one would never match`);
    }
    resolveWeights(this, `${field}.destinations`, options.destinations);
    this.grantFor(`${field}.destinations`, options.destinations);
    this.tcpRoutes.push([...options.destinations]);
  }

  /** Adds a TLSRoute that sends passed-through TLS connections by SNI host. Only for TLS passthrough exposures. */
  public addTlsRoute(options: TlsRouteOptions): void {
    const field = `tlsRoutes[${this.tlsRoutes.length}]`;
    if (this.routeKind !== 'TLSRoute') {
      throw invalidInput(this, field, options.sniHosts, `tls routes need a TLS exposure in passthrough mode, and this one emits a ${this.routeKind}: give tls: ServerTls.passthrough()`);
    }
    if (options.sniHosts.length === 0) {
      throw invalidInput(this, `${field}.sniHosts`, options.sniHosts, 'expected at least one SNI host');
    }
    options.sniHosts.forEach((sniHost, i) => {
      rejectIf(this, `${field}.sniHosts[${i}]`, sniHost, sniHostProblem(sniHost, this.hosts, true));
      if (this.tlsRoutes.some((r) => r.sniHosts.includes(sniHost))) {
        throw invalidInput(this, `${field}.sniHosts[${i}]`, sniHost, 'an earlier tls route already takes it: this route would never match it');
      }
    });
    resolveWeights(this, `${field}.destinations`, options.destinations);
    this.grantFor(`${field}.destinations`, options.destinations);
    this.tlsRoutes.push({ sniHosts: [...options.sniHosts], destinations: [...options.destinations] });
    this.createRoute(`${this.routeName}-${this.tlsRoutes.length}`, 'TLSRoute', options.sniHosts, this.tlsRoutes[this.tlsRoutes.length - 1]);
  }

  private validateHosts(hosts: readonly string[]): string[] {
    if (hosts.length === 0) {
      throw invalidInput(this, 'hosts', hosts, 'expected at least one host');
    }
    hosts.forEach((host, i) => {
      rejectIf(this, `hosts[${i}]`, host, scopedHostProblems(host, HostScope.GATEWAY)[0] ?? virtualServiceHostProblem(host, true));
      if (host.includes('/')) {
        throw invalidInput(this, `hosts[${i}]`, host, 'a listener hostname has no namespace part: routes of other namespaces are let in by the listener\'s allowedRoutes');
      }
    });
    const [overlap] = overlappingHosts([...hosts]);
    if (overlap !== undefined) {
      throw invalidInput(this, `hosts[${overlap.index}]`, hosts[overlap.index], `"${hosts[overlap.coveredBy]}" already covers it: give each host once, the wildcard or the names it covers`);
    }
    return [...hosts];
  }

  /** The TLS mode, checked against the protocol and what a Gateway API listener can say. */
  private validateTls(tls: ServerTls | undefined): TlsMode | undefined {
    const needsTls = this.protocol === ServerProtocol.HTTPS || this.protocol === ServerProtocol.TLS;
    if (needsTls && tls === undefined && this.gateway.ownsListeners) {
      throw invalidInput(this, 'tls', undefined, `a ${this.protocol} listener needs TLS settings: give ServerTls.simple({ credentialName })${this.protocol === ServerProtocol.TLS ? ' or ServerTls.passthrough()' : ''}`);
    }
    if (!needsTls && tls !== undefined) {
      throw invalidInput(this, 'protocol', this.protocol, 'TLS settings need an HTTPS or TLS exposure: set protocol to ServerProtocol.HTTPS or ServerProtocol.TLS, or leave it out');
    }
    if (this.protocol === ServerProtocol.HTTP2) {
      throw invalidInput(this, 'protocol', this.protocol, 'a Gateway API HTTP listener serves HTTP/1.1 and HTTP/2 alike: use ServerProtocol.HTTP');
    }
    if (tls === undefined) {
      return undefined;
    }
    if (!this.gateway.ownsListeners) {
      throw invalidInput(this, 'tls', tls.mode, `the TLS settings are those of the listeners of Gateway ${this.gateway.gatewayName}, which its owner sets: leave tls out and give the protocol`);
    }
    if (tls.mode === TlsMode.PASSTHROUGH && this.protocol === ServerProtocol.HTTPS) {
      throw invalidInput(this, 'protocol', this.protocol, 'an HTTPS listener terminates TLS: use ServerProtocol.TLS to pass TLS through');
    }
    if (tls.mode !== TlsMode.SIMPLE && tls.mode !== TlsMode.PASSTHROUGH) {
      throw invalidInput(this, 'tls', tls.mode, 'the Gateway API\'s standard channel validates client certificates on the Gateway, not per listener: use ServerTls.simple, or the Istio traffic API (IngressGateway.expose) for mutual TLS');
    }
    return tls.mode;
  }

  private defaultPort(): number {
    const port = DEFAULT_PORTS[this.protocol];
    if (port === undefined) {
      throw invalidInput(this, 'port', undefined, `a ${this.protocol} exposure has no usual port: give the Gateway port to listen on`);
    }
    return port;
  }

  /** The parentRefs of a route: the listeners by name on a Gateway this app owns, else the Gateway's port. */
  private parentRefsTo(listenerNames: readonly string[], port: number): object[] {
    const parent = { name: this.gateway.gatewayName, namespace: this.gateway.namespace };
    if (!this.gateway.ownsListeners) {
      return [{ ...parent, port }];
    }
    return listenerNames.map((sectionName) => ({ ...parent, sectionName }));
  }

  private listener(name: string, host: string, port: number, tls: ServerTls | undefined, mode: TlsMode | undefined): GatewaySpecListeners {
    return {
      name,
      hostname: host === '*' ? undefined : host,
      port,
      protocol: this.protocol === ServerProtocol.GRPC ? ServerProtocol.HTTP : this.protocol,
      tls: tls === undefined ? undefined : this.listenerTls(tls, mode!),
      allowedRoutes: this.allowedRoutes(),
    };
  }

  private listenerTls(tls: ServerTls, mode: TlsMode): GatewaySpecListeners['tls'] {
    if (mode === TlsMode.PASSTHROUGH) {
      return { mode: GatewaySpecListenersTlsMode.PASSTHROUGH };
    }
    const config = tls.bind(this, this.gateway);
    if (config.maxProtocolVersion !== undefined || (config.minProtocolVersion !== undefined && config.minProtocolVersion !== TlsVersion.TLSV1_2)) {
      throw invalidInput(this, 'tls', config.minProtocolVersion, 'a Gateway API listener has no TLS versions: leave minProtocolVersion and maxProtocolVersion out (Istio accepts TLS 1.2 and 1.3), or use the Istio traffic API');
    }
    return {
      mode: GatewaySpecListenersTlsMode.TERMINATE,
      certificateRefs: [{ name: config.credentialName! }],
      options: config.cipherSuites === undefined ? undefined : { [CIPHER_SUITES_OPTION]: config.cipherSuites.join(',') },
    };
  }

  /** Routes of another namespace than the Gateway's are let in by name. */
  private allowedRoutes(): GatewaySpecListeners['allowedRoutes'] {
    if (this.routeNamespace === this.gateway.namespace) {
      return undefined;
    }
    if (this.routeNamespace === undefined) {
      throw invalidInput(this, 'namespace', undefined, `the Gateway is in namespace ${this.gateway.namespace}: give the namespace of the route, which its listeners let in`);
    }
    return {
      namespaces: {
        from: GatewaySpecListenersAllowedRoutesNamespacesFrom.SELECTOR,
        selector: { matchLabels: { [NAMESPACE_NAME_LABEL]: this.routeNamespace } },
      },
    };
  }

  /** The HTTP listener and HTTPRoute that redirect plain HTTP to HTTPS, where wanted. */
  private addHttpsRedirect(props: GatewayApiExposureProps): number | undefined {
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
    const port = props.httpsRedirectPort === undefined ? DEFAULT_PORTS.HTTP : validatePortNumber(this, 'httpsRedirectPort', props.httpsRedirectPort);
    if (port === this.port) {
      throw invalidInput(this, 'httpsRedirectPort', port, `the HTTPS listener already uses port ${port}: expected the Gateway's plain HTTP port`);
    }
    for (const host of this.hosts) {
      bindWorkloadHost(this.gateway, this, 'hosts', host, port);
    }
    const names = this.hosts.map((_, i) => (this.hosts.length === 1 ? `${this.routeName}-redirect` : `${this.routeName}-redirect-${i}`));
    if (this.gateway.ownsListeners) {
      this.hosts.forEach((host, i) => this._listeners.push({ name: names[i], hostname: host === '*' ? undefined : host, port, protocol: ServerProtocol.HTTP, allowedRoutes: this.allowedRoutes() }));
    }
    createGatewayApiObject(this, 'RedirectRoute', 'HTTPRoute', {
      metadata: { name: `${this.routeName}-redirect`, namespace: this.routeNamespace },
      spec: {
        parentRefs: this.parentRefsTo(names, port) as any,
        hostnames: this.routeHostnames(this.hosts),
        rules: [{
          filters: [{
            type: 'RequestRedirect' as any,
            requestRedirect: { scheme: 'https' as any, statusCode: 301 as any, port: this.port === 443 ? undefined : this.port },
          }],
        }],
      },
    });
    return port;
  }

  private routeHostnames(hosts: readonly string[]): string[] | undefined {
    const named = hosts.filter((h) => h !== '*');
    return named.length === 0 ? undefined : named;
  }

  private createRoute(id: string, kind: GatewayApiKind, hosts: readonly string[], tlsRoute?: TlsRouteEntry): ApiObject {
    const constructId = tlsRoute === undefined ? kind : `TLSRoute${this.tlsRoutes.length}`;
    const metadata = { name: tlsRoute === undefined ? this.routeName : validateObjectName(this, 'id', id), namespace: this.routeNamespace };
    const parentRefs = this.parentRefs as any;
    switch (kind) {
      case 'HTTPRoute':
      case 'GRPCRoute':
        return createGatewayApiObject(this, constructId, kind, {
          metadata,
          spec: { parentRefs, hostnames: this.routeHostnames(hosts), rules: Lazy.any({ produce: () => this.renderHttpRules() }) },
        });
      case 'TLSRoute':
        return createGatewayApiObject(this, constructId, 'TLSRoute', {
          metadata,
          spec: {
            parentRefs,
            hostnames: tlsRoute?.sniHosts ?? this.routeHostnames(hosts) ?? [],
            rules: Lazy.any({ produce: () => this.renderBackendRules(tlsRoute === undefined ? 'backend' : `tlsRoutes[${this.tlsRoutes.indexOf(tlsRoute)}]`, tlsRoute?.destinations ?? this.defaultDestinations()) }),
          },
        });
      default:
        return createGatewayApiObject(this, constructId, 'TCPRoute', {
          metadata,
          spec: { parentRefs, rules: Lazy.any({ produce: () => this.renderBackendRules(this.tcpRoutes.length > 0 ? 'tcpRoutes[0]' : 'backend', this.tcpRoutes[0] ?? this.defaultDestinations()) }) },
        });
    }
  }

  private defaultDestinations(): RouteDestination[] {
    return this.backend === undefined ? [] : [RouteDestination.to(this.backend)];
  }

  private renderHttpRules(): HttpRouteSpecRules[] {
    const rules = this.httpRules.map((rule) => rule());
    if (this.backend !== undefined) {
      const target = resolveBackend(this, 'backend', this.backend);
      rules.push({ backendRefs: [gatewayApiBackend(target.host, target.port, this.routeNamespace).ref] });
    }
    return rules;
  }

  private renderBackendRules(field: string, destinations: readonly RouteDestination[]): object[] {
    if (destinations.length === 0) {
      return [];
    }
    const weights = resolveWeights(this, `${field}.destinations`, destinations);
    return [{
      backendRefs: destinations.map((d, i) => {
        const { host, port } = this.bindDestination(`${field}.destinations[${i}]`, d);
        return { ...gatewayApiBackend(host, port, this.routeNamespace).ref, weight: weights[i] };
      }),
    }];
  }

  /** The host and port of `destination`, which has no subset: the Gateway API has none. */
  private bindDestination(field: string, destination: RouteDestination): RouteDestinationConfig {
    const config = inField(this, field, () => destination.bind(this));
    if (config.subset !== undefined) {
      throw invalidInput(this, `${field}.subset`, config.subset, 'the Gateway API routes to Services, not to DestinationRule subsets: give each version a Service of its own (a canary Service selecting version: v2) and route to it with a weight');
    }
    return config;
  }

  /**
   * Records the Services in other namespaces that `destinations` reach, and emits the
   * ReferenceGrant of each such namespace when it first comes up.
   */
  private grantFor(field: string, destinations: readonly RouteDestination[]): void {
    destinations.forEach((destination, i) => {
      const config = this.bindDestination(`${field}[${i}]`, destination);
      const backend: GatewayApiBackend = gatewayApiBackend(config.host, config.port, this.routeNamespace);
      if (backend.grantNamespace === undefined) {
        return;
      }
      if (this.routeNamespace === undefined) {
        throw invalidInput(this, 'namespace', undefined, `the route sends traffic to ${config.host}, in another namespace, which a ReferenceGrant must allow from the route's namespace: give the namespace`);
      }
      let names = this.grants.get(backend.grantNamespace);
      if (names === undefined) {
        names = new Set();
        this.grants.set(backend.grantNamespace, names);
        const granted = names;
        createGatewayApiObject(this, `ReferenceGrant-${backend.grantNamespace}`, 'ReferenceGrant', {
          metadata: { name: `${this.routeNamespace}-${this.routeName}`, namespace: backend.grantNamespace },
          spec: {
            from: [{ group: GATEWAY_API_GROUP, kind: this.routeKind, namespace: this.routeNamespace }],
            to: Lazy.any({ produce: () => [...granted].sort().map((name) => ({ group: '', kind: 'Service', name })) }),
          },
        });
      }
      names.add(backend.ref.name);
    });
  }
}
