import { agentCases } from './agent';
import { authorizationPolicyCases } from './authorization-policy';
import { AdmissionCase } from './case';
import { destinationRuleCases } from './destination-rule';
import { exportToCases } from './export-to';
import { gatewayCases } from './gateway';
import { httpRouteCases } from './http-route';
import { istioctlCases } from './istioctl';
import { serviceEntryCases } from './service-entry';
import { sidecarCases } from './sidecar';
import { virtualServiceCases } from './virtual-service';

/** Every admission case of the parity suite, by kind and then in the order of the upstream tests. */
export const admissionCases: AdmissionCase[] = [
  ...gatewayCases,
  ...virtualServiceCases,
  ...httpRouteCases,
  ...destinationRuleCases,
  ...serviceEntryCases,
  ...sidecarCases,
  ...authorizationPolicyCases,
  ...exportToCases,
  ...agentCases,
  ...istioctlCases,
];
