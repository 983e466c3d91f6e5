import { ApiObject, Lazy } from 'cdk8s';
import { IConstruct } from 'constructs';
import { AppRegistry } from './app-registry';
import { DestinationRuleSpecTrafficPolicyPortLevelSettings, DestinationRuleSpecTrafficPolicyPortLevelSettingsTls } from '../../../imports/networking.istio.io';
import { createIstioObject } from '../../api-version';
import { invalidInput } from '../../private/errors';

/** What a TLS-originating route asks of the DestinationRule of its host. */
export interface EgressDestinationRuleRequest {
  readonly host: string;
  /** The egress gateway's namespace, where the rule lives. */
  readonly namespace: string | undefined;
  readonly name: string;
  /** Whether the route named the DestinationRule itself, so that another name is a conflict. */
  readonly nameIsExplicit: boolean;
}

/** The TLS settings of one external port, and the route that set them first. */
interface PortTls {
  readonly tls: DestinationRuleSpecTrafficPolicyPortLevelSettingsTls;
  readonly owner: string;
}

/** Every app's TLS-originating DestinationRules, by namespace and host. */
const REGISTRY = new AppRegistry<EgressDestinationRule>();

/**
 * The one DestinationRule that originates TLS to an external host at the egress gateways of a
 * namespace. Istio applies the traffic policy of only one of several DestinationRules for a host,
 * so every TLS-originating route for the host adds its port here.
 */
export class EgressDestinationRule {
  /**
   * The DestinationRule of `request.host` in the egress gateway's namespace, created by `route`
   * when it is the first route that originates TLS to the host.
   *
   * @throws when an earlier route named the DestinationRule otherwise
   */
  public static forRoute(route: IConstruct, request: EgressDestinationRuleRequest): EgressDestinationRule {
    return REGISTRY.findOrCreate(route, `${request.namespace ?? ''}/${request.host}`,
      () => new EgressDestinationRule(route, request),
      (existing) => existing.checkJoin(route, request));
  }

  /** The DestinationRule (L1). */
  public readonly resource: ApiObject;

  private readonly ports = new Map<number, PortTls>();
  private readonly firstRoute: string;

  private constructor(route: IConstruct, private readonly request: EgressDestinationRuleRequest) {
    this.firstRoute = route.node.path;
    this.resource = createIstioObject(route, 'DestinationRule', 'DestinationRule', {
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
   * Originates TLS to external port `port` with `tls`. Routes that share the port must agree on
   * the settings.
   *
   * @throws when an earlier route originates TLS to `port` with other settings
   */
  public addPort(route: IConstruct, port: number, tls: DestinationRuleSpecTrafficPolicyPortLevelSettingsTls): void {
    const existing = this.ports.get(port);
    if (!existing) {
      this.ports.set(port, { tls, owner: route.node.path });
    } else if (JSON.stringify(existing.tls) !== JSON.stringify(tls)) {
      throw invalidInput(route, 'mode', tls, `${existing.owner} already originates TLS to ${this.request.host} port ${port} with ${JSON.stringify(existing.tls)}, and one port has one TLS setting: originate TLS with the same sni, verification and subjectAltNames`);
    }
  }

  private checkJoin(route: IConstruct, request: EgressDestinationRuleRequest): void {
    if (request.nameIsExplicit && request.name !== this.request.name) {
      throw invalidInput(route, 'destinationRuleName', request.name, `${this.firstRoute} already originates TLS to ${request.host} with DestinationRule ${this.request.name}, which this route joins since Istio applies one DestinationRule per host: leave destinationRuleName out or set it to "${this.request.name}"`);
    }
  }

  private render(): DestinationRuleSpecTrafficPolicyPortLevelSettings[] {
    return [...this.ports.entries()].map(([port, { tls }]) => ({ port: { number: port }, tls }));
  }
}
