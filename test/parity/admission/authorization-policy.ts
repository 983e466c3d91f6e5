import { AdmissionCase, Embed, Row, table } from './case';

const FILE = 'validation_test.go';
const httpbin = { matchLabels: { app: 'httpbin', version: 'v1' } };
const app = { matchLabels: { app: 'httpbin' } };
const gatewayRef = { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'foo' };
const oneRule = (rule: any, extra: any = {}) => ({ selector: app, rules: [rule], ...extra });
const from = (source: any) => oneRule({ from: [{ source }] });
const to = (operation: any) => oneRule({ to: [{ operation }] });
const when = (condition: any) => oneRule({ when: [condition] });
const denyRule = (rule: any) => ({ action: 'DENY', selector: app, rules: [rule] });
const principalTemp = { from: [{ source: { principals: ['temp'] } }] };
const getDelete = { to: [{ operation: { methods: ['GET', 'DELETE'] } }] };
/** A spec, or a spec and the annotations of the dry-run cases. */
interface Input { readonly spec: any; readonly annotations?: { [key: string]: string } }
const dryRun = (value: string, spec: any): Input => ({ spec, annotations: { 'istio.io/dry-run': value } });

/** Each `XXX-empty` case: one empty value beside a good one in a source or operation list. */
const emptyValueRows = (): Row[] => [
  ...['principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals', 'namespaces', 'serviceAccounts', 'notNamespaces', 'ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks']
    .map((field): Row => [`${field[0].toUpperCase()}${field.slice(1)}-empty`, from({ [field]: [field.toLowerCase().includes('ip') ? '1.2.3.4' : 'good', ''] }), 'reject']),
  ...['hosts', 'notHosts', 'ports', 'notPorts', 'methods', 'notMethods', 'paths', 'notPaths']
    .map((field): Row => [`${field[0].toUpperCase()}${field.slice(1)}-empty`, to({ [field]: [field.toLowerCase().includes('port') ? '80' : 'good', ''] }), 'reject']),
];

const rows: Row[] = [
  ['good', { selector: httpbin, rules: [{ from: [{ source: { principals: ['sa1'] } }, { source: { principals: ['sa2'] } }], to: [{ operation: { methods: ['GET'] } }, { operation: { methods: ['POST'] } }], when: [{ key: 'source.ip', values: ['1.2.3.4', '5.6.7.0/24'] }, { key: 'request.headers[:authority]', values: ['v1', 'v2'] }] }] }, 'admit'],
  ['good serviceAccounts', { selector: httpbin, rules: [{ from: [{ source: { serviceAccounts: ['ns/sa1', 'sa2'] } }] }] }, 'admit'],
  ['serviceAccounts and namespaces', { selector: httpbin, rules: [{ from: [{ source: { serviceAccounts: ['ns/sa1'], namespaces: ['ns'] } }] }] }, 'reject'],
  ['custom-good', { action: 'CUSTOM', provider: { name: 'my-custom-authz' }, rules: [{}] }, 'admit'],
  ['custom-empty-provider', { action: 'CUSTOM', provider: { name: '' }, rules: [{}] }, 'reject'],
  ['custom-nil-provider', { action: 'CUSTOM', rules: [{}] }, 'reject'],
  ['custom-invalid-rule', { action: 'CUSTOM', provider: { name: 'my-custom-authz' }, rules: [{ from: [{ source: { namespaces: ['ns'], notNamespaces: ['ns'], principals: ['id'], notPrincipals: ['id'], requestPrincipals: ['req'], notRequestPrincipals: ['req'] } }], when: [{ key: 'source.namespace', values: ['source.namespace1'], notValues: ['source.namespace2'] }, { key: 'source.principal', values: ['source.principal1'], notValues: ['source.principal2'] }, { key: 'request.auth.claims[a]', values: ['claims1'], notValues: ['claims2'] }] }] }, 'reject'],
  ['provider-wrong-action', { action: 'DENY', provider: { name: 'my-custom-authz' }, rules: [{}] }, 'reject'],
  ['allow-rules-nil', { action: 'ALLOW' }, 'admit'],
  ['dry-run-valid-allow', dryRun('true', { action: 'ALLOW' }), 'admit'],
  ['dry-run-valid-deny', dryRun('false', { action: 'DENY', rules: [{}] }), 'admit'],
  ['dry-run-invalid-value', dryRun('foo', { action: 'ALLOW' }), 'reject'],
  ['dry-run-invalid-action-custom', dryRun('true', { action: 'CUSTOM' }), 'reject'],
  ['dry-run-invalid-action-audit', dryRun('true', { action: 'AUDIT' }), 'reject'],
  ['deny-rules-nil', { action: 'DENY' }, 'reject'],
  ['selector-empty-value', { selector: { matchLabels: { app: '', version: 'v1' } } }, 'admit'],
  ['selector-empty-key', { selector: { matchLabels: { app: 'httpbin', '': 'v1' } } }, 'reject'],
  ['selector-empty-labels', { selector: {} }, 'warn'],
  ['selector-wildcard-value', { selector: { matchLabels: { app: 'httpbin-*' } } }, 'reject'],
  ['selector-wildcard-key', { selector: { matchLabels: { 'app-*': 'httpbin' } } }, 'reject'],
  ['target-ref-good', { action: 'DENY', targetRef: gatewayRef, rules: [{ ...principalTemp, to: [{ operation: { ports: ['8080'], methods: ['GET', 'DELETE'] } }] }] }, 'admit'],
  ['target-refs-good', { action: 'DENY', targetRefs: [gatewayRef], rules: [{ ...principalTemp, to: [{ operation: { ports: ['8080'], methods: ['GET', 'DELETE'] } }] }] }, 'admit'],
  ['target-refs-good-service', { action: 'DENY', targetRefs: [{ group: '', kind: 'Service', name: 'foo' }], rules: [{ ...principalTemp, to: [{ operation: { ports: ['8080'], methods: ['GET', 'DELETE'] } }] }] }, 'admit'],
  ['target-ref-non-empty-namespace', { action: 'DENY', targetRef: { ...gatewayRef, namespace: 'bar' }, rules: [{ ...principalTemp, to: [{ operation: { ports: ['8080'] } }] }] }, 'reject'],
  ['target-ref-empty-name', { action: 'DENY', targetRef: { ...gatewayRef, name: '' }, rules: [{ ...principalTemp, to: [{ operation: { ports: ['8080'] } }] }] }, 'reject'],
  ['target-ref-wrong-group', { action: 'DENY', targetRef: { ...gatewayRef, group: 'wrong-group' }, rules: [{ ...principalTemp, to: [{ operation: { ports: ['8080'] } }] }] }, 'reject'],
  ['target-ref-wrong-kind', { action: 'DENY', targetRef: { ...gatewayRef, kind: 'wrong-kind' }, rules: [{ ...principalTemp, to: [{ operation: { ports: ['8080'] } }] }] }, 'reject'],
  ['target-ref-and-selector-cannot-both-be-set', { action: 'DENY', targetRef: gatewayRef, selector: app, rules: [{ ...principalTemp, to: [{ operation: { ports: ['8080'] } }] }] }, 'reject'],
  ['target-refs-and-selector-cannot-both-be-set', { action: 'DENY', targetRefs: [gatewayRef], selector: app, rules: [{ ...principalTemp, to: [{ operation: { ports: ['8080'] } }] }] }, 'reject'],
  ['from-empty', oneRule({ from: [] }), 'reject'],
  ['source-nil', oneRule({ from: [{}] }), 'reject'],
  ['source-empty', from({}), 'reject'],
  ['to-empty', oneRule({ to: [] }), 'reject'],
  ['operation-nil', oneRule({ to: [{}] }), 'reject'],
  ['operation-empty', to({}), 'reject'],
  ...emptyValueRows(),
  ['value-empty', when({ key: 'request.headers[:authority]', values: ['v1', ''] }), 'reject'],
  ['invalid ip and port in ipBlocks', oneRule({ from: [{ source: { ipBlocks: ['1.2.3.4', 'ip1'], notIpBlocks: ['5.6.7.8', 'ip2'] } }], to: [{ operation: { ports: ['80', 'port1'], notPorts: ['90', 'port2'] } }] }), 'reject'],
  ['invalid ip and port in remoteIpBlocks', oneRule({ from: [{ source: { remoteIpBlocks: ['1.2.3.4', 'ip1'], notRemoteIpBlocks: ['5.6.7.8', 'ip2'] } }], to: [{ operation: { ports: ['80', 'port1'], notPorts: ['90', 'port2'] } }] }), 'reject'],
  ['condition-key-missing', when({ values: ['v1', 'v2'] }), 'reject'],
  ['condition-key-empty', when({ key: '', values: ['v1', 'v2'] }), 'reject'],
  ['condition-value-missing', when({ key: 'source.principal' }), 'reject'],
  ['condition-value-invalid', { rules: [{ when: [{ key: 'source.ip', values: ['a.b.c.d'] }] }] }, 'reject'],
  ['condition-notValue-invalid', { rules: [{ when: [{ key: 'source.ip', notValues: ['a.b.c.d'] }] }] }, 'reject'],
  ['condition-unknown', when({ key: 'key1', values: ['v1'] }), 'reject'],
  ['L7DenyWithFrom', denyRule({ from: [{ source: { requestPrincipals: ['example.com/sub-1'] } }] }), 'warn'],
  ['L7DenyWithTo', denyRule(getDelete), 'warn'],
  ['L7DenyWithFromAndTo', denyRule({ ...principalTemp, ...getDelete }), 'warn'],
  ['L7DenyWithFromAndToWithPort', denyRule({ ...principalTemp, to: [{ operation: { ports: ['8080'], methods: ['GET', 'DELETE'] } }] }), 'admit'],
];

const asPolicy: Embed = (input: any) => {
  const { spec, annotations } = 'spec' in input ? input as Input : { spec: input, annotations: undefined };
  return { apiVersion: 'security.istio.io/v1', kind: 'AuthorizationPolicy', metadata: { name: 'name', namespace: 'namespace', ...(annotations ? { annotations } : {}) }, spec };
};

/** TestValidateAuthorizationPolicy, whose policy is `name` in namespace `namespace`. */
export const authorizationPolicyCases: AdmissionCase[] = table(`${FILE} TestValidateAuthorizationPolicy`, asPolicy, rows);
