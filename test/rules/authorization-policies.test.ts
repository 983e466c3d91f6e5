import { analyze } from '../../src/rules/analyze';
import { KubeObject } from '../../src/rules/finding';

const pod = (namespace: string, labels: { [key: string]: string }): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${namespace}`, namespace, labels }, spec: { containers: [{ name: 'app', image: 'example.com/app:1' }] } });
const ns = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const policy = (name: string, namespace: string, spec: any): KubeObject => ({ apiVersion: 'security.istio.io/v1', kind: 'AuthorizationPolicy', metadata: { name, namespace }, spec });
const codes = (objects: KubeObject[], assume = false) => analyze(objects, { assumeHostsAndSecretsExist: assume })
  .filter((f) => f.kind === 'AuthorizationPolicy').map((f) => `${f.code} ${f.namespace}/${f.name}: ${f.message}`);

const egressPod = pod('istio-egress', { 'gateway-name': 'egress', 'gateway-type': 'egress' });

describe('AuthorizationPolicy references (istioctl AuthorizationPoliciesAnalyzer)', () => {
  test('a selector matching a pod of its namespace is clean', () => {
    expect(codes([egressPod, policy('allow', 'istio-egress', { selector: { matchLabels: { 'gateway-name': 'egress' } } })])).toEqual([]);
  });

  test('a selector matching only pods of another namespace is IST0127', () => {
    expect(codes([egressPod, policy('allow', 'shop', { selector: { matchLabels: { 'gateway-name': 'egress' } } })])).toEqual([
      'IST0127 shop/allow: No matching workloads for this resource with the following labels: gateway-name=egress',
    ]);
  });

  test('in the root namespace, a selector matches pods of every namespace', () => {
    expect(codes([egressPod, policy('mesh', 'istio-system', { selector: { matchLabels: { 'gateway-name': 'egress' } } })])).toEqual([]);
  });

  test('the mesh config names the root namespace', () => {
    const findings = analyze([egressPod, policy('mesh', 'mesh-root', { selector: { matchLabels: { 'gateway-name': 'egress' } } })], { meshConfig: { rootNamespace: 'mesh-root' } });
    expect(findings.filter((f) => f.kind === 'AuthorizationPolicy')).toEqual([]);
  });

  test('a namespace-wide policy needs pods in its namespace, except in the root namespace', () => {
    expect(codes([egressPod, policy('all', 'empty', {}), policy('mesh', 'istio-system', {})])).toEqual([
      'IST0127 empty/all: No matching workloads for this resource with the following labels: ',
    ]);
  });

  test('source namespaces must match a Namespace, by name or by a leading or trailing wildcard', () => {
    const rules = [{ from: [{ source: { namespaces: ['shop', 'team-*', '*-prod', 'nowhere'], notNamespaces: ['gone-*'] } }] }];
    expect(codes([egressPod, ns('shop'), ns('team-a'), ns('web-prod'), policy('allow', 'istio-egress', { selector: { matchLabels: { 'gateway-name': 'egress' } }, rules })])).toEqual([
      'IST0101 istio-egress/allow: Referenced namespace not found: "nowhere"',
      'IST0101 istio-egress/allow: Referenced namespace not found: "gone-*"',
    ]);
  });

  test('where pods and namespaces may be outside the input, nothing is reported', () => {
    expect(codes([policy('allow', 'shop', { selector: { matchLabels: { app: 'none' } }, rules: [{ from: [{ source: { namespaces: ['nowhere'] } }] }] })], true)).toEqual([]);
  });
});
