import { appendTo } from '../multimap';

/**
 * An http match by URI prefix, reduced to the conditions Istio compares when it asks whether an
 * earlier prefix match leaves a later one nothing to match: each string match as `exact:<v>`,
 * `prefix:<v>` or `` (any other kind), the method `exact:GET` when none is given.
 */
export interface PrefixMatch {
  readonly ruleName: string;
  readonly matchName: string;
  readonly prefix: string;
  readonly port: number;
  readonly method: string;
  readonly authority: string;
  readonly headers: Conditions;
  readonly queryParams: Conditions;
  readonly withoutHeaders: Conditions;
}

type Conditions = ReadonlyMap<string, string>;

/** An earlier prefix match (`by`) that covers a later one. */
export interface PrefixCover {
  readonly covered: PrefixMatch;
  readonly by: PrefixMatch;
}

/** True when the http match matches by a URI prefix, the only matches the cover is judged for. */
export function hasUriPrefix(match: any): boolean {
  return typeof match?.uri?.prefix === 'string' && match.uri.prefix !== '';
}

/** The prefix conditions of a match for which `hasUriPrefix` holds. */
export function prefixMatchOf(match: any, ruleName: string, matchName: string): PrefixMatch {
  return {
    ruleName,
    matchName,
    prefix: match.uri.prefix,
    port: typeof match.port === 'number' ? match.port : 0,
    // Istio takes a match without method for a GET match.
    method: stringMatch(match.method) || 'exact:GET',
    authority: stringMatch(match.authority),
    headers: conditions(match.headers),
    queryParams: conditions(match.queryParams),
    withoutHeaders: conditions(match.withoutHeaders),
  };
}

/**
 * Each later match that an earlier one covers, in the order of the earlier match and then of
 * the later one. Candidates are found by looking up each shorter prefix of a match's prefix, so
 * the cost grows with the prefix lengths, not with the square of the matches.
 */
export function coveringPrefixMatches(matches: readonly PrefixMatch[]): PrefixCover[] {
  const byPrefix = new Map<string, number[]>();
  const found: Array<{ cover: PrefixCover; by: number; covered: number }> = [];
  matches.forEach((match, position) => {
    for (let length = 1; length < match.prefix.length; length++) {
      for (const earlier of byPrefix.get(match.prefix.slice(0, length)) ?? []) {
        if (covers(matches[earlier], match)) {
          found.push({ cover: { covered: match, by: matches[earlier] }, by: earlier, covered: position });
        }
      }
    }
    appendTo(byPrefix, match.prefix, position);
  });
  return found.sort((a, b) => a.by - b.by || a.covered - b.covered).map((c) => c.cover);
}

/**
 * Whether `earlier`, whose prefix is a shorter prefix of `later`'s, covers it: the same port,
 * and each other condition equal or, as Istio compares them, the earlier one's text beginning
 * with the later one's (so an earlier match with an authority covers a later one without).
 * Headers, query parameters and withoutHeaders must name the same keys.
 */
function covers(earlier: PrefixMatch, later: PrefixMatch): boolean {
  return earlier.port === later.port
    && earlier.method.startsWith(later.method)
    && earlier.authority.startsWith(later.authority)
    && conditionsCover(earlier.headers, later.headers)
    && conditionsCover(earlier.queryParams, later.queryParams)
    && conditionsCover(earlier.withoutHeaders, later.withoutHeaders);
}

function conditionsCover(earlier: Conditions, later: Conditions): boolean {
  if (earlier.size !== later.size) {
    return false;
  }
  for (const [key, value] of earlier) {
    const laterValue = later.get(key);
    if (laterValue === undefined || !value.startsWith(laterValue)) {
      return false;
    }
  }
  return true;
}

function stringMatch(value: any): string {
  if (typeof value?.exact === 'string' && value.exact !== '') {
    return `exact:${value.exact}`;
  }
  if (typeof value?.prefix === 'string' && value.prefix !== '') {
    return `prefix:${value.prefix}`;
  }
  return '';
}

function conditions(value: any): Conditions {
  const result = new Map<string, string>();
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      result.set(key, stringMatch(value[key]));
    }
  }
  return result;
}
