import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpMatch, VirtualServiceSpecHttpMatchUri } from '../../imports/networking.istio.io';
import { invalidInput, rejectIf } from '../private/errors';
import { rejectRuleErrors } from '../private/release-target';
import { headerNameProblem } from '../rules/webhook/headers';
import { checkMatchValue, MatchField } from '../rules/webhook/http-route';

/**
 * How a string in a request is matched: exactly one of the fields is set. The fields are those
 * of Istio's `StringMatch`, so that the config is emitted as it is.
 */
export interface StringMatchConfig {
  /**
   * The whole string equals this value.
   * @default - not an exact match
   */
  readonly exact?: string;
  /**
   * The string starts with this value.
   * @default - not a prefix match
   */
  readonly prefix?: string;
  /**
   * The whole string matches this RE2 regular expression.
   * @default - not a regex match
   */
  readonly regex?: string;
}

/** How a string in a request is matched. */
export class StringMatch {
  /** The whole string equals `value`. */
  public static exact(value: string): StringMatch {
    return new StringMatch({ exact: value });
  }

  /** The string starts with `value`. */
  public static prefix(value: string): StringMatch {
    return new StringMatch({ prefix: value });
  }

  /** The whole string matches the RE2 regular expression `pattern`. */
  public static regex(pattern: string): StringMatch {
    return new StringMatch({ regex: pattern });
  }

  private constructor(private readonly config: StringMatchConfig) {}

  /** The match, as Istio writes it. */
  public bind(): StringMatchConfig {
    return { ...this.config };
  }
}

/** How a request path is matched. */
export class PathMatch {
  /** The path equals `path`, such as `/healthz`. */
  public static exact(path: string): PathMatch {
    return new PathMatch(StringMatch.exact(path));
  }

  /** The path starts with `path`, such as `/api/`. */
  public static prefix(path: string): PathMatch {
    return new PathMatch(StringMatch.prefix(path));
  }

  /** The whole path matches the RE2 regular expression `pattern`, such as `/users/[0-9]+`. */
  public static regex(pattern: string): PathMatch {
    return new PathMatch(StringMatch.regex(pattern));
  }

  private constructor(private readonly match: StringMatch) {}

  /** The match of the request path, as Istio writes it. */
  public bind(): StringMatchConfig {
    return this.match.bind();
  }
}

/**
 * The L1 form of `match`, the value of the request's `on` (a header, the scheme, ...) that
 * `scope` holds in its prop `field`, judged by the match rule of the target release: an empty
 * prefix matches every path but no other value, a regex must be RE2, and `*` in `withoutHeaders`
 * is a presence match.
 */
export function renderStringMatch(scope: IConstruct, field: string, match: StringMatch | PathMatch, on: MatchField): VirtualServiceSpecHttpMatchUri {
  const config = match.bind();
  // the match rule reads the value at `value`; whatever it finds is this prop's
  rejectRuleErrors(scope, { apiVersion: '', kind: 'StringMatch', value: config }, (obj, report) => checkMatchValue(report, 'value', on, obj.value, false), () => field);
  return { ...config };
}

/** An HTTP request method. */
export enum HttpMethod {
  /** GET. */
  GET = 'GET',
  /** HEAD. */
  HEAD = 'HEAD',
  /** POST. */
  POST = 'POST',
  /** PUT. */
  PUT = 'PUT',
  /** DELETE. */
  DELETE = 'DELETE',
  /** PATCH. */
  PATCH = 'PATCH',
  /** OPTIONS. */
  OPTIONS = 'OPTIONS',
  /** CONNECT. */
  CONNECT = 'CONNECT',
  /** TRACE. */
  TRACE = 'TRACE',
}

/** Conditions a request must all meet for an HTTP route to take it. */
export interface HttpRouteMatch {
  /**
   * The request path.
   * @default - any path
   */
  readonly path?: PathMatch;

  /**
   * Whether `path` ignores case. Only for exact and prefix paths.
   * @default false
   */
  readonly ignoreUriCase?: boolean;

  /**
   * The request method.
   * @default - any method
   */
  readonly method?: HttpMethod;

  /**
   * Request headers by lowercase name, such as `{ 'x-canary': StringMatch.exact('true') }`.
   * @default - any headers
   */
  readonly headers?: { [name: string]: StringMatch };

  /**
   * Request headers that must not match, by lowercase name: `{ 'x-debug': StringMatch.exact('1') }`
   * takes requests without the header or with another value.
   * @default - no header excluded
   */
  readonly withoutHeaders?: { [name: string]: StringMatch };

  /**
   * Query parameters by name. Istio matches query parameters exactly or by regex, not by prefix.
   * @default - any query parameters
   */
  readonly queryParams?: { [name: string]: StringMatch };

  /**
   * The URI scheme of the request, such as `StringMatch.exact('https')`.
   * @default - any scheme
   */
  readonly scheme?: StringMatch;

  /**
   * The `Host`/`:authority` header.
   * @default - any of the route's hosts
   */
  readonly authority?: StringMatch;

  /**
   * The gateway port the request arrived on: one of the ports the exposure serves.
   * @default - any of them
   */
  readonly port?: number;

  /**
   * The Gateways the request arrived through, as `name` or `namespace/name`: some of those the
   * VirtualService is bound to.
   * @default - any of them
   */
  readonly gateways?: string[];
}

/** What a match is checked against: the gateways and ports of the VirtualService. */
export interface HttpMatchContext {
  readonly gateways: readonly string[];
  readonly ports: readonly number[];
}

/** The L1 form of `match`, checked against `context`. */
export function renderHttpMatch(scope: IConstruct, field: string, match: HttpRouteMatch, context: HttpMatchContext): VirtualServiceSpecHttpMatch {
  const uri = match.path === undefined ? undefined : renderStringMatch(scope, `${field}.path`, match.path, 'uri');
  if (match.ignoreUriCase && (uri === undefined || uri.regex !== undefined)) {
    throw invalidInput(scope, `${field}.ignoreUriCase`, true, 'applies only to an exact or prefix path: give one, or use a case-insensitive regex "(?i)..."');
  }
  if (match.port !== undefined && !context.ports.includes(match.port)) {
    throw invalidInput(scope, `${field}.port`, match.port, `expected a port the exposure serves: ${context.ports.join(', ')}`);
  }
  match.gateways?.forEach((gateway, i) => {
    if (!context.gateways.includes(gateway)) {
      throw invalidInput(scope, `${field}.gateways[${i}]`, gateway, `expected a gateway the VirtualService is bound to: ${context.gateways.join(', ')}`);
    }
  });
  return {
    uri,
    ignoreUriCase: match.ignoreUriCase,
    method: match.method === undefined ? undefined : { exact: match.method },
    headers: renderHeaderMatches(scope, `${field}.headers`, match.headers, 'headers'),
    withoutHeaders: renderHeaderMatches(scope, `${field}.withoutHeaders`, match.withoutHeaders, 'withoutHeaders'),
    queryParams: renderQueryParamMatches(scope, `${field}.queryParams`, match.queryParams),
    scheme: match.scheme === undefined ? undefined : renderStringMatch(scope, `${field}.scheme`, match.scheme, 'scheme'),
    authority: match.authority === undefined ? undefined : renderStringMatch(scope, `${field}.authority`, match.authority, 'authority'),
    port: match.port,
    gateways: match.gateways === undefined ? undefined : [...match.gateways],
  };
}

function renderHeaderMatches(scope: IConstruct, field: string, headers: { [name: string]: StringMatch } | undefined, on: 'headers' | 'withoutHeaders') {
  return renderNamedMatches(scope, field, headers, on, matchHeaderNameProblem);
}

function renderQueryParamMatches(scope: IConstruct, field: string, params: { [name: string]: StringMatch } | undefined) {
  for (const [name, match] of Object.entries(params ?? {})) {
    const prefix = match.bind().prefix;
    if (prefix !== undefined) {
      throw invalidInput(scope, `${field}["${name}"]`, prefix, 'istio matches query parameters exactly or by regex: use StringMatch.exact or StringMatch.regex');
    }
  }
  return renderNamedMatches(scope, field, params, 'queryParams', queryParamNameProblem);
}

function matchHeaderNameProblem(name: string): string | undefined {
  return headerNameProblem(name, true);
}

function queryParamNameProblem(name: string): string | undefined {
  return name.length > 0 ? undefined : 'expected a non-empty query parameter name';
}

function renderNamedMatches(scope: IConstruct, field: string, matches: { [name: string]: StringMatch } | undefined, on: MatchField, nameProblem: (name: string) => string | undefined) {
  if (matches === undefined) {
    return undefined;
  }
  const bound: { [name: string]: VirtualServiceSpecHttpMatchUri } = {};
  for (const name of Object.keys(matches).sort()) {
    rejectIf(scope, field, name, nameProblem(name));
    bound[name] = renderStringMatch(scope, `${field}["${name}"]`, matches[name], on);
  }
  return bound;
}
