import { createHash } from 'crypto';
import { ApiObject, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { DestinationRuleSpecSubsets, DestinationRuleSpecSubsetsTrafficPolicyPortLevelSettingsTlsMode } from '../../../imports/networking.istio.io';
import { createIstioObject } from '../../api-version';
import { invalidInput } from '../../private/errors';
import { validateObjectName } from '../../private/names';
import { isDnsLabel } from '../../rules/webhook/names';
import type { IEgressGateway } from '../egress-gateway';
import { gatewayOwner } from './owners';

/** The id of an egress gateway's mutual TLS DestinationRule among its children. */
const ID = 'MutualTlsDestinationRule';

/** The longest DNS-1123 label. */
const MAX_LABEL = 63;

/** The gateway ports of one external host, and the route that added the host. */
interface HostSubset {
  readonly name: string;
  readonly ports: Set<number>;
  readonly firstRoute: string;
}

/**
 * The DestinationRule `<gatewayName>-mtls` for an egress gateway's Service, with which the
 * sidecars carry the mesh hop in the mesh's mutual TLS. Each routed host has a subset that sends
 * the host as SNI on its gateway ports: the gateway's server for the host is chosen by that SNI,
 * since the mesh's TLS hides whatever the application sent. It is a child of the egress gateway,
 * in its namespace, created with the first route.
 */
export class EgressMutualTlsRule extends Construct {
  /** The rule of `gateway`, created with the first route through it. */
  public static of(gateway: IEgressGateway): EgressMutualTlsRule {
    const owner = gatewayOwner(gateway);
    const existing = owner.node.tryFindChild(ID);
    return existing instanceof EgressMutualTlsRule ? existing : new EgressMutualTlsRule(owner, gateway);
  }

  /** The DestinationRule (L1). */
  public readonly resource: ApiObject;

  private readonly subsets = new Map<string, HostSubset>();

  private constructor(owner: Construct, gateway: IEgressGateway) {
    super(owner, ID);
    this.resource = createIstioObject(this, 'Resource', 'DestinationRule', {
      metadata: { name: validateObjectName(gateway, 'gatewayName', `${gateway.gatewayName}-mtls`), namespace: gateway.namespace },
      spec: {
        host: gateway.serviceHost(),
        subsets: Lazy.any({ produce: () => this.render() }),
      },
    });
  }

  /**
   * Adds gateway port `gatewayPort` to the subset of `host`.
   *
   * @returns the subset's name, which the route's mesh hop names
   * @throws when another host's subset has the same name
   */
  public addHost(route: IConstruct, host: string, gatewayPort: number): string {
    const name = subsetName(host);
    const clash = [...this.subsets.entries()].find(([other, subset]) => other !== host && subset.name === name);
    if (clash) {
      throw invalidInput(route, 'host', host, `${clash[1].firstRoute} routes ${clash[0]}, whose mutual TLS subset is also named ${name}: route one of them through another egress gateway`);
    }
    const subset = this.subsets.get(host) ?? { name, ports: new Set<number>(), firstRoute: route.node.path };
    subset.ports.add(gatewayPort);
    this.subsets.set(host, subset);
    return name;
  }

  /** The subsets by name and their ports in order: the rule reads the same whatever order the routes came in. */
  private render(): DestinationRuleSpecSubsets[] {
    return [...this.subsets.entries()]
      .sort(([, a], [, b]) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(([host, subset]) => ({
        name: subset.name,
        trafficPolicy: {
          portLevelSettings: [...subset.ports].sort((a, b) => a - b).map((port) => ({
            port: { number: port },
            tls: { mode: DestinationRuleSpecSubsetsTrafficPolicyPortLevelSettingsTlsMode.ISTIO_UNDERSCORE_MUTUAL, sni: host },
          })),
        },
      }));
  }
}

/**
 * The subset name of `host`: its labels joined by `-`, a DNS-1123 label as Istio requires, cut
 * and suffixed with a hash of the host where that is too long.
 */
export function subsetName(host: string): string {
  const joined = host.toLowerCase().replace(/\./g, '-');
  if (isDnsLabel(joined)) {
    return joined;
  }
  const hash = createHash('sha256').update(host).digest('hex').slice(0, 8);
  return `${joined.slice(0, MAX_LABEL - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}
