import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttp } from '../../imports/networking.istio.io';
import { invalidInput, rejectIf } from '../private/errors';
import { requireFeature } from '../private/release-target';
import { answerConflictProblems, authorityConflictProblem } from '../rules/webhook/http-route';
import { MIRRORS } from '../rules/webhook/release-history';
import { CorsPolicy, renderCorsPolicy } from './cors-policy';
import { DirectResponse, renderDirectResponse } from './direct-response';
import { istioDuration } from './duration';
import { FaultInjection, renderFaultInjection } from './fault-injection';
import { HeaderOperations, HeaderTarget, renderHeaderOperations } from './header-operations';
import { HttpMatchContext, HttpRouteMatch, renderHttpMatch } from './http-match';
import { HttpRedirect, renderHttpRedirect } from './http-redirect';
import { HttpRewrite, renderHttpRewrite } from './http-rewrite';
import { MirrorPolicy, renderMirror, validateMirrorPolicy } from './mirror-policy';
import { renderRetryPolicy, RetryPolicy } from './retry-policy';
import { RouteDestination, renderRoute, resolveWeights } from './route-destination';

/**
 * An HTTP route: the requests it takes, and what it does with them. It forwards them to its
 * destinations, or answers with a redirect or a direct response instead.
 */
export interface HttpRouteOptions {
  /**
   * The route's name, shown in Envoy's stats and access logs.
   * @default - unnamed
   */
  readonly name?: string;

  /**
   * The requests the route takes: those that meet every condition of at least one match.
   * @default - every request
   */
  readonly matches?: HttpRouteMatch[];

  /**
   * Where requests are forwarded, with their shares when there are several.
   * @default - the exposure's backend, unless the route redirects or responds directly
   */
  readonly destinations?: RouteDestination[];

  /**
   * A redirect to answer with instead of forwarding.
   * @default - no redirect
   */
  readonly redirect?: HttpRedirect;

  /**
   * A fixed response to answer with instead of forwarding.
   * @default - no direct response
   */
  readonly directResponse?: DirectResponse;

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
   * or `mirrors`, not both: Istio rejects a route with both.
   * @default - no mirroring
   */
  readonly mirrors?: MirrorPolicy[];
}

/**
 * The options Istio refuses beside a redirect or a direct response. It admits `timeout`, `retries`
 * and mirrors there and ignores them: the analysis warns (CIG0208).
 */
const FORWARDING_ONLY = ['destinations', 'rewrite', 'fault'] as const;
const L1_FIELDS = { destinations: 'route', rewrite: 'rewrite', fault: 'fault' };

/**
 * An HTTP route checked and converted when it is added; its destinations, which refer to
 * Services and subsets that can still change, are converted at synth.
 */
export class HttpRoute {
  private readonly spec: VirtualServiceSpecHttp;
  private readonly destinations: RouteDestination[] | undefined;
  private readonly weights: Array<number | undefined>;

  /**
   * @param defaultDestinations where the route forwards when its options name no destination
   */
  constructor(
    private readonly scope: IConstruct,
    private readonly field: string,
    private readonly options: HttpRouteOptions,
    context: HttpMatchContext,
    defaultDestinations: RouteDestination[] | undefined,
  ) {
    const answer = options.redirect !== undefined ? 'redirect' : options.directResponse !== undefined ? 'directResponse' : undefined;
    if (options.redirect !== undefined && options.directResponse !== undefined) {
      rejectIf(scope, `${field}.directResponse`, options.directResponse, answerConflictProblems({ redirect: {}, directResponse: {} })[0]);
    }
    if (answer !== undefined) {
      for (const key of FORWARDING_ONLY) {
        if (options[key] !== undefined) {
          rejectIf(scope, `${field}.${key}`, key, answerConflictProblems({ [answer]: {}, [L1_FIELDS[key]]: [{}] })[0]);
        }
      }
    }
    this.destinations = answer === undefined ? options.destinations ?? defaultDestinations : undefined;
    if (answer === undefined && this.destinations === undefined) {
      throw invalidInput(scope, `${field}.destinations`, undefined, 'the exposure has no backend: give destinations, a redirect or a direct response');
    }
    this.weights = this.destinations === undefined ? [] : resolveWeights(scope, `${field}.destinations`, this.destinations);
    if (options.name !== undefined && options.name.trim().length === 0) {
      throw invalidInput(scope, `${field}.name`, options.name, 'expected a non-empty name');
    }
    this.validateSingleAuthority();
    this.validateMirrors();
    if (options.matches !== undefined && options.matches.length === 0) {
      throw invalidInput(scope, `${field}.matches`, [], 'expected at least one match, or leave matches out to take every request');
    }
    this.spec = {
      name: options.name,
      match: options.matches?.map((m, i) => renderHttpMatch(scope, `${field}.matches[${i}]`, m, context)),
      redirect: options.redirect === undefined ? undefined : renderHttpRedirect(scope, `${field}.redirect`, options.redirect),
      directResponse: options.directResponse === undefined ? undefined : renderDirectResponse(scope, `${field}.directResponse`, options.directResponse),
      rewrite: options.rewrite === undefined ? undefined : renderHttpRewrite(scope, `${field}.rewrite`, options.rewrite),
      timeout: options.timeout === undefined ? undefined : istioDuration(scope, `${field}.timeout`, options.timeout),
      retries: options.retries === undefined ? undefined : renderRetryPolicy(scope, `${field}.retries`, options.retries),
      headers: this.headers(),
      corsPolicy: options.cors === undefined ? undefined : renderCorsPolicy(scope, `${field}.cors`, options.cors),
      fault: options.fault === undefined ? undefined : renderFaultInjection(scope, `${field}.fault`, options.fault),
    };
  }

  /** The route's name, if it has one. */
  public get name(): string | undefined {
    return this.options.name;
  }

  /** The L1 HTTP route without its destinations and mirrors, as checked when it was added. */
  public renderOptions(): VirtualServiceSpecHttp {
    return { ...this.spec };
  }

  /** The L1 HTTP route. Called at synth. */
  public render(): VirtualServiceSpecHttp {
    const mirror = this.options.mirror === undefined ? undefined : renderMirror(this.scope, `${this.field}.mirror`, this.options.mirror);
    if (this.options.mirrors !== undefined) {
      requireFeature(this.scope, `${this.field}.mirrors`, 'mirrors', MIRRORS);
    }
    return {
      ...this.spec,
      route: this.destinations === undefined ? undefined : renderRoute(this.scope, `${this.field}.destinations`, this.destinations, this.weights),
      mirror: mirror?.destination,
      mirrorPercentage: mirror?.percentage,
      mirrors: this.options.mirrors?.map((m, i) => renderMirror(this.scope, `${this.field}.mirrors[${i}]`, m)),
    };
  }

  private validateMirrors(): void {
    const { mirror, mirrors } = this.options;
    if (mirror !== undefined) {
      validateMirrorPolicy(this.scope, `${this.field}.mirror`, mirror);
    }
    if (mirrors === undefined) {
      return;
    }
    if (mirror !== undefined) {
      throw invalidInput(this.scope, `${this.field}.mirrors`, 'mirrors', 'give mirror or mirrors, not both: move mirror into mirrors');
    }
    if (mirrors.length === 0) {
      throw invalidInput(this.scope, `${this.field}.mirrors`, [], 'expected at least one mirror, or leave mirrors out');
    }
    mirrors.forEach((m, i) => validateMirrorPolicy(this.scope, `${this.field}.mirrors[${i}]`, m));
  }

  private headers(): VirtualServiceSpecHttp['headers'] {
    const { requestHeaders, responseHeaders } = this.options;
    if (requestHeaders === undefined && responseHeaders === undefined) {
      return undefined;
    }
    return {
      request: requestHeaders === undefined ? undefined : renderHeaderOperations(this.scope, `${this.field}.requestHeaders`, requestHeaders, HeaderTarget.REQUEST),
      response: responseHeaders === undefined ? undefined : renderHeaderOperations(this.scope, `${this.field}.responseHeaders`, responseHeaders, HeaderTarget.RESPONSE),
    };
  }

  /** Istio rejects a route that sets the authority in two places: the rewrite and the headers. */
  private validateSingleAuthority(): void {
    const { rewrite, requestHeaders } = this.options;
    const headers = { request: { set: requestHeaders?.set, add: requestHeaders?.add } };
    rejectIf(this.scope, `${this.field}.requestHeaders`, requestHeaders, authorityConflictProblem(rewrite?.authority ?? '', headers));
  }
}
