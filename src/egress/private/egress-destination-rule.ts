import { ApiObject, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { DestinationRuleSpecTrafficPolicyPortLevelSettings, DestinationRuleSpecTrafficPolicyPortLevelSettingsTls, DestinationRuleSpecTrafficPolicyPortLevelSettingsTlsMode } from '../../../imports/networking.istio.io';
import { createIstioObject } from '../../api-version';
import { invalidInput } from '../../private/errors';
import type { TlsOriginationConfig } from '../egress-mode';

/** What a TLS-originating route asks of the DestinationRule of its host. */
export interface EgressDestinationRuleRequest {
  readonly host: string;
  /** The egress gateway's namespace, where the rule lives. */
  readonly namespace: string | undefined;
  readonly name: string;
}

/** The TLS settings of one external port, and the route that set them first. */
interface PortTls {
  readonly tls: DestinationRuleSpecTrafficPolicyPortLevelSettingsTls;
  readonly owner: string;
}

/**
 * The one DestinationRule that makes an egress gateway originate TLS to an external host. Istio
 * applies the traffic policy of only one of several DestinationRules for a host, so every
 * TLS-originating route for the host through the gateway adds its port here. It is a child of the
 * egress gateway, keyed by host, and lives in the gateway's namespace.
 */
export class EgressDestinationRule extends Construct {
  /**
   * The DestinationRule of `request.host` among the children of the egress gateway `owner`,
   * created with the first route that originates TLS to the host.
   *
   * @throws when an earlier route named the DestinationRule otherwise
   */
  public static forRoute(owner: Construct, route: IConstruct, request: EgressDestinationRuleRequest): EgressDestinationRule {
    return EgressDestinationRule.find(owner, route, request) ?? new EgressDestinationRule(owner, idOf(request), route, request);
  }

  /**
   * The DestinationRule of `request.host` among the children of `owner`, if a route created it.
   *
   * @throws when the route cannot join it: it names the DestinationRule otherwise
   */
  public static find(owner: Construct, route: IConstruct, request: EgressDestinationRuleRequest): EgressDestinationRule | undefined {
    const existing = owner.node.tryFindChild(idOf(request));
    if (!(existing instanceof EgressDestinationRule)) {
      return undefined;
    }
    existing.checkJoin(route, request);
    return existing;
  }

  /** The DestinationRule (L1). */
  public readonly resource: ApiObject;

  private readonly ports = new Map<number, PortTls>();
  private readonly firstRoute: string;

  private constructor(owner: Construct, id: string, route: IConstruct, private readonly request: EgressDestinationRuleRequest) {
    super(owner, id);
    this.firstRoute = route.node.path;
    this.resource = createIstioObject(this, 'Resource', 'DestinationRule', {
      metadata: { name: request.name, namespace: request.namespace },
      spec: {
        host: request.host,
        // Only the egress gateway originates TLS: a sidecar that applied this rule would wrap
        // the application's own TLS on the same port in a second layer.
        exportTo: ['.'],
        trafficPolicy: { portLevelSettings: Lazy.any({ produce: () => this.render() }) },
      },
    });
  }

  /**
   * Originates TLS to external port `port` after `origination`, in SIMPLE mode: the egress
   * gateway verifies the server, the server does not ask for a client certificate. Routes that
   * share the port must agree on the settings.
   *
   * @throws when an earlier route originates TLS to `port` with other settings
   */
  public addPort(route: IConstruct, port: number, origination: TlsOriginationConfig): void {
    const tls: DestinationRuleSpecTrafficPolicyPortLevelSettingsTls = {
      mode: DestinationRuleSpecTrafficPolicyPortLevelSettingsTlsMode.SIMPLE,
      sni: origination.sni,
      ...origination.verification,
      subjectAltNames: origination.subjectAltNames,
    };
    const existing = this.ports.get(port);
    if (!existing) {
      this.ports.set(port, { tls, owner: route.node.path });
    } else if (JSON.stringify(existing.tls) !== JSON.stringify(tls)) {
      throw invalidInput(route, 'mode', tls, `${existing.owner} already originates TLS to ${this.request.host} port ${port} with ${JSON.stringify(existing.tls)}, and one port has one TLS setting: originate TLS with the same sni, verification and subjectAltNames`);
    }
  }

  private checkJoin(route: IConstruct, request: EgressDestinationRuleRequest): void {
    if (request.name !== this.request.name) {
      throw invalidInput(route, 'destinationRuleName', request.name, `${this.firstRoute} already originates TLS to ${request.host} with DestinationRule ${this.request.name}, which this route joins since Istio applies one DestinationRule per host: set destinationRuleName to "${this.request.name}"`);
    }
  }

  /** The ports in order, so that the object reads the same whatever order the routes were declared in. */
  private render(): DestinationRuleSpecTrafficPolicyPortLevelSettings[] {
    return [...this.ports.entries()].sort(([a], [b]) => a - b).map(([port, { tls }]) => ({ port: { number: port }, tls }));
  }
}

function idOf(request: EgressDestinationRuleRequest): string {
  return `DestinationRule:${request.host}`;
}
