import { KubeObject } from '../finding';
import { arrayOf } from '../mesh-index';
import { sortedKeys } from '../sorted-keys';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, Report } from './messages';
import { coveringPrefixMatches, hasUriPrefix, PrefixMatch, prefixMatchOf } from './prefix-matches';

const ROUTE_LISTS = ['http', 'tcp', 'tls'] as const;
type RouteList = typeof ROUTE_LISTS[number];

/**
 * Rules a VirtualService never applies, in each of its http, tcp and tls lists: a rule after a
 * rule without matches, or whose every match an earlier rule already has (IST0130); a single
 * match an earlier rule already has (IST0131), and an http match with a URI prefix that an
 * earlier prefix match covers (IST0131). Envoy takes the first rule that matches.
 */
export function analyzeVirtualServiceMatches(context: AnalysisContext, report: Report): void {
  for (const vs of context.index.ofKind('VirtualService')) {
    for (const list of ROUTE_LISTS) {
      const rules = arrayOf(vs.spec?.[list]);
      if (rules.length > 0) {
        analyzeRules(vs, list, rules, report);
      }
    }
  }
}

function analyzeRules(vs: KubeObject, list: RouteList, rules: any[], report: Report): void {
  const firstRuleOfMatch = new Map<string, number>();
  const prefixMatches: PrefixMatch[] = [];
  let catchAll = -1;
  for (let ruleIndex = 0; ruleIndex < rules.length; ruleIndex++) {
    const rule = rules[ruleIndex];
    if (rule === null || typeof rule !== 'object') {
      continue;
    }
    const matches = arrayOf(rule.match);
    if (matches.length === 0) {
      if (catchAll >= 0) {
        unreachable(vs, nameOf(list, rule, ruleIndex), 'only the last rule can have no matches', report);
      }
      catchAll = ruleIndex;
      continue;
    }
    if (catchAll >= 0) {
      unreachable(vs, nameOf(list, rule, ruleIndex), 'route without matches defined before', report);
      continue;
    }
    let duplicates = 0;
    for (let matchIndex = 0; matchIndex < matches.length; matchIndex++) {
      const match = matches[matchIndex];
      const key = matchKey(list, match);
      const earlier = firstRuleOfMatch.get(key);
      if (earlier !== undefined) {
        ineffective(vs, nameOf(list, rule, ruleIndex), nameOf(list, match, matchIndex), nameOf(list, rules[earlier], earlier), report);
        duplicates++;
        continue;
      }
      firstRuleOfMatch.set(key, ruleIndex);
      if (list === 'http' && hasUriPrefix(match)) {
        prefixMatches.push(prefixMatchOf(match, nameOf(list, rule, ruleIndex), nameOf(list, match, matchIndex)));
      }
    }
    if (duplicates === matches.length) {
      unreachable(vs, nameOf(list, rule, ruleIndex), 'all matches used by prior rules', report);
    }
  }
  for (const { covered, by } of coveringPrefixMatches(prefixMatches)) {
    ineffective(vs, covered.ruleName, `${covered.matchName} of prefix ${covered.prefix}`, `${by.matchName} of prefix ${by.prefix} on ${by.ruleName}`, report);
  }
}

function unreachable(vs: KubeObject, ruleName: string, reason: string, report: Report): void {
  report(findingOf(MESSAGES.VirtualServiceUnreachableRule, vs, `VirtualService rule ${ruleName} not used (${reason}).`));
}

function ineffective(vs: KubeObject, ruleName: string, matchName: string, earlierName: string, report: Report): void {
  report(findingOf(MESSAGES.VirtualServiceIneffectiveMatch, vs,
    `VirtualService rule ${ruleName} match ${matchName} is not used (duplicate/overlapping match in rule ${earlierName}).`));
}

/**
 * istioctl names an http rule or match by its `name`, quoted, else by `#index`; tcp and tls
 * rules and matches have no names.
 */
function nameOf(list: RouteList, item: any, index: number): string {
  return list === 'http' && typeof item?.name === 'string' && item.name !== '' ? JSON.stringify(item.name) : `#${index}`;
}

/**
 * What makes two matches the same: every condition, not the name of an http match, and not the
 * fields that hold their default (`ignoreUriCase: false`, `port: 0`), as Istio compares them.
 */
function matchKey(list: RouteList, match: any): string {
  if (list === 'http' && match !== null && typeof match === 'object' && 'name' in match) {
    const { name: _name, ...conditions } = match;
    return canonicalJson(conditions);
  }
  return canonicalJson(match);
}

/** JSON with keys sorted and default values left out, so that equal matches compare equal. */
function canonicalJson(value: any): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    let fields = '';
    for (const key of sortedKeys(value)) {
      if (!isDefault(value[key])) {
        fields += `${fields === '' ? '' : ','}${JSON.stringify(key)}:${canonicalJson(value[key])}`;
      }
    }
    return `{${fields}}`;
  }
  return JSON.stringify(value);
}

function isDefault(value: any): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') {
    return true;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  if (typeof value !== 'object') {
    return false;
  }
  // Every match field is checked: find a key without listing them all.
  for (const _key in value) {
    return false;
  }
  return true;
}
