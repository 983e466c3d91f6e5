import { IstioAnalyzer } from '../src';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from './support/crds';
import { findObject, objectsOfKind } from './support/objects';
import { synthWalkthrough } from './support/synth';

const objects = synthWalkthrough().get('07-secure-egress')!;
const GATEWAY_HOST = 'egress.egress.svc.cluster.local';
const GATEWAY_PODS = { 'gateway-name': 'egress', 'gateway-type': 'egress' };

/** The Namespaces the example's objects name, which a cluster holds and `istioctl analyze` reads. */
const NAMESPACES = ['egress', 'shop', 'billing', 'analytics'].map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));

describe('the secure egress example', () => {
  const mesh = findObject(objects, 'MeshGateway', 'egress');
  const gateway = findObject(objects, 'Gateway', 'egress');
  const mtls = findObject(objects, 'DestinationRule', 'egress-mtls');
  const payments = findObject(objects, 'VirtualService', 'payments-egress');
  const files = findObject(objects, 'VirtualService', 'files-egress');
  const subset = (name: string) => mtls.spec.subsets.find((s: any) => s.name === name);
  const targetPort = (port: number) => mesh.spec.ports.find((p: any) => p.port === port).targetPort;

  test('each mesh hop goes to the subset whose SNI is its host, on a gateway port whose server terminates ISTIO_MUTUAL for that host', () => {
    expect(mtls.spec.host).toBe(GATEWAY_HOST);
    const hops: Array<[any, string]> = [[payments.spec.http[0], 'api.payments.example'], [files.spec.tls[0], 'files.partner.example']];
    for (const [hop, host] of hops) {
      expect(hop.match[0].gateways).toEqual(['mesh']);
      const { destination } = hop.route[0];
      expect(destination.host).toBe(GATEWAY_HOST);
      const settings = subset(destination.subset).trafficPolicy.portLevelSettings;
      expect(settings).toStrictEqual([{ port: { number: destination.port.number }, tls: { mode: 'ISTIO_MUTUAL', sni: host } }]);
      const server = gateway.spec.servers.find((s: any) => s.port.number === destination.port.number);
      expect(server.hosts).toEqual([host]);
      expect(server.tls).toStrictEqual({ mode: 'ISTIO_MUTUAL' });
    }
    expect(gateway.spec.selector).toStrictEqual(GATEWAY_PODS);
  });

  test('the gateway hops leave for the external hosts: TLS originated to payments on 443, the TLS of files forwarded', () => {
    expect(payments.spec.http[1]).toStrictEqual({ match: [{ gateways: ['egress'], port: 443 }], route: [{ destination: { host: 'api.payments.example', port: { number: 443 } } }] });
    expect(findObject(objects, 'DestinationRule', 'payments-egress').spec.trafficPolicy.portLevelSettings[0].tls).toMatchObject({ mode: 'SIMPLE', sni: 'api.payments.example' });
    expect(files.spec.tcp).toStrictEqual([{ match: [{ gateways: ['egress'], port: 9443 }], route: [{ destination: { host: 'files.partner.example', port: { number: 443 } } }] }]);
  });

  test('the allow-list selects the gateway pods and allows payments from its two identities on the gateway container port, files from anyone by SNI', () => {
    const policy = findObject(objects, 'AuthorizationPolicy', 'egress-allow-list');
    expect(policy.apiVersion).toBe('security.istio.io/v1');
    expect(policy.metadata.namespace).toBe(mesh.metadata.namespace);
    expect(policy.spec.selector.matchLabels).toStrictEqual(GATEWAY_PODS);
    expect(policy.spec.action).toBe('ALLOW');
    const [paymentsRule, filesRule] = policy.spec.rules;
    expect(paymentsRule.from).toStrictEqual([{ source: { principals: ['cluster.local/ns/shop/sa/checkout'] } }, { source: { namespaces: ['billing'] } }]);
    expect(paymentsRule.to[0].operation).toStrictEqual({ hosts: ['api.payments.example', 'api.payments.example:*'], ports: [String(targetPort(443))] });
    expect(filesRule.from).toBeUndefined();
    expect(filesRule.to[0].operation.ports).toEqual([String(targetPort(9443))]);
    expect(filesRule.when).toStrictEqual([{ key: 'connection.sni', values: ['files.partner.example'] }]);
  });

  test('the lockdown selects every pod of shop and billing and lets them reach the gateway pods on their container ports', () => {
    const policies = objectsOfKind(objects, 'NetworkPolicy');
    expect(policies.map((p) => p.metadata.namespace)).toEqual(['shop', 'billing']);
    for (const policy of policies) {
      expect(policy.spec.podSelector).toEqual({});
      const [toGateway] = policy.spec.egress;
      expect(toGateway.to).toStrictEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'egress' } }, podSelector: { matchLabels: GATEWAY_PODS } }]);
      expect(toGateway.ports).toStrictEqual(mesh.spec.ports.map((p: any) => ({ port: p.targetPort, protocol: 'TCP' })));
    }
  });

  test('the wildcard host is passed through from the sidecars of a namespace outside the lockdown, resolution NONE', () => {
    const entry = findObject(objects, 'ServiceEntry', 'googleapis');
    expect(entry.metadata.namespace).toBe('analytics');
    expect(entry.spec).toMatchObject({ hosts: ['*.googleapis.com'], resolution: 'NONE', ports: [{ number: 443, protocol: 'TLS' }] });
    expect(objectsOfKind(objects, 'NetworkPolicy').map((p) => p.metadata.namespace)).not.toContain('analytics');
    expect(objectsOfKind(objects, 'VirtualService').flatMap((vs) => vs.spec.hosts)).not.toContain('*.googleapis.com');
  });

  test('the analysis finds it clean, as istioctl would read it with the cluster\'s Namespaces', () => {
    expect(IstioAnalyzer.analyze([...NAMESPACES, ...objects]).map(IstioAnalyzer.format)).toEqual([]);
  });
});

describeWithCrds('the secure egress example against the CRD schemas', () => {
  test('every custom resource is valid', () => {
    expectValidAgainstCrds(new CrdValidator(), objects);
  });
});
