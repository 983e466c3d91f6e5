import { Duration } from 'cdk8s';
import { CorsPolicy } from '../routing/cors-policy';
import { FaultInjection } from '../routing/fault-injection';
import { HeaderOperations } from '../routing/header-operations';
import { HttpRewrite } from '../routing/http-rewrite';
import { MirrorPolicy } from '../routing/mirror-policy';
import { RetryPolicy } from '../routing/retry-policy';

/**
 * How an exposure's default route behaves: the route to `backend` that takes every request no
 * added route takes. It has the behaviours of an added HTTP route, not its matches or
 * destinations, which are what makes it the default route.
 */
export interface BackendRouteOptions {
  /**
   * The route's name, shown in Envoy's stats and access logs.
   * @default - unnamed
   */
  readonly name?: string;

  /**
   * A rewrite of the path or host before forwarding.
   * @default - no rewrite
   */
  readonly rewrite?: HttpRewrite;

  /**
   * How long a forwarded request may take, retries included.
   * @default - no timeout
   */
  readonly timeout?: Duration;

  /**
   * How failed requests are retried.
   * @default - Istio's default: 2 attempts
   */
  readonly retries?: RetryPolicy;

  /**
   * Changes to the request's headers before forwarding.
   * @default - none
   */
  readonly requestHeaders?: HeaderOperations;

  /**
   * Changes to the response's headers before returning it.
   * @default - none
   */
  readonly responseHeaders?: HeaderOperations;

  /**
   * The CORS policy.
   * @default - no CORS handling: preflight requests are forwarded
   */
  readonly cors?: CorsPolicy;

  /**
   * Faults to inject.
   * @default - none
   */
  readonly fault?: FaultInjection;

  /**
   * A copy of the requests sent to a second destination.
   * @default - no mirroring
   */
  readonly mirror?: MirrorPolicy;

  /**
   * Copies of the requests sent to several destinations, each with its own share. Give `mirror`
   * or `mirrors`, not both.
   * @default - no mirroring
   */
  readonly mirrors?: MirrorPolicy[];
}
