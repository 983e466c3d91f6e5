import { checkDestination, checkGatewayNames, checkRouteDestinations } from './destination';
import { durationProblem } from './duration';
import { authorityWrites, checkHeaderOperations, headerNameProblem } from './headers';
import { checkCors, checkFault, checkRetries, httpStatusProblem } from './http-policies';
import { checkLabels } from './labels';
import { isDnsLabel } from './names';
import { portProblem } from './net';
import { regexProblem } from './regex';
import {
  checkArrived, checkFieldsArrived, DIRECT_RESPONSE, EMPTY_HEADER_PREFIX_REFUSED, MIRRORS, REDIRECT_PREFIX_REWRITE, REGEX_IN_DELEGATION, UNIFORM_STRING_MATCHES,
  URI_REGEX_REWRITE,
} from './release-history';
import { Report } from './report';
import { checkStringMatch, hasEmptyPrefix, isPresenceMatch, isRegexMatch } from './string-match';
import { entriesAt, hasItems, isSet, listAt, numberAt, objectAt, stringAt } from './values';

/** How a route relates to delegation, which decides how older releases judge its matches. */
export enum RouteRole {
  /** An ordinary route. */
  INDEPENDENT = 'independent',
  /** A route of a root VirtualService that hands over to a delegate. */
  ROOT = 'root',
  /** A route of a delegate VirtualService (one without hosts). */
  DELEGATE = 'delegate',
}

const KIB = 1024;
const MIB = 1024 * KIB;
const STRING_MATCH_FIELDS = ['uri', 'scheme', 'method', 'authority'] as const;
const CONDITION_FIELDS = ['headers', 'withoutHeaders', 'queryParams'] as const;
const REWRITE_RELEASE_FIELDS = [URI_REGEX_REWRITE];
/** The fields of an HTTP match whose values are string matches. */
export type MatchField = typeof STRING_MATCH_FIELDS[number] | typeof CONDITION_FIELDS[number];

/** Reports what Istio rejects or warns about in one HTTP route of a VirtualService. */
export function checkHttpRoute(report: Report, path: string, route: { [key: string]: any }, role: RouteRole): void {
  checkConflicts(report, path, route, role);
  // A route sets few of its fields: the checks of absent ones are skipped before their paths are
  // built, which would otherwise be most of what the rules allocate in a large app.
  if (isSet(route.match)) {
    checkMatches(report, `${path}.match`, route.match, role);
  }
  if (isSet(route.headers)) {
    checkHeaderOperations(report, `${path}.headers`, route.headers);
  }
  if (isSet(route.corsPolicy)) {
    checkCors(report, `${path}.corsPolicy`, objectAt(route.corsPolicy));
  }
  if (isSet(route.fault)) {
    checkFault(report, `${path}.fault`, objectAt(route.fault));
  }
  checkMirrors(report, path, route);
  if (isSet(route.redirect)) {
    checkRedirect(report, `${path}.redirect`, objectAt(route.redirect), listAt(route.match));
  }
  if (isSet(route.retries)) {
    checkRetries(report, `${path}.retries`, objectAt(route.retries));
  }
  if (isSet(route.rewrite)) {
    checkRewrite(report, `${path}.rewrite`, objectAt(route.rewrite));
  }
  checkAuthorityRewrites(report, path, route);
  if (isSet(route.directResponse) && checkArrived(report, `${path}.directResponse`, DIRECT_RESPONSE)) {
    checkDirectResponse(report, `${path}.directResponse`, objectAt(route.directResponse));
  }
  checkRouteDestinations(report, `${path}.route`, route.route, true);
  if (isSet(route.timeout)) {
    report.errorIf(`${path}.timeout`, durationProblem(route.timeout));
  }
}

function checkConflicts(report: Report, path: string, route: { [key: string]: any }, role: RouteRole): void {
  const has = (field: string): boolean => isSet(route[field]);
  const routes = hasItems(route.route);
  if (role === RouteRole.ROOT) {
    if (has('redirect')) {
      report.error(path, 'a route that delegates cannot also redirect');
    }
    if (routes) {
      report.error(path, 'a route that delegates cannot also have route destinations');
    }
    return;
  }
  if (role === RouteRole.DELEGATE && has('delegate')) {
    report.error(`${path}.delegate`, 'a delegate route cannot delegate further');
  }
  for (const problem of answerConflictProblems(route)) {
    report.error(path, problem);
  }
  if (has('mirror') && hasItems(route.mirrors)) {
    report.error(path, 'a route cannot have both mirror and mirrors: move mirror into mirrors');
  }
}

/**
 * Why a route (not a delegating one) cannot be as it is: it answers with a redirect or a direct
 * response and also forwards, injects faults or rewrites, or it does none of the three.
 */
export function answerConflictProblems(route: { [key: string]: any }): string[] {
  const has = (field: string): boolean => isSet(route[field]);
  const routes = hasItems(route.route);
  const answer = has('redirect') ? 'a redirect' : has('directResponse') ? 'a directResponse' : undefined;
  if (answer === undefined) {
    return routes ? [] : ['a route needs route destinations, a redirect or a directResponse'];
  }
  return [
    routes ? `a route cannot have both route destinations and ${answer}` : undefined,
    has('fault') ? `a route cannot have both fault injection and ${answer}` : undefined,
    has('rewrite') ? `a route cannot have both a rewrite and ${answer}` : undefined,
    has('redirect') && has('directResponse') ? 'a route cannot have both a directResponse and a redirect' : undefined,
  ].filter((problem): problem is string => problem !== undefined);
}

function checkMatches(report: Report, path: string, matches: unknown, role: RouteRole): void {
  const delegating = role !== RouteRole.INDEPENDENT;
  listAt(matches).forEach((value, i) => {
    const where = `${path}[${i}]`;
    const match = objectAt(value);
    if (!match) {
      return;
    }
    for (const field of STRING_MATCH_FIELDS) {
      if (isSet(match[field])) {
        checkMatchValue(report, `${where}.${field}`, field, match[field], delegating);
      }
    }
    for (const field of CONDITION_FIELDS) {
      if (!isSet(match[field])) {
        continue;
      }
      for (const [name, condition] of entriesAt(match[field])) {
        const at = `${where}.${field}.${name}`;
        if (!isSet(condition)) {
          report.error(at, 'a match condition cannot be null');
        }
        if (field !== 'queryParams') {
          report.errorIf(at, headerNameProblem(name, true));
        }
        checkMatchValue(report, at, field, condition, delegating);
      }
    }
    const port = numberAt(match.port) === 0 ? undefined : portProblem(match.port);
    if (port !== undefined) {
      report.error(`${where}.port`, port);
    }
    if (isSet(match.sourceLabels)) {
      checkLabels(report, `${where}.sourceLabels`, match.sourceLabels);
    }
    if (isSet(match.gateways)) {
      checkGatewayNames(report, `${where}.gateways`, match.gateways);
    }
    const sourceNamespace = stringAt(match.sourceNamespace);
    if (sourceNamespace !== '' && !isDnsLabel(sourceNamespace)) {
      report.error(`${where}.sourceNamespace`, `invalid sourceNamespace "${sourceNamespace}": expected a namespace name`);
    }
  });
}

/**
 * Reports one string match of a route as the target release judges it. Until 1.15, delegating
 * and delegate routes could not match by regex; until 1.22, their regexes went unchecked, as did
 * `withoutHeaders` values and empty prefixes other than in headers (refused from 1.18).
 */
export function checkMatchValue(report: Report, path: string, field: MatchField, match: unknown, delegating: boolean): void {
  const release = report.release;
  if (delegating && isRegexMatch(match) && !release.isAtLeast(REGEX_IN_DELEGATION)) {
    report.error(path, `Istio ${release} does not allow regex matches in delegating or delegate routes (1.15 and later do): use exact or prefix`);
    return;
  }
  const uniform = release.isAtLeast(UNIFORM_STRING_MATCHES);
  // Envoy matches every path by an empty prefix, but refuses an empty prefix for any other value
  const emptyPrefixRefused = uniform ? field !== 'uri' : field === 'headers' && release.isAtLeast(EMPTY_HEADER_PREFIX_REFUSED);
  if (emptyPrefixRefused && hasEmptyPrefix(match)) {
    report.error(`${path}.prefix`, 'a prefix match cannot be empty: leave the condition out to match any value');
  }
  if (field === 'withoutHeaders' ? uniform && !isPresenceMatch(match) : uniform || !delegating) {
    checkStringMatch(report, path, match);
  }
}

function checkMirrors(report: Report, path: string, route: { [key: string]: any }): void {
  const mirror = objectAt(route.mirror);
  if (mirror) {
    checkDestination(report, `${path}.mirror`, mirror);
  }
  if (isSet(route.mirrorPercent)) {
    if (numberAt(route.mirrorPercent) > 100) {
      report.error(`${path}.mirrorPercent`, `mirrorPercent must be at most 100, not ${route.mirrorPercent}`);
    }
    report.warn(`${path}.mirrorPercent`, 'mirrorPercent is deprecated: use mirrorPercentage');
  }
  if (isSet(route.mirrorPercentage)) {
    checkMirrorPercentage(report, `${path}.mirrorPercentage`, route.mirrorPercentage);
  }
  if (hasItems(route.mirrors) && !checkArrived(report, `${path}.mirrors`, MIRRORS)) {
    return;
  }
  listAt(route.mirrors).forEach((value, i) => {
    const where = `${path}.mirrors[${i}]`;
    const destination = objectAt(objectAt(value)?.destination);
    if (!destination) {
      report.error(`${where}.destination`, 'a mirror needs a destination');
      return;
    }
    checkDestination(report, `${where}.destination`, destination);
    checkMirrorPercentage(report, `${where}.percentage`, value.percentage);
  });
}

function checkMirrorPercentage(report: Report, path: string, percentage: unknown): void {
  const value = objectAt(percentage)?.value;
  if (typeof value === 'number') {
    report.errorIf(path, mirrorPercentageProblem(value));
  }
}

/** Why `value` cannot be the percentage of requests mirrored, or undefined. */
export function mirrorPercentageProblem(value: number): string | undefined {
  return value < 0 || value > 100 ? `mirror percentage ${value} must be from 0 to 100` : undefined;
}

/** The admission rules of a route's `redirect`, given the route's `matches`. */
export function checkRedirect(report: Report, path: string, redirect: { [key: string]: any } | undefined, matches: readonly any[]): void {
  if (!redirect) {
    return;
  }
  checkFieldsArrived(report, path, redirect, [REDIRECT_PREFIX_REWRITE]);
  const prefixRewrite = report.release.isAtLeast(REDIRECT_PREFIX_REWRITE.since) ? stringAt(redirect.prefixRewrite) : '';
  if (prefixRewrite) {
    checkPrefixRewrite(report, path, redirect, matches);
  }
  const scheme = stringAt(redirect.scheme);
  if (!stringAt(redirect.uri) && !prefixRewrite && !stringAt(redirect.authority) && !isSet(redirect.port) && !isSet(redirect.derivePort) && !scheme) {
    report.error(path, 'a redirect must set uri, authority, scheme or port');
  }
  const code = numberAt(redirect.redirectCode);
  if (code !== 0 && (code < 300 || code > 399)) {
    report.error(`${path}.redirectCode`, `${code} is not a redirect code: use a 3xx code`);
  }
  if (scheme !== '' && scheme !== 'http' && scheme !== 'https') {
    report.error(`${path}.scheme`, `invalid redirect scheme "${scheme}": use "http" or "https"`);
  }
  if (numberAt(redirect.port) > 0) {
    report.errorIf(`${path}.port`, portProblem(redirect.port));
  }
}

/** A redirect's prefixRewrite replaces the matched prefix, so it needs every URI match to be a prefix. */
function checkPrefixRewrite(report: Report, path: string, redirect: { [key: string]: any }, matches: readonly any[]): void {
  if (stringAt(redirect.uri)) {
    report.error(path, 'a redirect may set uri or prefixRewrite, not both');
  }
  if (matches.some((match) => isSet(objectAt(match)?.uri) && !isSet(objectAt(objectAt(match)?.uri)?.prefix))) {
    report.error(`${path}.prefixRewrite`, 'a redirect with prefixRewrite needs every URI match to be a prefix match');
  }
}

/** The admission rules of a route's `rewrite`. */
export function checkRewrite(report: Report, path: string, rewrite: { [key: string]: any } | undefined): void {
  if (!rewrite) {
    return;
  }
  checkFieldsArrived(report, path, rewrite, REWRITE_RELEASE_FIELDS);
  const uri = stringAt(rewrite.uri);
  const regexRewrite = objectAt(rewrite.uriRegexRewrite);
  if (uri !== '' && regexRewrite) {
    report.error(path, 'a rewrite may set only one of uri and uriRegexRewrite');
  }
  if (uri === '' && !regexRewrite && stringAt(rewrite.authority) === '') {
    report.error(path, 'a rewrite must set uri, uriRegexRewrite or authority');
  }
  if (regexRewrite) {
    const match = stringAt(regexRewrite.match);
    if (match === '' || stringAt(regexRewrite.rewrite) === '') {
      report.error(`${path}.uriRegexRewrite`, 'uriRegexRewrite needs both match and rewrite');
    } else {
      report.errorIf(`${path}.uriRegexRewrite.match`, regexProblem(match));
    }
  }
}

function checkAuthorityRewrites(report: Report, path: string, route: { [key: string]: any }): void {
  if (!isSet(route.headers)) {
    // a rewrite alone sets the authority once
    return;
  }
  report.errorIf(path, authorityConflictProblem(stringAt(objectAt(route.rewrite)?.authority), route.headers));
}

/**
 * Why a route that rewrites the authority to `rewrite` (or not, '') and writes the request
 * headers `headers` sets the authority more than once, or undefined.
 */
export function authorityConflictProblem(rewrite: string, headers: unknown): string | undefined {
  const writes = authorityWrites(headers);
  const all = rewrite === '' ? writes : [rewrite, ...writes];
  return all.length > 1 ? `the authority is set more than once (${all.map((a) => JSON.stringify(a)).join(', ')}): set it in one place` : undefined;
}

/** Why a direct response body of `bytes` is too large, or undefined. */
export function directResponseBodyProblem(bytes: number): string | undefined {
  return bytes > MIB ? 'a direct response body must be smaller than 1MB: large bodies slow down the control plane' : undefined;
}

function checkDirectResponse(report: Report, path: string, response: { [key: string]: any } | undefined): void {
  if (!response) {
    return;
  }
  const body = objectAt(response.body);
  if (body) {
    // bytes are base64: three bytes per four characters
    const size = isSet(body.string) ? Buffer.byteLength(stringAt(body.string)) : Math.floor(stringAt(body.bytes).length * 3 / 4);
    const problem = directResponseBodyProblem(size);
    if (problem) {
      report.error(`${path}.body`, problem);
    } else if (size > 100 * KIB) {
      report.warn(`${path}.body`, 'a direct response body over 100KB may slow down the control plane');
    }
  }
  report.errorIf(`${path}.status`, httpStatusProblem(response.status));
}
