import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpCorsPolicy, VirtualServiceSpecHttpCorsPolicyAllowOrigins } from '../../imports/networking.istio.io';
import { invalidInput, rejectIf } from '../private/errors';
import { istioDuration } from './duration';
import { headerNameProblem } from '../rules/webhook/headers';
import { emptyOriginProblem } from '../rules/webhook/http-policies';
import { HttpMethod, StringMatch } from './http-match';
import { validateRegex } from './regex';

/** A Cross-Origin Resource Sharing policy, answered by the gateway. */
export interface CorsPolicy {
  /** The origins allowed, such as `StringMatch.exact('https://app.example.com')`. */
  readonly allowOrigins: StringMatch[];

  /**
   * The methods allowed.
   * @default - the methods of simple requests (GET, HEAD, POST)
   */
  readonly allowMethods?: HttpMethod[];

  /**
   * The request headers allowed.
   * @default - the CORS-safelisted headers
   */
  readonly allowHeaders?: string[];

  /**
   * The response headers the browser lets scripts read.
   * @default - the CORS-safelisted headers
   */
  readonly exposeHeaders?: string[];

  /**
   * How long browsers cache the result of a preflight request, in whole seconds.
   * @default - the browser's default
   */
  readonly maxAge?: Duration;

  /**
   * Whether requests with credentials (cookies, authorization) are allowed.
   * @default false
   */
  readonly allowCredentials?: boolean;
}

/** The L1 form of `cors`. */
export function renderCorsPolicy(scope: IConstruct, field: string, cors: CorsPolicy): VirtualServiceSpecHttpCorsPolicy {
  if (cors.allowOrigins.length === 0) {
    throw invalidInput(scope, `${field}.allowOrigins`, [], 'expected at least one origin');
  }
  for (const key of ['allowHeaders', 'exposeHeaders'] as const) {
    (cors[key] ?? []).forEach((name, i) => {
      if (name !== '*') {
        rejectIf(scope, `${field}.${key}[${i}]`, name, headerNameProblem(name));
      }
    });
  }
  if (cors.maxAge !== undefined && cors.maxAge.toMilliseconds({ integral: false }) % 1000 !== 0) {
    throw invalidInput(scope, `${field}.maxAge`, cors.maxAge.toHumanString(), 'expected whole seconds: browsers cache preflights by the second');
  }
  return {
    allowOrigins: cors.allowOrigins.map((origin, i) => renderOrigin(scope, `${field}.allowOrigins[${i}]`, origin)),
    allowMethods: cors.allowMethods === undefined ? undefined : [...cors.allowMethods],
    allowHeaders: cors.allowHeaders === undefined ? undefined : [...cors.allowHeaders],
    exposeHeaders: cors.exposeHeaders === undefined ? undefined : [...cors.exposeHeaders],
    maxAge: cors.maxAge === undefined ? undefined : istioDuration(scope, `${field}.maxAge`, cors.maxAge),
    allowCredentials: cors.allowCredentials,
  };
}

/** The L1 form of an allowed `origin`, judged by the CORS rule: not empty, and a regex Istio accepts. */
function renderOrigin(scope: IConstruct, field: string, origin: StringMatch): VirtualServiceSpecHttpCorsPolicyAllowOrigins {
  const config = origin.bind();
  rejectIf(scope, field, config, emptyOriginProblem(config));
  if (config.regex !== undefined) {
    validateRegex(scope, field, config.regex);
  }
  return { ...config };
}
