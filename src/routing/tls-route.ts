import { IConstruct } from 'constructs';
import { VirtualServiceSpecTls } from '../../imports/networking.istio.io';
import { RouteDestination, renderRoute, resolveWeights } from './route-destination';

/** A TLS route: where the passed-through TLS connections for some SNI hosts go. */
export interface TlsRouteOptions {
  /** The SNI hosts the route takes: some of the exposure's hosts, or names its wildcards cover. */
  readonly sniHosts: string[];

  /** Where connections are forwarded, with their shares when there are several. */
  readonly destinations: RouteDestination[];
}

/** The L1 TLS route for connections to `port` with one of `sniHosts`. Called at synth. */
export function renderTlsRoute(scope: IConstruct, field: string, port: number, sniHosts: readonly string[], destinations: readonly RouteDestination[]): VirtualServiceSpecTls {
  const weights = resolveWeights(scope, `${field}.destinations`, destinations);
  return {
    match: [{ port, sniHosts: [...sniHosts] }],
    route: renderRoute(scope, `${field}.destinations`, destinations, weights),
  };
}
