import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpRedirect } from '../../imports/networking.istio.io';
import { rejectIf } from '../private/errors';
import { rejectRuleErrors } from '../private/release-target';
import { redirectCodeProblem, redirectPathProblem } from '../rules/analysis/http-route-paths';
import { KubeObject } from '../rules/finding';
import { checkRedirect } from '../rules/webhook/http-route';
import { Report } from '../rules/webhook/report';

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
   * The path that replaces the request's path, starting with `/`: Envoy appends it to the host.
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

/** The L1 form of `redirect`, judged by the redirect's admission rule and the project's own (CIG0204, CIG0205). */
export function renderHttpRedirect(scope: IConstruct, field: string, redirect: HttpRedirect): VirtualServiceSpecHttpRedirect {
  const rendered: VirtualServiceSpecHttpRedirect = {
    uri: redirect.uri,
    authority: redirect.authority,
    port: redirect.port,
    scheme: redirect.scheme,
    redirectCode: redirect.redirectCode,
  };
  // the redirect rule reads the redirect at `redirect` of a route; its paths name this prop's fields
  rejectRuleErrors(scope, { apiVersion: '', kind: 'HTTPRedirect', redirect: rendered }, checkRedirectRule, (path) => path.replace(/^redirect/, field));
  rejectIf(scope, `${field}.redirectCode`, redirect.redirectCode, redirectCodeProblem(redirect.redirectCode ?? 0));
  rejectIf(scope, `${field}.uri`, redirect.uri, redirectPathProblem(redirect.uri ?? ''));
  return rendered;
}

function checkRedirectRule(obj: KubeObject, report: Report): void {
  checkRedirect(report, 'redirect', obj.redirect, []);
}
