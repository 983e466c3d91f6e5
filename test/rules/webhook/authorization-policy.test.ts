import { FindingLevel } from '../../../src/rules/finding';
import { describeRules, istio } from './rule-table';

// Cases re-expressed from Istio's TestValidateAuthorizationPolicy (pkg/config/validation/validation_test.go);
// each rule names the upstream case it follows.
const policy = (spec: any, annotations?: { [key: string]: string }) => ({
  ...istio('AuthorizationPolicy', spec, 'egress-allow', 'istio-egress', 'security.istio.io/v1'),
  ...(annotations ? { metadata: { name: 'egress-allow', namespace: 'istio-egress', annotations } } : {}),
});
const from = (source: any) => policy({ rules: [{ from: [{ source }] }] });
const to = (operation: any) => policy({ rules: [{ to: [{ operation }] }] });
const when = (...conditions: any[]) => policy({ rules: [{ when: conditions }] });
const selector = { matchLabels: { 'gateway-name': 'egress' } };

describeRules('AuthorizationPolicy', [
  { rule: 'good / serviceAccounts and namespaces', valid: from({ serviceAccounts: ['shop/checkout'] }), invalid: from({ serviceAccounts: ['shop/checkout'], namespaces: ['shop'] }), message: /serviceAccounts cannot be set together with namespaces or principals/ },
  { rule: 'custom-good / custom-empty-provider', valid: policy({ action: 'CUSTOM', provider: { name: 'ext-authz' }, rules: [{}] }), invalid: policy({ action: 'CUSTOM', provider: { name: '' }, rules: [{}] }), message: /needs the name of its provider/ },
  { rule: 'custom-nil-provider (rules nil)', valid: policy({ action: 'CUSTOM', provider: { name: 'ext-authz' }, rules: [{}] }), invalid: policy({ action: 'CUSTOM', provider: { name: 'ext-authz' } }), message: /CUSTOM policy without rules never applies/ },
  { rule: 'custom-invalid-rule (sources)', valid: policy({ action: 'CUSTOM', provider: { name: 'a' }, rules: [{ from: [{ source: { ipBlocks: ['10.0.0.0/8'] } }] }] }), invalid: policy({ action: 'CUSTOM', provider: { name: 'a' }, rules: [{ from: [{ source: { principals: ['cluster.local/ns/a/sa/b'] } }] }] }), message: /principals is not supported with the CUSTOM action/ },
  { rule: 'custom-invalid-rule (conditions)', valid: policy({ action: 'CUSTOM', provider: { name: 'a' }, rules: [{ when: [{ key: 'request.headers[x-team]', values: ['a'] }] }] }), invalid: policy({ action: 'CUSTOM', provider: { name: 'a' }, rules: [{ when: [{ key: 'request.auth.claims[iss]', values: ['a'] }] }] }), message: /request.auth.claims\[iss\] is not supported with the CUSTOM action/ },
  { rule: 'provider-wrong-action', valid: policy({ action: 'DENY', rules: [{}] }), invalid: policy({ action: 'DENY', provider: { name: 'a' }, rules: [{}] }), message: /provider must not be set with the non-CUSTOM action DENY/ },
  { rule: 'allow-rules-nil / deny-rules-nil', valid: policy({ action: 'ALLOW' }), invalid: policy({ action: 'DENY' }), message: /DENY policy without rules never applies/ },
  { rule: 'dry-run-valid-allow / dry-run-invalid-value', valid: policy({}, { 'istio.io/dry-run': 'true' }), invalid: policy({}, { 'istio.io/dry-run': 'foo' }), message: /invalid value "foo" for istio.io\/dry-run/ },
  { rule: 'dry-run-valid-deny / dry-run-invalid-action-audit', valid: policy({ action: 'DENY', rules: [{}] }, { 'istio.io/dry-run': 'false' }), invalid: policy({ action: 'AUDIT' }, { 'istio.io/dry-run': 'true' }), message: /supports only the actions ALLOW and DENY, not AUDIT/ },
  { rule: 'dry-run-invalid-action-custom', valid: policy({ action: 'CUSTOM', provider: { name: 'a' }, rules: [{}] }), invalid: policy({ action: 'CUSTOM', provider: { name: 'a' }, rules: [{}] }, { 'istio.io/dry-run': 'true' }), message: /not CUSTOM/ },
  { rule: 'selector-empty-key', valid: policy({ selector }), invalid: policy({ selector: { matchLabels: { '': 'egress' } } }), message: /empty key is not supported/ },
  { rule: 'selector-empty-labels', valid: policy({ selector }), invalid: policy({ selector: { matchLabels: {} } }), message: /selector without labels selects every workload/, level: FindingLevel.WARNING },
  { rule: 'selector-wildcard-value', valid: policy({ selector }), invalid: policy({ selector: { matchLabels: { app: 'egress-*' } } }), message: /wildcard is not supported/ },
  { rule: 'target-ref-good / target-ref-non-empty-namespace', valid: policy({ targetRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'egress' } }), invalid: policy({ targetRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'egress', namespace: 'other' } }), message: /cannot name a namespace/ },
  { rule: 'target-refs-good-service / target-ref-empty-name', valid: policy({ targetRefs: [{ kind: 'Service', name: 'web' }] }), invalid: policy({ targetRefs: [{ kind: 'Service', name: '' }] }), message: /a targetRef needs a name/ },
  { rule: 'target-ref-wrong-group', valid: policy({ targetRef: { group: 'networking.istio.io', kind: 'ServiceEntry', name: 'api' } }), invalid: policy({ targetRef: { group: 'wrong.group', kind: 'Gateway', name: 'egress' } }), message: /must name a Service, ServiceEntry, Gateway API Gateway or GatewayClass/ },
  { rule: 'target-ref-wrong-kind', valid: policy({ targetRef: { group: 'gateway.networking.k8s.io', kind: 'GatewayClass', name: 'istio' } }), invalid: policy({ targetRef: { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'r' } }), message: /must name a Service/ },
  { rule: 'target-ref-and-selector-cannot-both-be-set', valid: policy({ selector }), invalid: policy({ selector, targetRef: { kind: 'Service', name: 'web' } }), message: /set only one of selector, targetRef and targetRefs/ },
  { rule: 'from-empty', valid: from({ namespaces: ['shop'] }), invalid: policy({ rules: [{ from: [] }] }), message: /from must not be empty/ },
  { rule: 'source-nil', valid: from({ namespaces: ['shop'] }), invalid: policy({ rules: [{ from: [{}] }] }), message: /a from needs a source/ },
  { rule: 'source-empty', valid: from({ namespaces: ['shop'] }), invalid: from({}), message: /a source must name at least one/ },
  { rule: 'to-empty', valid: to({ ports: ['443'] }), invalid: policy({ rules: [{ to: [] }] }), message: /to must not be empty/ },
  { rule: 'operation-nil', valid: to({ ports: ['443'] }), invalid: policy({ rules: [{ to: [{}] }] }), message: /a to needs an operation/ },
  { rule: 'operation-empty', valid: to({ hosts: ['api.example.com'] }), invalid: to({}), message: /an operation must name at least one port, method, path or host/ },
  { rule: 'Principals-empty', valid: from({ principals: ['cluster.local/ns/shop/sa/web'] }), invalid: from({ principals: ['cluster.local/ns/shop/sa/web', ''] }), message: /empty value not allowed/ },
  { rule: 'ServiceAccounts-empty', valid: from({ serviceAccounts: ['web'] }), invalid: from({ serviceAccounts: [''] }), message: /empty value not allowed/ },
  { rule: 'service account form', valid: from({ serviceAccounts: ['shop/web'] }), invalid: from({ serviceAccounts: ['shop/web/extra'] }), message: /expected a service account as "name" or "namespace\/name"/ },
  { rule: 'service account without wildcard', valid: from({ serviceAccounts: ['shop/web'] }), invalid: from({ serviceAccounts: ['shop/*'] }), message: /wildcard not allowed/ },
  { rule: 'at most 16 service accounts', valid: from({ serviceAccounts: Array.from({ length: 16 }, (_, i) => `sa-${i}`) }), invalid: from({ serviceAccounts: Array.from({ length: 17 }, (_, i) => `sa-${i}`) }), message: /at most 16 service accounts/ },
  { rule: 'trust domain wildcard', valid: from({ trustDomains: ['*.example.com'] }), invalid: from({ trustDomains: ['a.*.example.com'] }), message: /allowed only at the start or the end/ },
  { rule: 'Hosts-empty', valid: to({ hosts: ['api.example.com'] }), invalid: to({ hosts: ['api.example.com', ''] }), message: /empty value not allowed/ },
  { rule: 'invalid ip and port in ipBlocks', valid: from({ ipBlocks: ['1.2.3.4', '10.0.0.0/8'] }), invalid: from({ ipBlocks: ['1.2.3.4', 'ip1'] }), message: /"ip1" is not a valid IP address/ },
  { rule: 'invalid ip and port in ipBlocks (ports)', valid: to({ ports: ['80', '443'] }), invalid: to({ ports: ['80', 'port1'] }), message: /bad port "port1"/ },
  { rule: 'invalid ip and port in remoteIpBlocks', valid: from({ remoteIpBlocks: ['192.168.0.0/16'] }), invalid: from({ remoteIpBlocks: ['192.168.0.0/33'] }), message: /not a valid CIDR block/ },
  { rule: 'path templates', valid: to({ paths: ['/api/{*}/items/{**}'] }), invalid: to({ paths: ['/api/{**}/items/{*}'] }), message: /{\*\*} must be the last operator/ },
  { rule: 'condition-key-empty', valid: when({ key: 'connection.sni', values: ['api.example.com'] }), invalid: when({ key: '', values: ['a'] }), message: /a condition needs a key/ },
  { rule: 'condition-value-missing', valid: when({ key: 'connection.sni', notValues: ['api.example.com'] }), invalid: when({ key: 'connection.sni' }), message: /needs values or notValues/ },
  { rule: 'value-empty', valid: when({ key: 'request.headers[:authority]', values: ['v1'] }), invalid: when({ key: 'request.headers[:authority]', values: ['v1', ''] }), message: /empty value not allowed/ },
  { rule: 'condition-value-invalid', valid: when({ key: 'source.ip', values: ['10.0.0.1'] }), invalid: when({ key: 'source.ip', values: ['a.b.c.d'] }), message: /not a valid IP address/ },
  { rule: 'condition-notValue-invalid', valid: when({ key: 'destination.port', notValues: ['443'] }), invalid: when({ key: 'destination.port', notValues: ['99999'] }), message: /bad port "99999"/ },
  { rule: 'condition-unknown', valid: when({ key: 'request.auth.presenter', values: ['a'] }), invalid: when({ key: 'destination.namespace', values: ['a'] }), message: /replaced by the policy's own metadata.namespace/ },
  { rule: 'condition map key', valid: when({ key: 'request.headers[x-team]', values: ['a'] }), invalid: when({ key: 'request.headers', values: ['a'] }), message: /expected the form name\[key\]/ },
  { rule: 'L7DenyWithFrom / L7DenyWithFromAndToWithPort', valid: policy({ action: 'DENY', rules: [{ to: [{ operation: { ports: ['80'], methods: ['GET'] } }] }] }), invalid: policy({ action: 'DENY', rules: [{ from: [{ source: { requestPrincipals: ['*'] } }] }] }), message: /denies all traffic to the TCP ports/, level: FindingLevel.WARNING },
  { rule: 'L7DenyWithTo', valid: policy({ action: 'DENY', rules: [{ from: [{ source: { namespaces: ['a'] } }] }] }), invalid: policy({ action: 'DENY', rules: [{ to: [{ operation: { methods: ['GET'] } }] }] }), message: /denies all traffic to the TCP ports/, level: FindingLevel.WARNING },
]);

describeRules('metadata of every Istio kind', [
  { rule: 'dry run only on AuthorizationPolicy', valid: istio('Sidecar', { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } }), invalid: { ...istio('Sidecar', { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } }), metadata: { name: 'example', namespace: 'edge', annotations: { 'istio.io/dry-run': 'true' } } }, message: /only an AuthorizationPolicy supports the annotation istio.io\/dry-run/ },
  { rule: 'no internal annotations', valid: policy({}), invalid: policy({}, { 'internal.istio.io/parents': 'x' }), message: /is istiod's own and may not be set by users/ },
]);
