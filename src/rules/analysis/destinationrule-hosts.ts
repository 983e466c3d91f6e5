import { arrayOf, namespaceOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, Report } from './messages';

/**
 * A DestinationRule's host must be a Service or ServiceEntry host (IST0174), and each subset must
 * select some pod behind it (IST0173): the subset's labels merged with the pod selector of the
 * host, matched against the labels of the pods' endpoints (which include their Node's topology).
 * Traffic routed to a subset without pods fails with 503 UH.
 */
export function analyzeDestinationRuleHosts(context: AnalysisContext, report: Report): void {
  const index = context.index;
  for (const dr of index.ofKind('DestinationRule')) {
    const host = String(dr.spec?.host ?? '');
    const exportTo: string[] | undefined = Array.isArray(dr.spec?.exportTo) ? dr.spec.exportTo : undefined;
    const entry = index.resolveHost(namespaceOf(dr), exportTo, host);
    if (!entry) {
      if (!context.assumeHostsAndSecretsExist) {
        report(findingOf(MESSAGES.UnknownDestinationRuleHost, dr, `The host ${host} defined in the DestinationRule does not match any services in the mesh.`));
      }
      continue;
    }
    const podSelector = entry.workloadSelector ?? {};
    // With partial input, the pods behind the host may be defined elsewhere: judge subsets only
    // when the input holds some pod of the host.
    if (context.assumeHostsAndSecretsExist && (entry.workloadSelector === undefined || index.selectEndpoints(podSelector).length === 0)) {
      continue;
    }
    for (const subset of arrayOf(dr.spec?.subsets)) {
      if (index.selectEndpoints({ ...podSelector, ...subset?.labels }).length === 0) {
        report(findingOf(MESSAGES.DestinationRuleSubsetNotSelectPods, dr,
          `The Subset ${subset?.name} defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).`));
      }
    }
  }
}
