import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpMatch, VirtualServiceSpecHttpMatchUri } from '../../imports/networking.istio.io';
import { invalidInput, rejectIf } from '../private/errors';
import { headerNameProblem } from '../rules/webhook/headers';
import { validateRegex } from './regex';

/** How a string in a request is matched. */
export class StringMatch {
  /** The whole string equals `value`. */
  public static exact(value: string): StringMatch {
    return new StringMatch('exact', value);
  }

  /** The string starts with `value`. */
  public static prefix(value: string): StringMatch {
    return new StringMatch('prefix', value);
  }

  /** The whole string matches the RE2 regular expression `pattern`. */
  public static regex(pattern: string): StringMatch {
    return new StringMatch('regex', pattern);
  }

  private constructor(
    /** `exact`, `prefix` or `regex`. */
    public readonly kind: string,
    /** The value or pattern. */
    public readonly value: string,
  ) {}

  /** The L1 form, `{ exact }`, `{ prefix }` or `{ regex }`. Throws on an empty value or a bad regex. */
  public bind(scope: IConstruct, field: string): VirtualServiceSpecHttpMatchUri {
    if (this.kind === 'regex') {
      return { regex: validateRegex(scope, field, this.value) };
    }
    if (this.value.length === 0) {
      throw invalidInput(scope, field, this.value, `expected a non-empty ${this.kind} value`);
    }
    return { [this.kind]: this.value };
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

  /** The L1 form. Throws unless an exact or prefix path starts with `/`, or on a bad regex. */
  public bind(scope: IConstruct, field: string): VirtualServiceSpecHttpMatchUri {
    if (this.match.kind !== 'regex' && !this.match.value.startsWith('/')) {
      throw invalidInput(scope, field, this.match.value, 'expected a path starting with "/"');
    }
    return this.match.bind(scope, field);
  }
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
export function bindHttpMatch(scope: IConstruct, field: string, match: HttpRouteMatch, context: HttpMatchContext): VirtualServiceSpecHttpMatch {
  const uri = match.path?.bind(scope, `${field}.path`);
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
    headers: bindHeaders(scope, `${field}.headers`, match.headers),
    withoutHeaders: bindHeaders(scope, `${field}.withoutHeaders`, match.withoutHeaders),
    queryParams: bindQueryParams(scope, `${field}.queryParams`, match.queryParams),
    scheme: match.scheme?.bind(scope, `${field}.scheme`),
    authority: match.authority?.bind(scope, `${field}.authority`),
    port: match.port,
    gateways: match.gateways === undefined ? undefined : [...match.gateways],
  };
}

function bindHeaders(scope: IConstruct, field: string, headers: { [name: string]: StringMatch } | undefined) {
  return bindNamed(scope, field, headers, matchHeaderNameProblem);
}

function bindQueryParams(scope: IConstruct, field: string, params: { [name: string]: StringMatch } | undefined) {
  for (const [name, match] of Object.entries(params ?? {})) {
    if (match.kind === 'prefix') {
      throw invalidInput(scope, `${field}["${name}"]`, match.value, 'istio matches query parameters exactly or by regex: use StringMatch.exact or StringMatch.regex');
    }
  }
  return bindNamed(scope, field, params, queryParamNameProblem);
}

function matchHeaderNameProblem(name: string): string | undefined {
  return headerNameProblem(name, true);
}

function queryParamNameProblem(name: string): string | undefined {
  return name.length > 0 ? undefined : 'expected a non-empty query parameter name';
}

function bindNamed(scope: IConstruct, field: string, matches: { [name: string]: StringMatch } | undefined, nameProblem: (name: string) => string | undefined) {
  if (matches === undefined) {
    return undefined;
  }
  const bound: { [name: string]: VirtualServiceSpecHttpMatchUri } = {};
  for (const name of Object.keys(matches).sort()) {
    rejectIf(scope, field, name, nameProblem(name));
    bound[name] = matches[name].bind(scope, `${field}["${name}"]`);
  }
  return bound;
}
