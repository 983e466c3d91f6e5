import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { EgressGateway, EgressLockdown, IngressGateway } from '../../src';

import { objectsOfKind } from '../support/objects';

function lockdown(props: Partial<ConstructorParameters<typeof EgressLockdown>[2]> = {}, gatewayNamespace: string | null = 'istio-egress') {
  const chart = Testing.chart();
  const gateway = new EgressGateway(chart, 'egress', { namespace: gatewayNamespace ?? undefined, ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'tls', port: 443, targetPort: 8443 }] });
  new EgressLockdown(chart, 'egress-lockdown', { egressGateway: gateway, namespaces: ['shop', 'billing'], ...props });
  return { chart, gateway, policies: objectsOfKind(Testing.synth(chart), 'NetworkPolicy') };
}

const namespaceOf = (peer: any) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];

describe('EgressLockdown', () => {
  test('gives each namespace one policy that selects all of its pods and denies egress but what it lists', () => {
    const { policies } = lockdown();
    expect(policies.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['shop/egress-lockdown', 'billing/egress-lockdown']);
    for (const policy of policies) {
      expect(policy.spec.podSelector).toEqual({});
      expect(policy.spec.policyTypes).toEqual(['Egress']);
      expect(policy.spec.ingress).toBeUndefined();
    }
  });

  test('lets the workloads reach the egress gateway pods on their container ports, selected by the gateway labels', () => {
    const { policies, gateway } = lockdown();
    const [toGateway] = policies[0].spec.egress;
    expect(toGateway.to).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-egress' } }, podSelector: { matchLabels: gateway.selectorLabels } }]);
    expect(toGateway.ports).toEqual([{ port: 8080, protocol: 'TCP' }, { port: 8443, protocol: 'TCP' }]);
  });

  test('lets them reach the cluster DNS on 53 and istiod on 15012 by default', () => {
    const [, dns, istiod] = lockdown().policies[0].spec.egress;
    expect(dns).toEqual({ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] });
    expect(istiod).toEqual({ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-system' } }, podSelector: { matchLabels: { app: 'istiod' } } }], ports: [{ port: 15012, protocol: 'TCP' }] });
  });

  test('lets them reach the pods of the locked-down namespaces, and no IP block, by default', () => {
    const rules = lockdown().policies[0].spec.egress;
    expect(rules).toHaveLength(4);
    expect(rules[3].to.map(namespaceOf)).toEqual(['shop', 'billing']);
    expect(rules[3].to.every((peer: any) => JSON.stringify(peer.podSelector) === '{}')).toBe(true);
    expect(rules.some((rule: any) => rule.to.some((peer: any) => peer.ipBlock))).toBe(false);
  });

  test('takes other DNS and control-plane pods, in-cluster namespaces and CIDRs', () => {
    const rules = lockdown({
      dns: { namespace: 'dns', labels: { app: 'coredns' }, ports: [kplus.NetworkPolicyPort.udp(5353)] },
      controlPlane: { namespace: 'istio-1-22', labels: { app: 'istiod', 'istio.io/rev': '1-22' }, ports: [kplus.NetworkPolicyPort.tcp(15012)] },
      inClusterNamespaces: ['shop', 'billing', 'shared'],
      inClusterCidrs: ['10.0.0.0/8', 'fd00::/8'],
    }).policies[0].spec.egress;
    expect(namespaceOf(rules[1].to[0])).toBe('dns');
    expect(rules[1].ports).toEqual([{ port: 5353, protocol: 'UDP' }]);
    expect(rules[2].to[0].podSelector.matchLabels).toEqual({ app: 'istiod', 'istio.io/rev': '1-22' });
    expect(rules[3].to.map(namespaceOf)).toEqual(['shop', 'billing', 'shared']);
    expect(rules.slice(4).map((r: any) => r.to[0].ipBlock.cidr)).toEqual(['10.0.0.0/8', 'fd00::/8']);
  });

  test.each([
    ['no namespace', { namespaces: [] }, /invalid namespaces \[\]: name at least one namespace/],
    ['a namespace twice', { namespaces: ['shop', 'shop'] }, /shop is named twice/],
    ['an invalid namespace', { namespaces: ['Shop'] }, /invalid namespaces\[0\] "Shop": expected a DNS-1123 label/],
    ['the gateway\'s own namespace', { namespaces: ['shop', 'istio-egress'] }, /invalid namespaces\[1\] "istio-egress": the egress gateway runs there/],
    ['an invalid CIDR', { inClusterCidrs: ['10.0.0.0/33'] }, /invalid inClusterCidrs\[0\] "10.0.0.0\/33": "10.0.0.0\/33" is not a valid CIDR block/],
    ['an invalid in-cluster namespace', { inClusterNamespaces: ['a_b'] }, /invalid inClusterNamespaces\[0\] "a_b"/],
  ])('refuses %s, naming the construct and the field', (_name, props, message) => {
    expect(() => lockdown(props as any)).toThrow(message);
    expect(() => lockdown(props as any)).toThrow(/^test\/egress-lockdown: /);
  });

  test('needs the egress gateway\'s namespace and ports', () => {
    expect(() => lockdown({}, null)).toThrow(/test\/egress-lockdown: invalid egressGateway "test\/egress": the egress gateway's namespace must be known/);
    const chart = Testing.chart();
    const existing = EgressGateway.fromSelector(chart, 'existing', { selector: { istio: 'egressgateway' }, namespace: 'istio-system', serviceName: 'istio-egressgateway' });
    expect(() => new EgressLockdown(chart, 'lockdown', { egressGateway: existing, namespaces: ['shop'] })).toThrow(/the egress gateway's ports must be known/);
  });

  test('accepts any gateway workload, such as an existing one with known ports', () => {
    const chart = Testing.chart();
    const existing = IngressGateway.fromSelector(chart, 'existing', { selector: { istio: 'egressgateway' }, namespace: 'istio-system', ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
    new EgressLockdown(chart, 'lockdown', { egressGateway: existing, namespaces: ['shop'] });
    const [policy] = objectsOfKind(Testing.synth(chart), 'NetworkPolicy');
    expect(policy.spec.egress[0].ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
  });
});
