import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpRedirect } from '../../imports/networking.istio.io';
import { invalidInput, rejectIf } from '../private/errors';
import { validatePortNumber } from '../private/names';
import { fqdnProblem } from '../rules/webhook/names';

/** The scheme a redirect sends the client to. */
export enum RedirectScheme {
  /** `http`. */
  HTTP = 'http',
  /** `https`. */
  HTTPS = 'https',
}

/** A redirect a route answers with instead of forwarding the request. */
export interface HttpRedirect {
  /**
   * The path that replaces the request's path.
   * @default - the request's path
   */
  readonly uri?: string;

  /**
   * The host that replaces the request's `Host`/`:authority`.
   * @default - the request's host
   */
  readonly authority?: string;

  /**
   * The port that replaces the request's port.
   * @default - the request's port
   */
  readonly port?: number;

  /**
   * The scheme that replaces the request's scheme.
   * @default - the request's scheme
   */
  readonly scheme?: RedirectScheme;

  /**
   * The HTTP status of the redirect: 301, 302, 303, 307 or 308.
   * @default 301
   */
  readonly redirectCode?: number;
}

const REDIRECT_CODES = [301, 302, 303, 307, 308];

/** The L1 form of `redirect`. */
export function renderHttpRedirect(scope: IConstruct, field: string, redirect: HttpRedirect): VirtualServiceSpecHttpRedirect {
  if (redirect.uri === undefined && redirect.authority === undefined && redirect.port === undefined && redirect.scheme === undefined) {
    throw invalidInput(scope, field, redirect, 'a redirect to the same URL loops: give uri, authority, port or scheme');
  }
  if (redirect.uri !== undefined && !redirect.uri.startsWith('/')) {
    throw invalidInput(scope, `${field}.uri`, redirect.uri, 'expected a path starting with "/"');
  }
  if (redirect.authority !== undefined) {
    rejectIf(scope, `${field}.authority`, redirect.authority, fqdnProblem(redirect.authority));
  }
  if (redirect.port !== undefined) {
    validatePortNumber(scope, `${field}.port`, redirect.port);
  }
  if (redirect.redirectCode !== undefined && !REDIRECT_CODES.includes(redirect.redirectCode)) {
    throw invalidInput(scope, `${field}.redirectCode`, redirect.redirectCode, `expected one of ${REDIRECT_CODES.join(', ')}`);
  }
  return {
    uri: redirect.uri,
    authority: redirect.authority,
    port: redirect.port,
    scheme: redirect.scheme,
    redirectCode: redirect.redirectCode,
  };
}
