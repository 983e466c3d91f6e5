import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpRewrite } from '../../imports/networking.istio.io';
import { invalidInput } from '../private/errors';
import { rejectRuleErrors, requireFeature } from '../private/release-target';
import { KubeObject } from '../rules/finding';
import { checkRewrite } from '../rules/webhook/http-route';
import { Report } from '../rules/webhook/report';
import { URI_REGEX_REWRITE } from '../rules/webhook/release-history';
import { validateRegex } from './regex';

/** A rewrite of the request before it is forwarded. */
export interface HttpRewrite {
  /**
   * The path that replaces the part of the path the route's match matched: with a prefix
   * match, the prefix; otherwise the whole path. Without a leading `/` the upstream receives a
   * path that is not one, and the analysis warns (CIG0206).
   * @default - the path is kept
   */
  readonly uri?: string;

  /**
   * An RE2 pattern whose matches in the path are replaced with `uriRegexReplacement`; instead of `uri`.
   * @default - no regex rewrite
   */
  readonly uriRegex?: string;

  /**
   * What `uriRegex` matches are replaced with; `\1` refers to a capture group.
   * @default - required with `uriRegex`
   */
  readonly uriRegexReplacement?: string;

  /**
   * The host that replaces the request's `Host`/`:authority`.
   * @default - the host is kept
   */
  readonly authority?: string;
}

/** The L1 form of `rewrite`. */
export function renderHttpRewrite(scope: IConstruct, field: string, rewrite: HttpRewrite): VirtualServiceSpecHttpRewrite {
  if (rewrite.uri !== undefined && rewrite.uriRegex !== undefined) {
    throw invalidInput(scope, `${field}.uriRegex`, rewrite.uriRegex, 'give uri or uriRegex, not both');
  }
  if ((rewrite.uriRegex === undefined) !== (rewrite.uriRegexReplacement === undefined)) {
    throw invalidInput(scope, `${field}.uriRegexReplacement`, rewrite.uriRegexReplacement, 'uriRegex and uriRegexReplacement go together: give both or neither');
  }
  if (rewrite.uri === undefined && rewrite.uriRegex === undefined && rewrite.authority === undefined) {
    throw invalidInput(scope, field, rewrite, 'expected uri, uriRegex or authority');
  }
  if (rewrite.uriRegex !== undefined) {
    requireFeature(scope, `${field}.uriRegex`, rewrite.uriRegex, URI_REGEX_REWRITE);
  }
  const rendered: VirtualServiceSpecHttpRewrite = {
    uri: rewrite.uri,
    uriRegexRewrite: rewrite.uriRegex === undefined ? undefined : {
      match: validateRegex(scope, `${field}.uriRegex`, rewrite.uriRegex),
      rewrite: rewrite.uriRegexReplacement,
    },
    authority: rewrite.authority,
  };
  // the rewrite rule reads the rewrite at `rewrite` of a route; the regex rewrite's pair is this
  // prop's uriRegex and uriRegexReplacement
  rejectRuleErrors(scope, { apiVersion: '', kind: 'HTTPRewrite', rewrite: rendered }, checkRewriteRule,
    (path) => path === 'rewrite.uriRegexRewrite' ? `${field}.uriRegexReplacement` : path.replace(/^rewrite/, field));
  return rendered;
}

function checkRewriteRule(obj: KubeObject, report: Report): void {
  checkRewrite(report, 'rewrite', obj.rewrite);
}
