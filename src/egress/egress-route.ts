import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { DestinationRuleSpecTrafficPolicyPortLevelSettingsTls, DestinationRuleSpecTrafficPolicyPortLevelSettingsTlsMode } from '../../imports/networking.istio.io';
import { validateNamespace, validateObjectName, validatePortNumber } from '../private/names';
import { EgressDestinationRule } from './private/egress-destination-rule';
import type { IEgressGateway } from './egress-gateway';
import { EgressMode, EgressModeKind } from './egress-mode';
import { EgressVirtualService } from './private/egress-virtual-service';
import { invalidInput, rejectIf } from '../private/errors';
import { ExternalServiceProtocol, IExternalService, ResolvedExternalServicePort } from './external-service';
import { onlyItem } from '../private/only-item';
import { ServerProtocol } from '../routing/server-protocol';
import { fqdnProblem } from '../rules/webhook/names';
import { isHttpProtocol, isTlsProtocol } from '../rules/webhook/protocol';
import { IstioAnalysis } from '../analysis/istio-analysis';

/** How the mesh's traffic for an external service is sent through an egress gateway. */
export interface EgressRouteOptions {
  /** The external service the traffic is for. */
  readonly externalService: IExternalService;

  /**
   * The external service's host to route, one of its hosts and not a wildcard.
   * @default - the service's only host; required when it has several
   */
  readonly host?: string;

  /**
   * The external service's port the mesh's workloads call.
   * @default - the service's only port; required when it has several
   */
  readonly port?: number;

  /**
   * The egress gateway's Service port the traffic passes through.
   * @default - the same number as `port`
   */
  readonly gatewayPort?: number;

  /**
   * How the traffic is carried.
   * @default - EgressMode.http() for an HTTP, HTTP2 or GRPC port, EgressMode.tlsPassthrough() for an HTTPS or TLS port,
   * EgressMode.tcp() for a TCP port
   */
  readonly mode?: EgressMode;

  /**
   * The namespace of the VirtualService.
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /**
   * The VirtualService's name. A route for a host that an earlier route in the namespace routed
   * already joins that route's VirtualService, so it may leave the name out or repeat it.
   * @default - the construct id; for a host routed already, the name of its VirtualService
   */
  readonly virtualServiceName?: string;

  /**
   * The name of the DestinationRule that originates TLS (TLS origination only). A route that
   * originates TLS to a host that an earlier route does already joins its DestinationRule.
   * @default - the construct id; for a host with TLS origination already, its DestinationRule's name
   */
  readonly destinationRuleName?: string;
}

/** Props of an `EgressRoute`. */
export interface EgressRouteProps extends EgressRouteOptions {
  /** The egress gateway the traffic leaves through. */
  readonly egressGateway: IEgressGateway;
}

/**
 * Sends the mesh's traffic for one host of an external service through an egress gateway, in
 * two hops: the sidecars send it to the egress gateway's Service, and the egress gateway sends
 * it to the external host. The egress gateway's Gateway accepts the host on the gateway port;
 * a VirtualService bound to that Gateway and to `mesh` holds both hops, each matched on its
 * gateway and port. Routes for the same host in the same namespace (its other ports) share that
 * VirtualService, since Istio leaves undefined which of several mesh VirtualServices for one host
 * applies; they must therefore use the same egress gateway. With TLS origination, a
 * DestinationRule in the egress gateway's namespace makes the egress gateway open TLS to the
 * external host and verify its certificate.
 */
export class EgressRoute extends Construct {
  /**
   * The VirtualService (L1), shared with the other routes for the host in its namespace: the
   * first of them created it and named it.
   */
  public readonly virtualService: ApiObject;

  /**
   * The DestinationRule that originates TLS (L1), shared with the other routes that originate
   * TLS to the host through egress gateways of the same namespace.
   * @default - none: only TLS origination creates one
   */
  public readonly destinationRule?: ApiObject;

  /** The routed host. */
  public readonly host: string;

  /** The external service's port the mesh's workloads call. */
  public readonly port: number;

  /** The egress gateway's port the traffic passes through. */
  public readonly gatewayPort: number;

  constructor(scope: Construct, id: string, props: EgressRouteProps) {
    super(scope, id);
    IstioAnalysis.enable(this);
    const service = props.externalService;
    this.host = this.resolveHost(props);
    const servicePort = this.resolvePort(props);
    this.port = servicePort.number;
    this.gatewayPort = validatePortNumber(this, 'gatewayPort', props.gatewayPort ?? this.port);
    const mode = props.mode ?? this.defaultMode(servicePort);
    const serverProtocol = this.serverProtocol(mode, servicePort);
    const externalPort = mode.kind === EgressModeKind.ORIGINATE_TLS ? this.tlsPort(service, mode) : this.port;

    const gateway = props.egressGateway;
    // A route added to the gateway after its Gateway object follows that object in the tree.
    const listedAfterGateway = scope === gateway && gateway.gateway !== undefined;
    if (!service.isExportedTo(gateway.namespace)) {
      throw invalidInput(this, 'externalService', service.node.path, `the external service is not exported to namespace ${gateway.namespace}, so the egress gateway there could not resolve ${this.host}: add "${gateway.namespace}" to its exportTo`);
    }
    const namespace = validateNamespace(this, 'namespace', props.namespace);
    const virtualServiceName = validateObjectName(this, 'virtualServiceName', props.virtualServiceName ?? id);
    const destinationRuleName = validateObjectName(this, 'destinationRuleName', props.destinationRuleName ?? id);
    const tlsSettings = mode.kind === EgressModeKind.ORIGINATE_TLS ? this.originationTls(mode) : undefined;
    const effectiveNamespace = namespace ?? Chart.of(this).namespace;
    // Creates the Gateway, if this is its first host, before the VirtualService that names it.
    gateway.acceptHost(this, this.host, this.gatewayPort, serverProtocol);
    const shared = EgressVirtualService.forRoute(this, {
      host: this.host,
      gateway,
      gatewayReference: this.gatewayReference(gateway, effectiveNamespace),
      namespace,
      effectiveNamespace,
      name: virtualServiceName,
      nameIsExplicit: props.virtualServiceName !== undefined,
      listedAfterGateway,
    });
    shared.addRoute(this, this.port, this.gatewayPort, externalPort, mode.kind);
    this.virtualService = shared.resource;

    if (tlsSettings) {
      const rule = EgressDestinationRule.forRoute(this, {
        host: this.host,
        namespace: gateway.namespace,
        name: destinationRuleName,
        nameIsExplicit: props.destinationRuleName !== undefined,
      });
      rule.addPort(this, externalPort, tlsSettings);
      this.destinationRule = rule.resource;
    }
  }

  private resolveHost(props: EgressRouteProps): string {
    const hosts = props.externalService.hosts;
    const host = props.host ?? onlyItem(this, 'host', hosts, () => `external service ${props.externalService.node.path} has hosts ${hosts.join(', ')}: name the host to route`);
    if (!hosts.includes(host)) {
      throw invalidInput(this, 'host', host, `external service ${props.externalService.node.path} has hosts ${hosts.join(', ')}`);
    }
    if (host.includes('*')) {
      throw invalidInput(this, 'host', host, 'an egress gateway cannot route a wildcard host: its Gateway and DestinationRule need the one host to connect to, and a plain Istio Gateway has no way to resolve the host each connection names. Route each host you need through the gateway (declare them in an external service), or let the sidecars reach the wildcard host directly (an ExternalService with TLS passthrough and resolution NONE, or DYNAMIC_DNS from Istio 1.28)');
    }
    return host;
  }

  private resolvePort(props: EgressRouteProps): ResolvedExternalServicePort {
    const service = props.externalService;
    if (props.port !== undefined) {
      return service.findPort(this, 'port', props.port);
    }
    const ports = service.ports;
    return onlyItem(this, 'port', ports, () => `external service ${service.node.path} has ports ${ports.map((p) => p.number).join(', ')}: name the port to route`);
  }

  private defaultMode(port: ResolvedExternalServicePort): EgressMode {
    if (isHttpProtocol(port.protocol)) {
      return EgressMode.http();
    }
    if (isTlsProtocol(port.protocol)) {
      return EgressMode.tlsPassthrough();
    }
    return EgressMode.tcp();
  }

  private serverProtocol(mode: EgressMode, port: ResolvedExternalServicePort): ServerProtocol {
    if (mode.kind === EgressModeKind.TCP) {
      if (port.protocol !== ExternalServiceProtocol.TCP) {
        throw invalidInput(this, 'port', port.number, `port ${port.number} (${port.name}) speaks ${port.protocol}: a TCP egress route needs a TCP port, and this port's protocol has its own mode`);
      }
      return ServerProtocol.TCP;
    }
    if (mode.kind === EgressModeKind.TLS_PASSTHROUGH) {
      if (!isTlsProtocol(port.protocol)) {
        throw invalidInput(this, 'port', port.number, `port ${port.number} (${port.name}) speaks ${port.protocol}: TLS passthrough needs an HTTPS or TLS port; use EgressMode.http() or EgressMode.originateTls() for plain HTTP`);
      }
      return ServerProtocol.TLS;
    }
    if (!isHttpProtocol(port.protocol)) {
      const hint = isTlsProtocol(port.protocol) ? ': use EgressMode.tlsPassthrough() for TLS the application originates' : ': use EgressMode.tcp() for a TCP port';
      throw invalidInput(this, 'port', port.number, `port ${port.number} (${port.name}) speaks ${port.protocol}: an HTTP egress route needs an HTTP, HTTP2 or GRPC port${hint}`);
    }
    // the HTTP protocols of an external service are spelt as a Gateway server's
    return port.protocol as string as ServerProtocol;
  }

  private tlsPort(service: IExternalService, mode: EgressMode): number {
    const port = service.findPort(this, 'mode.port', mode.tlsPort!);
    if (!isTlsProtocol(port.protocol)) {
      throw invalidInput(this, 'mode.port', port.number, `port ${port.number} (${port.name}) speaks ${port.protocol}: TLS origination needs an HTTPS or TLS port of the external service`);
    }
    return port.number;
  }

  /** The DestinationRule's TLS settings: SIMPLE, with the SNI and the server's verification. */
  private originationTls(mode: EgressMode): DestinationRuleSpecTrafficPolicyPortLevelSettingsTls {
    if (mode.sni !== undefined) {
      rejectIf(this, 'mode.sni', mode.sni, fqdnProblem(mode.sni));
    }
    return {
      mode: DestinationRuleSpecTrafficPolicyPortLevelSettingsTlsMode.SIMPLE,
      sni: mode.sni ?? this.host,
      ...mode.verification!.bind(this, 'mode', mode.subjectAltNames),
    };
  }

  /**
   * How the VirtualService names the egress Gateway: its name in the same namespace,
   * `<namespace>/<name>` in another.
   */
  private gatewayReference(gateway: IEgressGateway, namespace: string | undefined): string {
    if (gateway.namespace === namespace) {
      return gateway.gatewayName;
    }
    if (gateway.namespace === undefined) {
      throw invalidInput(this, 'egressGateway', gateway.node.path, `the route's namespace is ${namespace} and the egress gateway's is not known: give the egress gateway a namespace`);
    }
    return `${gateway.namespace}/${gateway.gatewayName}`;
  }
}
