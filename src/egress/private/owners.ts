import { Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import type { IEgressGateway } from '../egress-gateway';

/**
 * The construct that owns what the routes through `gateway` share at the gateway: the gateway
 * itself, so that the objects live in its chart and namespace.
 */
export function gatewayOwner(gateway: IEgressGateway): Construct {
  if (!(gateway instanceof Construct)) {
    throw notALibraryEgressGateway(gateway);
  }
  return gateway;
}

/**
 * The error for an `IEgressGateway` that the library did not make: routes keep what they share
 * in the gateway's construct tree, which only the library's gateways hold.
 */
export function notALibraryEgressGateway(gateway: IConstruct): Error {
  return new Error(`${gateway.node.path}: an egress gateway is a construct of the library: EgressGateway or EgressGateway.fromSelector`);
}

/**
 * The construct that owns the mesh-side objects of routes through `gateway` made in the chart of
 * `route`: the gateway where the route is in the gateway's chart, else the gateway's stand-in in
 * the route's chart, so that a team's routes land in the team's chart (file and namespace). The
 * stand-in is a child of that chart named after the gateway's construct path.
 */
export function chartOwner(gateway: IEgressGateway, route: IConstruct): Construct {
  const chart = Chart.of(route);
  if (Chart.of(gateway) === chart) {
    return gatewayOwner(gateway);
  }
  const id = `EgressGateway:${gateway.node.path}`;
  const existing = chart.node.tryFindChild(id);
  return existing instanceof Construct ? existing : new Construct(chart, id);
}
