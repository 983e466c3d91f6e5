import { KubeObject } from '../finding';
import { arrayOf } from '../mesh-index';
import { sortedKeys } from '../sorted-keys';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, Report } from './messages';

const ROUTE_LISTS = ['http', 'tcp', 'tls'] as const;

/**
 * Rules a VirtualService never applies, in each of its http, tcp and tls lists: a rule after a
 * rule without matches, or whose every match an earlier rule already has (IST0130); a single
 * match an earlier rule already has (IST0131). Envoy takes the first rule that matches.
 */
export function analyzeVirtualServiceMatches(context: AnalysisContext, report: Report): void {
  for (const vs of context.index.ofKind('VirtualService')) {
    for (const list of ROUTE_LISTS) {
      const rules = arrayOf(vs.spec?.[list]);
      // Only an earlier rule can shadow a rule: a list of one has nothing to find.
      if (rules.length > 1) {
        analyzeRules(vs, rules, report);
      }
    }
  }
}

function analyzeRules(vs: KubeObject, rules: any[], report: Report): void {
  const firstRuleOfMatch = new Map<string, number>();
  let catchAll = -1;
  rules.forEach((rule, ruleIndex) => {
    if (rule === null || typeof rule !== 'object') {
      return;
    }
    const matches = arrayOf(rule?.match);
    if (matches.length === 0) {
      if (catchAll >= 0) {
        unreachable(vs, rule, ruleIndex, 'only the last rule can have no matches', report);
      }
      catchAll = ruleIndex;
      return;
    }
    if (catchAll >= 0) {
      unreachable(vs, rule, ruleIndex, 'route without matches defined before', report);
      return;
    }
    let duplicates = 0;
    matches.forEach((match, matchIndex) => {
      const key = canonicalJson(match);
      const earlier = firstRuleOfMatch.get(key);
      if (earlier !== undefined) {
        report(findingOf(MESSAGES.VirtualServiceIneffectiveMatch, vs,
          `VirtualService rule ${nameOf(rule, ruleIndex)} match ${nameOf(match, matchIndex)} is not used (duplicate/overlapping match in rule ${nameOf(rules[earlier], earlier)}).`));
        duplicates++;
        return;
      }
      firstRuleOfMatch.set(key, ruleIndex);
    });
    if (duplicates === matches.length) {
      unreachable(vs, rule, ruleIndex, 'all matches used by prior rules', report);
    }
  });
}

function unreachable(vs: KubeObject, rule: any, ruleIndex: number, reason: string, report: Report): void {
  report(findingOf(MESSAGES.VirtualServiceUnreachableRule, vs, `VirtualService rule ${nameOf(rule, ruleIndex)} not used (${reason}).`));
}

/** istioctl names a rule or a match by its `name`, quoted, else by `#index`. */
function nameOf(item: any, index: number): string {
  return typeof item?.name === 'string' && item.name !== '' ? JSON.stringify(item.name) : `#${index}`;
}

/** JSON with keys sorted, so that two equal matches written in another key order compare equal. */
function canonicalJson(value: any): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    return `{${sortedKeys(value).map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
