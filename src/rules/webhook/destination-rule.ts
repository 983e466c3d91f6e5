import { KubeObject } from '../finding';
import { subsetNameProblem } from './destination';
import { checkExportTo } from './export-to';
import { checkLabels, checkWorkloadSelector } from './labels';
import { wildcardDomainProblem } from './names';
import { forEachItem } from './items';
import { Report } from './report';
import { checkTrafficPolicy } from './traffic-policy';
import { objectAt, stringAt } from './values';

/** The admission rules of a DestinationRule: host, traffic policies, subsets, exportTo, selector. */
export function checkDestinationRule(obj: KubeObject, report: Report): void {
  const spec = objectAt(obj.spec) ?? {};
  report.errorIf('spec.host', wildcardDomainProblem(stringAt(spec.host)));
  const policy = objectAt(spec.trafficPolicy);
  if (policy) {
    checkTrafficPolicy(report, 'spec.trafficPolicy', policy);
  }
  const names = new Set<string>();
  forEachItem(report, 'spec.subsets', spec.subsets, 'a subset', (subset, path) => {
    const name = stringAt(subset.name);
    if (names.has(name)) {
      report.error(`${path}.name`, `duplicate subset name "${name}"`);
    }
    names.add(name);
    report.errorIf(`${path}.name`, subsetNameProblem(name));
    checkLabels(report, `${path}.labels`, subset.labels);
    const subsetPolicy = objectAt(subset.trafficPolicy);
    if (subsetPolicy) {
      checkTrafficPolicy(report, `${path}.trafficPolicy`, subsetPolicy);
    }
  });
  const selector = objectAt(spec.workloadSelector);
  checkExportTo(report, 'spec.exportTo', spec.exportTo, obj.metadata?.namespace, { selectorBound: selector !== undefined });
  if (selector) {
    checkWorkloadSelector(report, 'spec.workloadSelector.matchLabels', selector.matchLabels, 'a workload selector without labels applies to every workload in the namespace');
  }
}
