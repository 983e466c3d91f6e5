import { Finding, KubeObject } from '../finding';
import { arrayOf } from '../mesh-index';
import { numberAt, stringAt } from '../webhook/values';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, Report } from './messages';

/**
 * The project's own checks of VirtualService HTTP redirects and rewrites that Istio admits but
 * that break requests (docs/rules-webhook.md, "The project's own rules"):
 * - CIG0204 UnsupportedRedirectCode: a 3xx code other than 301, 302, 303, 307 and 308; Istio
 *   admits any 3xx, but pilot has no Envoy equivalent for the others and emits the route without
 *   an action (it logs "Redirect Code ... is not yet supported");
 * - CIG0205 RelativeRedirectPath: a redirect `uri` without a leading `/`: Envoy appends it to the
 *   host, so the client is sent to another host (`https://shop.example.comv2`);
 * - CIG0206 RelativeRewritePath: a rewrite `uri` without a leading `/`: the upstream receives a
 *   request path that is not one (HTTP/1.1 servers answer 400), unless it is lenient;
 * - CIG0207 UnmatchablePath: an exact or prefix `uri` match without a leading `/`, which no request
 *   path meets (an empty prefix meets every path).
 */
export function analyzeHttpRoutePaths(context: AnalysisContext, report: Report): void {
  for (const vs of context.index.ofKind('VirtualService')) {
    httpRoutePathFindings(vs).forEach(report);
  }
}

/** The findings of the project's redirect and rewrite rules on one VirtualService. */
export function httpRoutePathFindings(vs: KubeObject): Finding[] {
  const findings: Finding[] = [];
  arrayOf(vs.spec?.http).forEach((route, i) => {
    const at = `spec.http[${i}]`;
    arrayOf(route?.match).forEach((match, j) => {
      const uri = match?.uri;
      const kind = typeof uri?.exact === 'string' ? 'exact' : typeof uri?.prefix === 'string' ? 'prefix' : undefined;
      const problem = kind === undefined ? undefined : pathMatchProblem(uri[kind]);
      if (kind !== undefined && problem !== undefined) {
        findings.push(findingOf(MESSAGES.UnmatchablePath, vs, `${at}.match[${j}].uri.${kind}: ${problem}`));
      }
    });
    const redirect = route?.redirect;
    if (redirect !== undefined && redirect !== null && typeof redirect === 'object') {
      const code = redirectCodeProblem(numberAt(redirect.redirectCode));
      if (code !== undefined) {
        findings.push(findingOf(MESSAGES.UnsupportedRedirectCode, vs, `${at}.redirect.redirectCode: ${code}`));
      }
      const uri = redirectPathProblem(stringAt(redirect.uri));
      if (uri !== undefined) {
        findings.push(findingOf(MESSAGES.RelativeRedirectPath, vs, `${at}.redirect.uri: ${uri}`));
      }
    }
    const rewrite = rewritePathProblem(stringAt(route?.rewrite?.uri));
    if (rewrite !== undefined) {
      findings.push(findingOf(MESSAGES.RelativeRewritePath, vs, `${at}.rewrite.uri: ${rewrite}`));
    }
  });
  return findings;
}

/** The redirect codes pilot translates to Envoy's; 0 (unset) is 301. */
const TRANSLATED_REDIRECT_CODES = [0, 301, 302, 303, 307, 308];

/**
 * CIG0204: why Istio admits the redirect code `code` but cannot redirect with it, or undefined.
 * Codes outside 3xx are the admission rule's.
 */
export function redirectCodeProblem(code: number): string | undefined {
  if (code < 300 || code > 399 || TRANSLATED_REDIRECT_CODES.includes(code)) {
    return undefined;
  }
  return `Istio admits ${code} but pilot has no Envoy redirect code for it and emits the route without an action, so it cannot redirect: use 301, 302, 303, 307 or 308`;
}

/** CIG0207: why no request path meets an exact or prefix match of `path`, or undefined. */
export function pathMatchProblem(path: string): string | undefined {
  // `*` is the request target of `OPTIONS *`
  if (path === '' || path === '*' || path.startsWith('/')) {
    return undefined;
  }
  return `request paths start with "/" (the "*" of "OPTIONS *" aside), so no request meets this match: expected a path starting with "/"`;
}

/** CIG0205: why a redirect to the path `uri` sends clients astray, or undefined. */
export function redirectPathProblem(uri: string): string | undefined {
  if (uri === '' || uri.startsWith('/')) {
    return undefined;
  }
  return `Envoy appends the redirect path to the host, so without a leading "/" the client is sent to another host: expected a path starting with "/"`;
}

/** CIG0206: why a rewrite to the path `uri` sends upstreams a malformed request, or undefined. */
export function rewritePathProblem(uri: string): string | undefined {
  if (uri === '' || uri.startsWith('/')) {
    return undefined;
  }
  return `without a leading "/" the upstream receives a request path that is not one, which HTTP/1.1 servers refuse: expected a path starting with "/"`;
}
