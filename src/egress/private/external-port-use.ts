import { IConstruct } from 'constructs';
import { invalidInput } from '../../private/errors';

/** How the routes of an app send traffic to one external host and port from a gateway namespace. */
interface ExternalPortUse {
  /** The construct path of the first route that sent traffic there. */
  readonly route: string;
  /** Whether the egress gateway opens TLS to the port (TLS origination) or sends the route's bytes as they are. */
  readonly originatesTls: boolean;
}

/** Per app (its root construct): the uses, keyed by gateway namespace, host and external port. */
const usesByApp = new WeakMap<IConstruct, Map<string, ExternalPortUse>>();

/**
 * Records that `route` sends traffic from an egress gateway in `gatewayNamespace` to `host` on
 * `port`, opening TLS there or not. A DestinationRule that originates TLS applies to every
 * connection the gateways of its namespace open to that host and port, so TLS that a client
 * passed through (or TCP) to the same port would be wrapped in a second layer of TLS, which the
 * external host cannot read.
 *
 * @throws when another route sends traffic there the other way
 */
export function claimExternalPort(route: IConstruct, gatewayNamespace: string | undefined, host: string, port: number, originatesTls: boolean): void {
  let uses = usesByApp.get(route.node.root);
  if (uses === undefined) {
    uses = new Map();
    usesByApp.set(route.node.root, uses);
  }
  const key = `${gatewayNamespace ?? ''}/${host}:${port}`;
  const earlier = uses.get(key);
  if (earlier === undefined) {
    uses.set(key, { route: route.node.path, originatesTls });
    return;
  }
  if (earlier.originatesTls === originatesTls) {
    return;
  }
  const [originating, other] = originatesTls ? [route.node.path, earlier.route] : [earlier.route, route.node.path];
  throw invalidInput(route, 'mode', originatesTls ? 'TLS origination' : 'no TLS origination', `${originating} originates TLS to ${host}:${port} from the egress gateways of namespace ${gatewayNamespace ?? '(the default)'}, and ${other} sends traffic there that is not opened there: the DestinationRule that originates TLS applies to both, and would wrap the TLS the application opened in a second layer. Send the application's own TLS directly from the sidecars (not through the gateway), or originate TLS for every route to that port`);
}
