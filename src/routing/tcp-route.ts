import { IConstruct } from 'constructs';
import { VirtualServiceSpecTcp } from '../../imports/networking.istio.io';
import { RouteDestination, renderRoute, resolveWeights } from './route-destination';

/** A TCP route: where the connections to a TCP port go. */
export interface TcpRouteOptions {
  /** Where connections are forwarded, with their shares when there are several. */
  readonly destinations: RouteDestination[];
}

/** The L1 TCP route for connections to `port`. Called at synth. */
export function renderTcpRoute(scope: IConstruct, field: string, port: number, destinations: readonly RouteDestination[]): VirtualServiceSpecTcp {
  const weights = resolveWeights(scope, `${field}.destinations`, destinations);
  return {
    match: [{ port }],
    route: renderRoute(scope, `${field}.destinations`, destinations, weights),
  };
}
