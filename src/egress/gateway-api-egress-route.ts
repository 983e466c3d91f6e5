import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { GatewaySpecListeners, GatewaySpecListenersTlsMode } from '../../imports/gateway.networking.k8s.io';
import { IstioAnalysis } from '../analysis/istio-analysis';
import { createGatewayApiObject } from '../api-version';
import { invalidInput } from '../private/errors';
import { validateNamespace, validateObjectName } from '../private/names';
import { ServerProtocol } from '../routing/server-protocol';
import type { EgressRouteOptions } from './egress-route';
import type { KubernetesEgressGateway } from './kubernetes-egress-gateway';
import { EgressDestinationRule } from './private/egress-destination-rule';
import { claimExternalPort } from './private/external-port-use';
import { resolveEgressTarget } from './private/egress-target';

/** Istio's group, which Gateway API references name for a ServiceEntry or a `Hostname`. */
const ISTIO_GROUP = 'networking.istio.io';
const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/** The route kinds that carry egress traffic in the Gateway API form. */
type EgressRouteKind = 'HTTPRoute' | 'TLSRoute' | 'TCPRoute';

/** Props of a `GatewayApiEgressRoute`. */
export interface GatewayApiEgressRouteProps extends EgressRouteOptions {
  /** The Gateway API egress gateway the traffic leaves through. */
  readonly egressGateway: KubernetesEgressGateway;
}

/**
 * Sends the mesh's traffic for one host of an external service through a Gateway API egress
 * gateway, in two hops, as Istio's egress gateway task does with the Gateway API: a route attached
 * to the external service's ServiceEntry sends the sidecars' traffic to the gateway's Service, and
 * a route on the gateway's listener for the host sends it to the external host (a backend of kind
 * `Hostname`). HTTP is carried by HTTPRoutes, TLS passthrough by TLSRoutes, TCP by TCPRoutes (a TCP
 * listener has no host name, so it carries one host); TLS origination is an
 * HTTP listener and route, and a DestinationRule in the gateway's namespace that makes the gateway
 * open TLS to the external port. The mesh route is in the route's namespace (a consumer route, for
 * that namespace's workloads, where it is not the ServiceEntry's); from another namespace than the
 * gateway's, a ReferenceGrant in the gateway's namespace lets it reach the gateway's Service.
 */
export class GatewayApiEgressRoute extends Construct {
  /** The route attached to the ServiceEntry that sends the mesh's traffic to the gateway (L1): an HTTPRoute, TLSRoute or TCPRoute. */
  public readonly meshRoute: ApiObject;

  /** The route on the gateway's listener that sends the traffic to the external host (L1). */
  public readonly gatewayRoute: ApiObject;

  /**
   * The ReferenceGrant that lets the mesh route, in another namespace than the gateway's, send
   * traffic to the gateway's Service (L1).
   * @default - none: the mesh route is in the gateway's namespace
   */
  public readonly referenceGrant?: ApiObject;

  /**
   * The DestinationRule that originates TLS (L1), shared with the other routes that originate TLS
   * to the host through the same gateway.
   * @default - none: only TLS origination creates one
   */
  public readonly destinationRule?: ApiObject;

  /** The routed host. */
  public readonly host: string;

  /** The external service's port the mesh's workloads call. */
  public readonly port: number;

  /** The egress gateway's port the traffic passes through. */
  public readonly gatewayPort: number;

  constructor(scope: Construct, id: string, props: GatewayApiEgressRouteProps) {
    super(scope, id);
    IstioAnalysis.enable(this);
    if (props.virtualServiceName !== undefined) {
      throw invalidInput(this, 'virtualServiceName', props.virtualServiceName, `the Gateway API traffic API has no VirtualService: the routes are named after the construct id (${id}-to-gateway and ${id}-from-gateway)`);
    }
    if (props.exportTo !== undefined) {
      throw invalidInput(this, 'exportTo', props.exportTo, 'a Gateway API route has no exportTo: a route in the ServiceEntry\'s namespace applies to every namespace\'s workloads, one in another namespace (namespace) to that namespace\'s alone');
    }
    if (props.allowFrom !== undefined || props.trustDomain !== undefined) {
      throw invalidInput(this, props.allowFrom !== undefined ? 'allowFrom' : 'trustDomain', props.allowFrom ?? props.trustDomain, 'an allow-list needs the mesh\'s mutual TLS to the egress gateway, which a Gateway API egress gateway does not have here: use an EgressGateway with meshMutualTls');
    }
    const gateway = props.egressGateway;
    const gatewayNamespace = gateway.namespace ?? Chart.of(gateway).namespace;
    const target = resolveEgressTarget(this, props, gatewayNamespace);
    this.host = target.host;
    this.port = target.servicePort.number;
    this.gatewayPort = target.gatewayPort;
    const mode = target.mode;
    const kind = this.routeKind(mode.serverProtocol);
    const meshNamespace = validateNamespace(this, 'namespace', props.namespace) ?? Chart.of(this).namespace;
    if (!props.externalService.isExportedTo(meshNamespace)) {
      throw invalidInput(this, 'namespace', meshNamespace, `the external service is not exported to namespace ${meshNamespace}, so a route there could not attach to its ServiceEntry: put the route in a namespace the ServiceEntry is exported to`);
    }
    if (meshNamespace !== gatewayNamespace && (meshNamespace === undefined || gatewayNamespace === undefined)) {
      throw invalidInput(this, 'namespace', meshNamespace, 'the route to the egress gateway\'s Service may cross namespaces, which a ReferenceGrant in the gateway\'s namespace must allow from the route\'s: give both the route (or its chart) and the egress gateway a namespace');
    }
    const listenerName = validateObjectName(this, 'id', id);
    const meshRouteName = validateObjectName(this, 'id', `${id}-to-gateway`);
    const gatewayRouteName = validateObjectName(this, 'id', `${id}-from-gateway`);
    const destinationRuleRequest = { host: this.host, namespace: gatewayNamespace, name: validateObjectName(this, 'destinationRuleName', props.destinationRuleName ?? id) };
    // Whether the route can join the DestinationRule is known before it claims the host on the gateway.
    if (mode.tlsOrigination) {
      EgressDestinationRule.find(gateway, this, destinationRuleRequest);
    }
    claimExternalPort(this, gatewayNamespace, this.host, mode.externalPort, mode.tlsOrigination !== undefined);
    gateway._addListener(this, this.host, this.listener(kind, listenerName));

    const service = props.externalService;
    const serviceEntryNamespace = service.namespace;
    this.meshRoute = createGatewayApiObject(this, 'MeshRoute', kind, {
      metadata: { name: meshRouteName, namespace: meshNamespace },
      spec: {
        parentRefs: [{
          group: ISTIO_GROUP,
          kind: 'ServiceEntry',
          name: service.serviceEntryName,
          namespace: serviceEntryNamespace === meshNamespace ? undefined : serviceEntryNamespace,
          port: this.port,
        }],
        hostnames: kind === 'TLSRoute' ? [this.host] : undefined,
        rules: [{ backendRefs: [{ name: gateway.serviceName!, namespace: meshNamespace === gatewayNamespace ? undefined : gatewayNamespace, port: this.gatewayPort }] }],
      },
    });
    if (meshNamespace !== gatewayNamespace) {
      // Istio follows a route's backendRef into another namespace only where a ReferenceGrant there allows it.
      this.referenceGrant = createGatewayApiObject(this, 'ReferenceGrant', 'ReferenceGrant', {
        metadata: { name: validateObjectName(this, 'id', `${meshNamespace}-${meshRouteName}`), namespace: gatewayNamespace },
        spec: {
          from: [{ group: GATEWAY_API_GROUP, kind, namespace: meshNamespace! }],
          to: [{ group: '', kind: 'Service', name: gateway.serviceName! }],
        },
      });
    }
    this.gatewayRoute = createGatewayApiObject(this, 'GatewayRoute', kind, {
      metadata: { name: gatewayRouteName, namespace: gatewayNamespace },
      spec: {
        parentRefs: [{ name: gateway.gatewayName, sectionName: listenerName }],
        hostnames: kind === 'TCPRoute' ? undefined : [this.host],
        rules: [{ backendRefs: [{ group: ISTIO_GROUP, kind: 'Hostname', name: this.host, port: mode.externalPort }] }],
      },
    });

    if (mode.tlsOrigination) {
      const rule = EgressDestinationRule.forRoute(gateway, this, destinationRuleRequest);
      rule.addPort(this, mode.externalPort, mode.tlsOrigination);
      this.destinationRule = rule.resource;
    }
  }

  /** The route kind that carries `protocol`, of those built for the Gateway API form. */
  private routeKind(protocol: ServerProtocol): EgressRouteKind {
    if (protocol === ServerProtocol.HTTP || protocol === ServerProtocol.HTTP2) {
      return 'HTTPRoute';
    }
    if (protocol === ServerProtocol.TLS) {
      return 'TLSRoute';
    }
    if (protocol === ServerProtocol.TCP) {
      return 'TCPRoute';
    }
    throw invalidInput(this, 'mode', protocol, `the Gateway API form of an egress route carries HTTP, TLS and TCP; ${protocol} through a Gateway API egress gateway (a GRPCRoute) is not built yet: use an EgressGateway (the Istio traffic API) for this route`);
  }

  /** The gateway's listener for the route: TCP carries no host name, so a TCP listener has none. */
  private listener(kind: EgressRouteKind, name: string): GatewaySpecListeners {
    switch (kind) {
      case 'TLSRoute':
        return { name, hostname: this.host, port: this.gatewayPort, protocol: 'TLS', tls: { mode: GatewaySpecListenersTlsMode.PASSTHROUGH } };
      case 'TCPRoute':
        return { name, port: this.gatewayPort, protocol: 'TCP' };
      default:
        return { name, hostname: this.host, port: this.gatewayPort, protocol: 'HTTP' };
    }
  }
}
