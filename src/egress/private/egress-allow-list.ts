import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { AuthorizationPolicySpecAction, AuthorizationPolicySpecRules, AuthorizationPolicySpecRulesFrom } from '../../../imports/security.istio.io';
import { createAuthorizationPolicy } from '../../api-version';
import { IstioAnalysis } from '../../analysis/istio-analysis';
import { validateObjectName } from '../../private/names';
import type { IEgressGateway } from '../egress-gateway';
import { gatewayOwner } from './owners';

/** The id of an egress gateway's allow-list among its children. */
const ID = 'AllowList';

/** Who may send one host's traffic through one gateway port, and how the gateway tells the host. */
export interface AllowedRoute {
  readonly host: string;
  /**
   * The port the gateway's Envoy listens on for the route, which the policy matches.
   * @default - any port: the workload's ports are not known
   */
  readonly targetPort?: number;
  /** True when the gateway reads the route's requests (an HTTPS server), false when it forwards TLS or TCP. */
  readonly http: boolean;
  /**
   * The principals (`<trust domain>/ns/<namespace>/sa/<service account>`) allowed.
   * @default - none
   */
  readonly principals: string[];
  /** The namespaces allowed. */
  readonly namespaces: string[];
  /** False for a route without an allow-list, which every caller may use. */
  readonly restricted: boolean;
}

/**
 * The AuthorizationPolicy `<gatewayName>-allow-list` on an egress gateway's workload: an ALLOW
 * policy with a rule per route through the gateway, matching the route's host (by authority for
 * requests, by the SNI of the mesh's TLS otherwise) and port, and, for a route with an
 * allow-list, the identities it names. An ALLOW policy denies whatever no rule allows, so once one
 * route has an allow-list, the gateway's routes without one get a rule without sources: they stay
 * open to every caller, and what no route names is denied. It is created with the first route
 * that has an allow-list; every route through the gateway records its rule.
 */
export class EgressAllowList extends Construct {
  /** The allow-list of `gateway`, created with the first route through it. */
  public static of(gateway: IEgressGateway): EgressAllowList {
    const owner = gatewayOwner(gateway);
    const existing = owner.node.tryFindChild(ID);
    return existing instanceof EgressAllowList ? existing : new EgressAllowList(owner, gateway);
  }

  private readonly routes: AllowedRoute[] = [];
  private policy?: ApiObject;

  private constructor(owner: Construct, private readonly gateway: IEgressGateway) {
    super(owner, ID);
  }

  /** The AuthorizationPolicy (L1), once a route has an allow-list. */
  public get resource(): ApiObject | undefined {
    return this.policy;
  }

  /** Records the rule of a route, and creates the policy with the first restricted one. */
  public add(route: AllowedRoute): void {
    this.routes.push(route);
    if (route.restricted) {
      this.policy ??= createAuthorizationPolicy(this, 'Resource', IstioAnalysis.targetReleaseOf(this), {
        metadata: { name: validateObjectName(this.gateway, 'gatewayName', `${this.gateway.gatewayName}-allow-list`), namespace: this.gateway.namespace },
        spec: {
          selector: { matchLabels: this.gateway.selectorLabels },
          action: AuthorizationPolicySpecAction.ALLOW,
          rules: Lazy.any({ produce: () => this.render() }),
        },
      });
    }
  }

  /** The rules by host, then port: the policy reads the same whatever order the routes came in. */
  private render(): AuthorizationPolicySpecRules[] {
    const routes = [...this.routes].sort((a, b) => compare(a.host, b.host) || (a.targetPort ?? 0) - (b.targetPort ?? 0));
    return routes.map((route) => ({
      from: route.restricted ? sources(route) : undefined,
      to: route.http || route.targetPort !== undefined ? [{
        operation: {
          // An authority names its port unless it is the scheme's default.
          hosts: route.http ? [route.host, `${route.host}:*`] : undefined,
          ports: route.targetPort !== undefined ? [String(route.targetPort)] : undefined,
        },
      }] : undefined,
      when: route.http ? undefined : [{ key: 'connection.sni', values: [route.host] }],
    }));
  }
}

function sources(route: AllowedRoute): AuthorizationPolicySpecRulesFrom[] {
  const from: AuthorizationPolicySpecRulesFrom[] = [];
  if (route.principals.length > 0) {
    from.push({ source: { principals: [...route.principals].sort() } });
  }
  if (route.namespaces.length > 0) {
    from.push({ source: { namespaces: [...route.namespaces].sort() } });
  }
  return from;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
