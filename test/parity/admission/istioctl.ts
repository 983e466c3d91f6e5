import { AdmissionCase, Embed, Row, table } from './case';

const FILE = 'istioctl/pkg/validate/validate_test.go';
const weighted = (subsetWeights: [string, number][]) => [{ route: subsetWeights.map(([subset, weight]) => ({ destination: { host: 'c', subset }, weight })) }];

/** The objects istioctl validate reads, as given (its tests name no namespace: it validates them in `istio-system`). */
const asObject: Embed = ({ kind, name, spec, ...topLevel }) => ({ apiVersion: 'networking.istio.io/v1', kind, metadata: { name, namespace: 'istio-system' }, spec, ...topLevel });

const resourceRows: Row[] = [
  ['valid pilot configuration', { kind: 'VirtualService', name: 'valid-virtual-service', spec: { hosts: ['c'], http: weighted([['v1', 75], ['v2', 25]]) } }, 'admit'],
  ['invalid pilot configuration', { kind: 'VirtualService', name: 'invalid-virtual-service', spec: { http: weighted([['v1', 75], ['v2', -15]]) } }, 'reject'],
  ['invalid pilot configuration v1beta1', { kind: 'VirtualService', name: 'invalid-virtual-service', spec: { http: null } }, 'reject'],
  ['warning', { kind: 'DestinationRule', name: 'reviews-cb-policy', spec: { host: 'reviews.prod.svc.cluster.local', trafficPolicy: { outlierDetection: { consecutiveErrors: 7 } } } }, 'warn'],
  ['exportTo=.', { kind: 'VirtualService', name: 'valid-virtual-service2', spec: { exportTo: ['.'], hosts: ['d'], http: [{ route: [{ destination: { host: 'c', subset: 'v1' } }] }] } }, 'admit'],
];

/** The Istio objects of TestValidateCommand's files that TestValidateResource does not already judge. */
const commandRows: Row[] = [
  ['valid resources from file (valid-virtual-service1)', { kind: 'VirtualService', name: 'valid-virtual-service1', spec: { hosts: ['d'], http: weighted([['v1', 75], ['v2', 25]]) } }, 'admit'],
  ['invalid top-level key', { kind: 'DestinationRule', name: 'productpage', spec: { host: 'productpage' }, unexpected_junk: { still_more_junk: null } }, 'reject'],
];

/** The Istio objects of istioctl validate's tests; their Kubernetes objects are not the project's kinds. */
export const istioctlCases: AdmissionCase[] = [
  ...table(`${FILE} TestValidateResource`, asObject, resourceRows),
  ...table(`${FILE} TestValidateCommand`, asObject, commandRows),
];
