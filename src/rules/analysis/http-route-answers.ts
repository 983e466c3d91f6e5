import { Finding, KubeObject } from '../finding';
import { arrayOf } from '../mesh-index';
import { isSet } from '../webhook/values';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, Report } from './messages';

/**
 * The project's own check CIG0208 ForwardingSettingsWithoutEffect (docs/rules-webhook.md, "The
 * project's own rules"): an HTTP route that answers itself, with a redirect or a direct response,
 * and also sets how forwarded requests are handled. Istio admits the route, but pilot applies
 * `timeout`, `retries` and the mirrors only where it forwards (`applyHTTPRouteDestination`), so
 * they do nothing.
 */
export function analyzeHttpRouteAnswers(context: AnalysisContext, report: Report): void {
  for (const vs of context.index.ofKind('VirtualService')) {
    httpRouteAnswerFindings(vs).forEach(report);
  }
}

/** The settings of a forwarding route that a route answering by itself ignores. */
const FORWARDING_SETTINGS = ['timeout', 'retries', 'mirror', 'mirrorPercentage', 'mirrorPercent', 'mirrors'];

/** The CIG0208 findings on one VirtualService. */
export function httpRouteAnswerFindings(vs: KubeObject): Finding[] {
  const findings: Finding[] = [];
  arrayOf(vs.spec?.http).forEach((route, i) => {
    const answer = isSet(route?.redirect) ? 'redirect' : isSet(route?.directResponse) ? 'directResponse' : undefined;
    if (answer === undefined) {
      return;
    }
    for (const setting of FORWARDING_SETTINGS.filter((field) => isSet(route[field]))) {
      findings.push(findingOf(MESSAGES.ForwardingSettingsWithoutEffect, vs, `spec.http[${i}].${setting}: ${forwardingSettingProblem(answer)}`));
    }
  });
  return findings;
}

/** CIG0208: what a forwarding setting does on a route that answers with `answer`: nothing. */
export function forwardingSettingProblem(answer: string): string {
  return `the route answers with a ${answer} and forwards nothing, so Istio applies no timeout, retries or mirrors to it: remove the setting, or forward the requests`;
}
