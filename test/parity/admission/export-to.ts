import { AdmissionCase, Embed, istio, Row, table } from './case';

const TEST = 'validation_test.go Test_validateExportTo';
const NAMESPACE = 'ns5';
const exported = (exportTo: string[] | undefined) => (exportTo === undefined ? {} : { exportTo });

/** A VirtualService: the kinds other than ServiceEntry and selector-bound DestinationRule share one rule. */
const onVirtualService: Embed = (exportTo) => istio('VirtualService', { hosts: ['foo.bar'], http: [{ route: [{ destination: { host: 'foo.baz' } }] }], ...exported(exportTo) }, NAMESPACE);
const onServiceEntry: Embed = (exportTo) => istio('ServiceEntry', { hosts: ['foo.bar.com'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'DNS', ...exported(exportTo) }, NAMESPACE);
const onSelectorDestinationRule: Embed = (exportTo) => istio('DestinationRule', { host: 'foo.bar', workloadSelector: { matchLabels: { app: 'foo' } }, ...exported(exportTo) }, NAMESPACE);

const rows: Row[] = [
  ['empty exportTo is okay', undefined, 'admit'],
  ['* is allowed', ['*'], 'admit'],
  ['. and ns1 are allowed', ['.', 'ns1'], 'admit'],
  ['bunch of namespaces in exportTo is okay', ['ns1', 'ns2', 'ns5'], 'admit'],
  ['~ not allowed for non service entry configs', ['~', 'ns1'], 'reject'],
  ['. and * together are not allowed', ['.', '*'], 'reject'],
  ['* and ns1 together are not allowed', ['*', 'ns1'], 'reject'],
  ['. and same namespace in exportTo is not okay', ['.', 'ns5'], 'reject'],
  ['duplicate namespaces in exportTo is not okay', ['ns1', 'ns2', 'ns1'], 'reject'],
  ['invalid namespace names are not okay', ['ns1_'], 'reject'],
];
const serviceEntryRows: Row[] = [
  ['~ is allowed for service entry configs', ['~'], 'admit'],
  ['duplicate none in service entry exportTo is not okay', ['~', '~', 'ns1'], 'reject'],
  ['none and other namespaces cannot be combined in service entry exportTo', ['~', 'ns1'], 'reject'],
];
const selectorRows: Row[] = [
  ['destination rule with workloadselector cannot have exportTo (*)', ['*'], 'reject'],
  ['destination rule with workloadselector can have only exportTo (.)', ['.'], 'admit'],
  ['destination rule with workloadselector cannot have another ns in exportTo (.)', ['somens'], 'reject'],
  ['destination rule with workloadselector cannot have another ns in addition to own ns in exportTo (.)', ['.', 'somens'], 'reject'],
];

/** Test_validateExportTo, each row on the kind whose rule it tests, in namespace `ns5`. */
export const exportToCases: AdmissionCase[] = [
  ...table(TEST, onVirtualService, rows, { errorsOnly: true }),
  ...table(TEST, onServiceEntry, serviceEntryRows, { errorsOnly: true }),
  ...table(TEST, onSelectorDestinationRule, selectorRows, { errorsOnly: true }),
];
