import { analyze } from '../../../src/rules/analyze';
import { Finding, FindingLevel, KubeObject } from '../../../src/rules/finding';

const server = { port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['shop.example.com'], tls: { mode: 'SIMPLE', credentialName: 'shop-cert' } };

function gateway(spec: any, apiVersion = 'networking.istio.io/v1'): KubeObject {
  return { apiVersion, kind: 'Gateway', metadata: { name: 'shop', namespace: 'edge' }, spec: { selector: { istio: 'ingressgateway' }, ...spec } };
}

function meshGateway(spec: any): KubeObject {
  return { apiVersion: 'istio.banzaicloud.io/v1beta1', kind: 'MeshGateway', metadata: { name: 'shop-gw', namespace: 'edge' }, spec };
}

/** The findings of the schema layer: the IST0106 and IST0133 findings whose message names a schema problem. */
function schemaFindings(objects: KubeObject[]): Finding[] {
  return analyze(objects, { assumeHostsAndSecretsExist: true }).filter((f) => /expected|required field|unknown field/.test(f.message));
}

const error = (name: string, kind: string, message: string): Finding => ({ code: 'IST0106', level: FindingLevel.ERROR, kind, name, namespace: 'edge', message });

describe('the schema layer of analyze', () => {
  test('servers: "oops" is one schema error at spec.servers, and no "at least one server"', () => {
    const findings = analyze([gateway({ servers: 'oops' })], { assumeHostsAndSecretsExist: true });
    expect(findings).toStrictEqual([error('shop', 'Gateway', 'spec.servers: expected array, got string "oops"')]);
  });

  test('metadata: 5 is a schema error on metadata, not findings on an object named ""', () => {
    const findings = analyze([{ ...gateway({ servers: [server] }), metadata: 5 as any }]);
    expect(findings).toStrictEqual([{ code: 'IST0106', level: FindingLevel.ERROR, kind: 'Gateway', name: '', namespace: 'default', message: 'metadata: expected object, got integer 5' }]);
  });

  test('the metadata of a built-in kind is checked too: a label value must be a string', () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'shop', namespace: 'edge', labels: { version: 1 } }, spec: { ports: [{ port: 80 }] } };
    expect(analyze([service as any])).toStrictEqual([error('shop', 'Service', 'metadata.labels.version: expected string, got integer 1')]);
  });

  test('a wrong enum value (tls.mode: SIMPL) names the allowed values', () => {
    const findings = schemaFindings([gateway({ servers: [{ ...server, tls: { mode: 'SIMPL', credentialName: 'shop-cert' } }] })]);
    expect(findings).toStrictEqual([error('shop', 'Gateway',
      'spec.servers[0].tls.mode: expected one of "PASSTHROUGH", "SIMPLE", "MUTUAL", "AUTO_PASSTHROUGH", "ISTIO_MUTUAL", "OPTIONAL_MUTUAL", got string "SIMPL"')]);
  });

  test('a required field that is missing (MeshGateway without spec.type) is an error', () => {
    const findings = schemaFindings([meshGateway({ ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] })]);
    expect(findings).toStrictEqual([error('shop-gw', 'MeshGateway', 'spec.type: required field is missing')]);
  });

  test('a null field counts as absent, as the API server drops it: a required one is missing', () => {
    const findings = schemaFindings([meshGateway({ type: null, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] })]);
    expect(findings).toStrictEqual([error('shop-gw', 'MeshGateway', 'spec.type: required field is missing')]);
  });

  test('a null list item is an error of its own type', () => {
    const findings = schemaFindings([gateway({ servers: [server, null] })]);
    expect(findings).toStrictEqual([error('shop', 'Gateway', 'spec.servers[1]: expected object, got null')]);
  });

  test('an unknown field (spec.serverz) is a warning, and the object is analyzed as if it were dropped', () => {
    const findings = analyze([gateway({ servers: [server], serverz: [server] })], { assumeHostsAndSecretsExist: true });
    expect(findings).toStrictEqual([{
      code: 'IST0133',
      level: FindingLevel.WARNING,
      kind: 'Gateway',
      name: 'shop',
      namespace: 'edge',
      message: 'spec.serverz: unknown field: the schema does not declare it (the fields here are selector, servers), '
        + 'so the API server drops it and kubectl apply --validate=strict refuses it',
    }]);
  });

  test('an object with an unknown field is analyzed without it, and is not changed', () => {
    const input = gateway({ servers: [{ ...server, hosts: ['shop.example.com'], portz: 1 }] });
    const before = JSON.stringify(input);
    const findings = analyze([input], { assumeHostsAndSecretsExist: true });
    expect(findings.map((f) => [f.code, f.message.split(':')[0]])).toStrictEqual([['IST0133', 'spec.servers[0].portz']]);
    expect(JSON.stringify(input)).toBe(before);
  });

  test('an int-or-string field takes an integer or a string, and nothing else', () => {
    const withTarget = (targetPort: unknown) => meshGateway({ type: 'ingress', ports: [{ name: 'http', port: 80, targetPort, protocol: 'TCP' }] });
    expect(schemaFindings([withTarget(8080)])).toStrictEqual([]);
    expect(schemaFindings([withTarget('http')])).toStrictEqual([]);
    expect(schemaFindings([withTarget(80.5)])).toStrictEqual([error('shop-gw', 'MeshGateway', 'spec.ports[0].targetPort: expected integer or string, got number 80.5')]);
  });

  test.each(['networking.istio.io/v1alpha3', 'networking.istio.io/v1beta1'])('an object of the older served version %s is checked against its own schema', (apiVersion) => {
    expect(schemaFindings([gateway({ servers: [server] }, apiVersion)])).toStrictEqual([]);
    expect(schemaFindings([gateway({ servers: 'oops' }, apiVersion)])).toStrictEqual([error('shop', 'Gateway', 'spec.servers: expected array, got string "oops"')]);
  });

  test('an object the API server would refuse is left out of the cross-object analysis', () => {
    const virtualService: KubeObject = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'shop', namespace: 'edge' },
      spec: { hosts: ['shop.example.com'], gateways: ['shop'], http: [{ route: [{ destination: { host: 'shop.edge.svc.cluster.local' } }] }] },
    };
    const refused = gateway({ servers: [{ ...server, port: { ...server.port, number: 'https' } }] });
    const findings = analyze([refused, virtualService], { assumeHostsAndSecretsExist: true });
    expect(findings.map((f) => [f.code, f.kind, f.message])).toStrictEqual([
      ['IST0106', 'Gateway', 'spec.servers[0].port.number: expected integer, got string "https"'],
      ['IST0101', 'VirtualService', 'Referenced gateway not found: "shop"'],
      ['IST0132', 'VirtualService', 'one or more host [shop.example.com] defined in VirtualService edge/shop not found in Gateway edge/shop.'],
    ]);
  });

  test('an object refused only for a missing required field still takes part in the cross-object analysis, as istioctl reads it', () => {
    const virtualService = (route: object[]): KubeObject => ({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'shop', namespace: 'edge' },
      spec: { hosts: ['shop.example.com'], http: [{ route }] },
    });
    const missingDestination = analyze([virtualService([{}, { destination: { host: 'nowhere' } }])]);
    expect(missingDestination.map((f) => [f.code, f.message])).toStrictEqual([
      ['IST0106', 'spec.http[0].route[0].destination: required field is missing'],
      ['IST0101', 'Referenced host not found: "nowhere"'],
    ]);
    const wrongType = analyze([virtualService([{ destination: 'shop' }, { destination: { host: 'nowhere' } }])]);
    expect(wrongType.map((f) => [f.code, f.message])).toStrictEqual([
      ['IST0106', 'spec.http[0].route[0].destination: expected object, got string "shop"'],
    ]);
  });

  test('value bounds: a list longer than maxItems is an error', () => {
    const tls = { mode: 'SIMPLE', tlsCertificates: [1, 2, 3].map((n) => ({ serverCertificate: `/c${n}`, privateKey: `/k${n}` })) };
    const findings = schemaFindings([gateway({ servers: [{ ...server, tls }] })]);
    expect(findings).toStrictEqual([error('shop', 'Gateway', 'spec.servers[0].tls.tlsCertificates: expected at most 2 items, got 3')]);
  });

  test('a string must match its pattern (Gateway API names)', () => {
    const route = (namespace: string): KubeObject => ({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'shop', namespace: 'edge' },
      spec: { parentRefs: [{ name: 'edge', namespace }] },
    });
    expect(schemaFindings([route('edge')])).toStrictEqual([]);
    expect(schemaFindings([route('Edge_1')]).map((f) => f.message)).toStrictEqual([
      'spec.parentRefs[0].namespace: expected a string matching "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", got "Edge_1"',
    ]);
  });

  test('the suppress annotation silences schema findings', () => {
    const suppressed = gateway({ servers: [server], serverz: 1 });
    const annotated = { ...suppressed, metadata: { ...suppressed.metadata, annotations: { 'galley.istio.io/analyze-suppress': 'IST0133' } } };
    expect(analyze([suppressed], { assumeHostsAndSecretsExist: true }).map((f) => f.code)).toStrictEqual(['IST0133']);
    expect(analyze([annotated], { assumeHostsAndSecretsExist: true })).toStrictEqual([]);
  });
});
