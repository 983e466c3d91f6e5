import { AdmissionCase, Embed, Row, table } from './case';

const TEST = 'istioctl/pkg/validate/validate_test.go TestValidateResource';
const weighted = (subsetWeights: [string, number][]) => [{ route: subsetWeights.map(([subset, weight]) => ({ destination: { host: 'c', subset }, weight })) }];

/** The objects istioctl validate reads, as given (its tests name no namespace: it validates them in `istio-system`). */
const asObject: Embed = ({ kind, name, spec }) => ({ apiVersion: 'networking.istio.io/v1', kind, metadata: { name, namespace: 'istio-system' }, spec });

const rows: Row[] = [
  ['valid pilot configuration', { kind: 'VirtualService', name: 'valid-virtual-service', spec: { hosts: ['c'], http: weighted([['v1', 75], ['v2', 25]]) } }, 'admit'],
  ['invalid pilot configuration', { kind: 'VirtualService', name: 'invalid-virtual-service', spec: { http: weighted([['v1', 75], ['v2', -15]]) } }, 'reject'],
  ['invalid pilot configuration v1beta1', { kind: 'VirtualService', name: 'invalid-virtual-service', spec: { http: null } }, 'reject'],
  ['warning', { kind: 'DestinationRule', name: 'reviews-cb-policy', spec: { host: 'reviews.prod.svc.cluster.local', trafficPolicy: { outlierDetection: { consecutiveErrors: 7 } } } }, 'warn'],
  ['exportTo=.', { kind: 'VirtualService', name: 'valid-virtual-service2', spec: { exportTo: ['.'], hosts: ['d'], http: [{ route: [{ destination: { host: 'c', subset: 'v1' } }] }] } }, 'admit'],
];

/** The Istio objects of istioctl validate's TestValidateResource; its Kubernetes objects are not the project's kinds. */
export const istioctlCases: AdmissionCase[] = table(TEST, asObject, rows);
