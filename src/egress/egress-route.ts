import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { validateNamespace, validateObjectName } from '../private/names';
import { EgressDestinationRule } from './private/egress-destination-rule';
import { claimExternalPort } from './private/external-port-use';
import type { IEgressGateway } from './egress-gateway';
import { EgressMode } from './egress-mode';
import { EgressVirtualService } from './private/egress-virtual-service';
import { acceptEgressHost } from './private/egress-hosts-gateway';
import { resolveEgressTarget } from './private/egress-target';
import { invalidInput } from '../private/errors';
import type { IExternalService } from './external-service';
import { chartOwner, gatewayOwner } from './private/owners';
import { IstioAnalysis } from '../analysis/istio-analysis';
import { routeExportTo } from './private/route-export-to';
import { ServerProtocol } from '../routing/server-protocol';
import { EgressMutualTlsRule } from './private/egress-mutual-tls-rule';
import { EgressAllowList } from './private/egress-allow-list';
import { WorkloadIdentity } from './workload-identity';
import { isDns1123Subdomain } from '../rules/webhook/kubernetes-names';
import { findWorkloadPort } from '../workload/private/workload-bindings';

/** The callers an allow-list admits. */
interface AllowedCallers {
  readonly principals: string[];
  readonly namespaces: string[];
}

/** The trust domain of a mesh that names none. */
const DEFAULT_TRUST_DOMAIN = 'cluster.local';

function describeIdentity(identity: WorkloadIdentity): string {
  return identity.serviceAccountName === undefined ? `namespace ${identity.namespaceName}` : `${identity.namespaceName}/${identity.serviceAccountName}`;
}

/** The gateway port of a route through an egress gateway with mutual TLS, where none is given. */
const MUTUAL_TLS_PORT = 443;

/**
 * The protocol of the egress Gateway's server that terminates the mesh's mutual TLS around what
 * a mode carries: HTTPS for requests, which the gateway then reads; TLS for the application's
 * own TLS or TCP, which it forwards unread.
 */
function mutualTlsServerProtocol(protocol: ServerProtocol): ServerProtocol {
  return protocol === ServerProtocol.TLS || protocol === ServerProtocol.TCP ? ServerProtocol.TLS : ServerProtocol.HTTPS;
}

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
   * @default - 443 through an egress gateway with `meshMutualTls`, else the same number as `port`
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
   * The namespaces the VirtualService is visible to: `.` for its own, `*` for all, or namespace
   * names. A VirtualService bound to `mesh` decides how the host's traffic is sent in every
   * namespace it is visible in, so by default it is visible where the external service's
   * ServiceEntry is, and to the egress gateway, which must see it. The routes that share a
   * VirtualService give the same list.
   * @default - the ServiceEntry's `exportTo` (its `.` read as the ServiceEntry's namespace) and
   * the egress gateway's namespace; every namespace when the ServiceEntry is visible in all
   */
  readonly exportTo?: string[];

  /**
   * The VirtualService's name. The routes for one host through one egress gateway from one chart
   * and namespace (the host's other ports) share one VirtualService, so they give it the same name.
   * @default - the construct id
   */
  readonly virtualServiceName?: string;

  /**
   * The name of the DestinationRule that originates TLS (TLS origination only). The routes that
   * originate TLS to one host through one egress gateway share one DestinationRule, so they give
   * it the same name.
   * @default - the construct id
   */
  readonly destinationRuleName?: string;

  /**
   * The workloads allowed to send traffic for the host through the egress gateway: its
   * AuthorizationPolicy `<gatewayName>-allow-list` allows the host on the gateway port only from
   * these identities. Once one route through a gateway has an allow-list, that ALLOW policy
   * denies the gateway whatever no route names; the gateway's routes without one stay open to
   * every caller. Identity needs mutual TLS: the egress gateway must have `meshMutualTls`.
   * @default - every workload that reaches the gateway
   */
  readonly allowFrom?: WorkloadIdentity[];

  /**
   * The mesh's trust domain, which the principals of `allowFrom` service accounts are named in.
   * @default "cluster.local"
   */
  readonly trustDomain?: string;
}

/** Props of an `EgressRoute`. */
export interface EgressRouteProps extends EgressRouteOptions {
  /**
   * The egress gateway the traffic leaves through. It may belong to another chart, such as the
   * platform's: the VirtualService is the route's, in its chart and namespace.
   */
  readonly egressGateway: IEgressGateway;
}

/**
 * Sends the mesh's traffic for one host of an external service through an egress gateway, in
 * two hops: the sidecars send it to the egress gateway's Service, and the egress gateway sends
 * it to the external host. The egress gateway's Gateway accepts the host on the gateway port;
 * a VirtualService bound to that Gateway and to `mesh` holds both hops, each matched on its
 * gateway and port. Routes for the same host through the same gateway from the same chart and
 * namespace (its other ports) share that VirtualService, since Istio leaves undefined which of
 * several mesh VirtualServices for one host applies. With TLS origination, a DestinationRule in
 * the egress gateway's namespace makes the egress gateway open TLS to the external host and
 * verify its certificate.
 *
 * What the routes share is owned in the construct tree, never by whichever route came first: the
 * Gateway and the DestinationRules by the egress gateway; the VirtualServices by the egress
 * gateway when the route is in the gateway's chart, else by the gateway's stand-in in the route's
 * chart, so that a team's routes land in the team's chart and namespace.
 */
export class EgressRoute extends Construct {
  /** The VirtualService (L1), shared with the other routes for the host in its namespace. */
  public readonly virtualService: ApiObject;

  /**
   * The DestinationRule that originates TLS (L1), shared with the other routes that originate
   * TLS to the host through the same egress gateway.
   * @default - none: only TLS origination creates one
   */
  public readonly destinationRule?: ApiObject;

  /**
   * The DestinationRule with which the sidecars reach the egress gateway in the mesh's mutual
   * TLS (L1), shared by every route through the gateway.
   * @default - none: only an egress gateway with `meshMutualTls` has one
   */
  public readonly mutualTlsDestinationRule?: ApiObject;

  /**
   * The AuthorizationPolicy of the egress gateway's allow-lists (L1), shared by every route
   * through the gateway.
   * @default - none until this route or an earlier one through the gateway has `allowFrom`
   */
  public readonly allowList?: ApiObject;

  /** The routed host. */
  public readonly host: string;

  /** The external service's port the mesh's workloads call. */
  public readonly port: number;

  /** The egress gateway's port the traffic passes through. */
  public readonly gatewayPort: number;

  constructor(scope: Construct, id: string, props: EgressRouteProps) {
    super(scope, id);
    IstioAnalysis.enable(this);
    const gateway = props.egressGateway;
    // With mutual TLS the gateway's servers listen on its TLS port, whatever port the workloads call.
    const target = resolveEgressTarget(this, { ...props, gatewayPort: props.gatewayPort ?? (gateway.meshMutualTls ? MUTUAL_TLS_PORT : undefined) }, gateway.namespace);
    this.host = target.host;
    this.port = target.servicePort.number;
    this.gatewayPort = target.gatewayPort;
    const mode = target.mode;
    const allowed = this.resolveAllowFrom(props);
    const namespace = validateNamespace(this, 'namespace', props.namespace);
    const virtualServiceName = validateObjectName(this, 'virtualServiceName', props.virtualServiceName ?? id);
    const destinationRuleName = validateObjectName(this, 'destinationRuleName', props.destinationRuleName ?? id);
    const effectiveNamespace = namespace ?? Chart.of(this).namespace;
    const virtualServiceRequest = {
      host: this.host,
      gateway,
      gatewayReference: this.gatewayReference(gateway, effectiveNamespace),
      namespace,
      effectiveNamespace,
      name: virtualServiceName,
      exportTo: routeExportTo(this, props.exportTo, props.externalService, { namespace: effectiveNamespace, gatewayNamespace: gateway.namespace, gatewayPath: gateway.node.path }),
    };
    const destinationRuleRequest = { host: this.host, namespace: gateway.namespace, name: destinationRuleName };
    // Whether the route can join what it shares is known before it claims the host on the gateway.
    EgressVirtualService.find(chartOwner(gateway, this), this, virtualServiceRequest);
    if (mode.tlsOrigination) {
      EgressDestinationRule.find(gatewayOwner(gateway), this, destinationRuleRequest);
    }
    claimExternalPort(this, gateway.namespace, this.host, mode.externalPort, mode.tlsOrigination !== undefined);
    acceptEgressHost(gateway, this, this.host, this.gatewayPort, gateway.meshMutualTls ? mutualTlsServerProtocol(mode.serverProtocol) : mode.serverProtocol);
    let meshSubset: string | undefined;
    if (gateway.meshMutualTls) {
      const rule = EgressMutualTlsRule.of(gateway);
      meshSubset = rule.addHost(this, this.host, this.gatewayPort);
      this.mutualTlsDestinationRule = rule.resource;
    }
    const shared = EgressVirtualService.forRoute(chartOwner(gateway, this), this, virtualServiceRequest);
    shared.addRoute(this, { port: this.port, gatewayPort: this.gatewayPort, destinationPort: mode.externalPort, protocol: mode.serverProtocol, meshSubset });
    this.virtualService = shared.resource;
    if (gateway.meshMutualTls) {
      this.allowList = this.addToAllowList(gateway, allowed, mode.serverProtocol);
    }

    if (mode.tlsOrigination) {
      const rule = EgressDestinationRule.forRoute(gatewayOwner(gateway), this, destinationRuleRequest);
      rule.addPort(this, mode.externalPort, mode.tlsOrigination);
      this.destinationRule = rule.resource;
    }
  }

  /**
   * Who may use the route, checked before the route claims anything.
   *
   * @throws when `allowFrom` is given through a gateway without mutual TLS, is empty, or names
   * an invalid identity or trust domain
   */
  private resolveAllowFrom(props: EgressRouteProps): AllowedCallers | undefined {
    if (props.allowFrom === undefined) {
      return undefined;
    }
    const identities = props.allowFrom;
    if (!props.egressGateway.meshMutualTls) {
      throw invalidInput(this, 'allowFrom', identities.map(describeIdentity), `an allow-list needs the callers' identities, which the egress gateway learns only from the mesh's mutual TLS: set meshMutualTls on egress gateway ${props.egressGateway.node.path}`);
    }
    if (identities.length === 0) {
      throw invalidInput(this, 'allowFrom', [], 'expected one or more identities, such as WorkloadIdentity.serviceAccount("shop", "checkout"); leave allowFrom unset to let every workload use the route');
    }
    const trustDomain = props.trustDomain ?? DEFAULT_TRUST_DOMAIN;
    if (!isDns1123Subdomain(trustDomain)) {
      throw invalidInput(this, 'trustDomain', trustDomain, 'expected the mesh\'s trust domain, a DNS-1123 subdomain such as "cluster.local"');
    }
    for (const identity of identities) {
      validateNamespace(this, 'allowFrom', identity.namespaceName);
      if (identity.serviceAccountName !== undefined && !isDns1123Subdomain(identity.serviceAccountName)) {
        throw invalidInput(this, 'allowFrom', identity.serviceAccountName, 'expected the DNS-1123 name of a service account');
      }
    }
    return {
      principals: identities.filter((i) => i.serviceAccountName !== undefined).map((i) => `${trustDomain}/ns/${i.namespaceName}/sa/${i.serviceAccountName}`),
      namespaces: identities.filter((i) => i.serviceAccountName === undefined).map((i) => i.namespaceName),
    };
  }

  /** Records the route's rule in the gateway's allow-list: restricted to `allowed`, or open to every caller. */
  private addToAllowList(gateway: IEgressGateway, allowed: AllowedCallers | undefined, protocol: ServerProtocol): ApiObject | undefined {
    const allowList = EgressAllowList.of(gateway);
    allowList.add({
      host: this.host,
      targetPort: findWorkloadPort(gateway, this, 'gatewayPort', this.gatewayPort)?.targetPort,
      http: mutualTlsServerProtocol(protocol) === ServerProtocol.HTTPS,
      principals: allowed?.principals ?? [],
      namespaces: allowed?.namespaces ?? [],
      restricted: allowed !== undefined,
    });
    return allowList.resource;
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
