import { MESSAGES } from '../../src/rules/analysis/messages';
import { analyze } from '../../src/rules/analyze';
import { Finding, formatFinding } from '../../src/rules/finding';
import { CrdValidator, describeWithCrds } from '../support/crds';
import { analysisFixtureNames, fixtureExpected, fixtureObjects, fixtureOptions } from '../support/fixtures';

/** The codes of the per-object rules, tested with those rules. */
const PER_OBJECT_CODES = new Set(['IST0106', 'IST0133']);

function crossObjectLines(findings: Finding[]): string[] {
  return findings.filter((f) => !PER_OBJECT_CODES.has(f.code)).map(formatFinding);
}

const fixtures = analysisFixtureNames();

describe('analyze on the fixtures', () => {
  test.each(fixtures)('%s: reports exactly the expected findings', (name) => {
    expect(crossObjectLines(analyze(fixtureObjects(name), fixtureOptions(name)))).toEqual(fixtureExpected(name));
  });

  test('every valid fixture is clean and every invalid one reports something', () => {
    for (const name of fixtures.filter((f) => f.endsWith('-valid'))) {
      expect(fixtureExpected(name)).toEqual([]);
    }
    for (const name of fixtures.filter((f) => f.endsWith('-invalid'))) {
      expect(fixtureExpected(name).length).toBeGreaterThan(0);
    }
  });

  test('every code is reported by some invalid fixture, at its level', () => {
    const reported = fixtures.filter((f) => f.endsWith('-invalid')).flatMap((name) => analyze(fixtureObjects(name), fixtureOptions(name)));
    for (const message of Object.values(MESSAGES)) {
      const found = reported.filter((f) => f.code === message.code);
      expect({ code: message.code, found: found.length > 0 }).toEqual({ code: message.code, found: true });
      expect(new Set(found.map((f) => f.level))).toEqual(new Set([message.level]));
    }
  });
});

describe('analyze options', () => {
  const gatewayOnDefault = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: 'public', namespace: 'edge' },
    spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['a.example.com'] }] },
  };

  test('the default gateway is assumed unless turned off', () => {
    expect(analyze([gatewayOnDefault])).toEqual([]);
    expect(analyze([gatewayOnDefault], { defaultGateway: false }).map(formatFinding)).toEqual([
      'Error [IST0101] (Gateway edge/public) Referenced selector not found: "istio=ingressgateway"',
    ]);
  });

  test('the default egress gateway is assumed with ports 80 and 443 unless turned off', () => {
    const gatewayOnEgress = (port: number) => ({
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: 'egress', namespace: 'istio-system' },
      spec: { selector: { istio: 'egressgateway' }, servers: [{ port: { number: port, name: 'http', protocol: 'HTTP' }, hosts: ['api.example.com'] }] },
    });
    expect(analyze([gatewayOnEgress(80)])).toEqual([]);
    expect(analyze([gatewayOnEgress(443)])).toEqual([]);
    expect(analyze([gatewayOnEgress(8080)]).map((f) => f.code)).toEqual(['IST0162']);
    expect(analyze([gatewayOnEgress(80)], { defaultGateway: false }).map(formatFinding)).toEqual([
      'Error [IST0101] (Gateway istio-system/egress) Referenced selector not found: "istio=egressgateway"',
    ]);
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'istio-egressgateway', namespace: 'istio-system' },
      spec: { selector: { istio: 'egressgateway' }, ports: [{ name: 'http', port: 8080 }] },
    };
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'egress', namespace: 'istio-system', labels: { istio: 'egressgateway' } } };
    expect(analyze([gatewayOnEgress(8080), service, pod])).toEqual([]);
    expect(analyze([gatewayOnEgress(80), service, pod]).map((f) => f.code)).toEqual(['IST0162']);
  });

  test('a Service istio-system/istio-ingressgateway in the input replaces the assumed one', () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'istio-ingressgateway', namespace: 'istio-system' },
      spec: { selector: { istio: 'ingressgateway' }, ports: [{ name: 'http', port: 8080 }] },
    };
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'gw', namespace: 'istio-system', labels: { istio: 'ingressgateway' } } };
    expect(analyze([gatewayOnDefault, service, pod]).map((f) => f.code)).toEqual(['IST0162']);
  });

  test('declared workloads can be selected; their ports are checked only when given', () => {
    const gateway = (port: number) => ({
      ...gatewayOnDefault,
      spec: { selector: { app: 'edge' }, servers: [{ port: { number: port, name: 'http', protocol: 'HTTP' }, hosts: ['a.example.com'] }] },
    });
    expect(analyze([gateway(80)]).map((f) => f.code)).toEqual(['IST0101']);
    expect(analyze([gateway(80)], { workloads: [{ labels: { app: 'edge' }, namespace: 'edge' }] })).toEqual([]);
    expect(analyze([gateway(80)], { workloads: [{ labels: { app: 'edge' }, ports: [80] }] })).toEqual([]);
    expect(analyze([gateway(8080)], { workloads: [{ labels: { app: 'edge' }, serviceName: 'edge', ports: [80] }] }).map((f) => f.code)).toEqual(['IST0162']);
  });

  test('with assumeHostsAndSecretsExist, missing hosts, DestinationRule hosts, Secrets and subsets of hosts without rules are not reported', () => {
    const objects = [
      ...fixtureObjects('virtualservice-destinations-invalid'),
      ...fixtureObjects('destinationrule-hosts-invalid'),
      ...fixtureObjects('gateway-workload-invalid'),
    ];
    const strict = analyze(objects).map(formatFinding);
    const partial = analyze(objects, { assumeHostsAndSecretsExist: true }).map(formatFinding);
    expect(strict.filter((l) => !partial.includes(l))).toEqual([
      'Warning [IST0174] (DestinationRule shop/typo) The host reveiws defined in the DestinationRule does not match any services in the mesh.',
      'Error [IST0101] (VirtualService shop/catalog) Referenced host+subset in destinationrule not found: "catalog+v2"',
      'Error [IST0101] (VirtualService shop/catalog) Referenced host not found: "catalogue.shop.svc.cluster.local"',
      'Error [IST0101] (VirtualService shop/catalog) Referenced mirror host not found: "shadow.example.com"',
    ]);
    expect(partial.filter((l) => !strict.includes(l))).toEqual([]);
  });

  test('with assumeHostsAndSecretsExist, a credential Secret missing from the input is not reported, one defined in another namespace only is', () => {
    const gateway = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: 'secure', namespace: 'edge' },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['a.example.com'], tls: { mode: 'SIMPLE', credentialName: 'cert' } }],
      },
    };
    const secretIn = (namespace: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'cert', namespace } });
    expect(analyze([gateway], { assumeHostsAndSecretsExist: true })).toEqual([]);
    expect(analyze([gateway, secretIn('edge')], { assumeHostsAndSecretsExist: true }).map(formatFinding)).toEqual([
      'Error [IST0101] (Gateway edge/secure) Referenced credentialName not found: "cert"',
    ]);
    expect(analyze([gateway, secretIn('edge'), secretIn('istio-system')], { assumeHostsAndSecretsExist: true })).toEqual([]);
  });

  describe('a route to a subset', () => {
    const route = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'reviews', namespace: 'shop' },
      spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews.shop.svc.cluster.local', subset: 'v2' } }] }] },
    };
    const rule = (subset: string, namespace = 'shop') => ({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: `reviews-${subset}`, namespace },
      spec: { host: 'reviews.shop.svc.cluster.local', subsets: [{ name: subset, labels: { version: subset } }] },
    });
    const missing = 'Error [IST0101] (VirtualService shop/reviews) Referenced host+subset in destinationrule not found: "reviews.shop.svc.cluster.local+v2"';
    const subsetFindings = (objects: object[], assumeHostsAndSecretsExist: boolean) =>
      analyze(objects as any[], { assumeHostsAndSecretsExist }).map(formatFinding).filter((line) => line.includes('host+subset'));

    test('of a host the input has no DestinationRule for is taken to exist with assumeHostsAndSecretsExist', () => {
      expect(subsetFindings([route], true)).toStrictEqual([]);
      expect(subsetFindings([route], false)).toStrictEqual([missing]);
    });

    test('of a host the input has DestinationRules for must be defined by one of them, even with assumeHostsAndSecretsExist', () => {
      expect(subsetFindings([route, rule('v1')], true)).toStrictEqual([missing]);
      expect(subsetFindings([route, rule('v1', 'other')], true)).toStrictEqual([missing]);
      expect(subsetFindings([route, rule('v1'), rule('v2', 'other')], true)).toStrictEqual([]);
    });
  });

  test('with assumeHostsAndSecretsExist, subsets are judged only when the input holds pods of the host', () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'reviews', namespace: 'shop' }, spec: { selector: { app: 'reviews' }, ports: [{ port: 80, name: 'http' }] } };
    const dr = { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'reviews', namespace: 'shop' }, spec: { host: 'reviews', subsets: [{ name: 'v9', labels: { version: 'v9' } }] } };
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'reviews-v1', namespace: 'shop', labels: { app: 'reviews', version: 'v1' } } };
    expect(analyze([service, dr], { assumeHostsAndSecretsExist: true })).toEqual([]);
    expect(analyze([service, dr, pod], { assumeHostsAndSecretsExist: true }).map((f) => f.code)).toEqual(['IST0173']);
  });
});

describe('analyze input handling', () => {
  test('skips kinds it does not know and reports only the schema errors of malformed objects', () => {
    const objects: any[] = [
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { servers: 'nonsense' } },
      { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'odd' }, spec: { hosts: 'x', http: [null, { route: 'y' }] } },
      null,
      { kind: 42 },
    ];
    expect(analyze(objects).map(formatFinding)).toStrictEqual([
      'Error [IST0106] (VirtualService default/odd) spec.hosts: expected array, got string "x"',
      'Error [IST0106] (VirtualService default/odd) spec.http[0]: expected object, got null',
      'Error [IST0106] (VirtualService default/odd) spec.http[1].route: expected array, got string "y"',
    ]);
  });

  test('objects without a namespace are read in namespace default', () => {
    const vs = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'vs' },
      spec: { hosts: ['a'], gateways: ['gw'], http: [{ directResponse: { status: 404 } }] },
    };
    expect(analyze([vs])).toStrictEqual([{
      code: 'IST0101', level: 'Error', kind: 'VirtualService', name: 'vs', namespace: 'default', message: 'Referenced gateway not found: "gw"',
    }, {
      code: 'IST0132', level: 'Warning', kind: 'VirtualService', name: 'vs', namespace: 'default',
      message: 'one or more host [a] defined in VirtualService default/vs not found in Gateway default/gw.',
    }]);
  });

  test('per-object findings name an object without a namespace in namespace default and sort with its cross-object ones', () => {
    const vs = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'vs' }, spec: { hosts: ['a'], gateways: ['gw'] } };
    expect(analyze([vs]).map(formatFinding)).toStrictEqual([
      'Error [IST0106] (VirtualService default/vs) spec: a virtual service needs http, tcp or tls routes',
      'Error [IST0101] (VirtualService default/vs) Referenced gateway not found: "gw"',
      'Warning [IST0132] (VirtualService default/vs) one or more host [a] defined in VirtualService default/vs not found in Gateway default/gw.',
    ]);
  });

  test('per-object findings suppressed on an object without a namespace stay suppressed', () => {
    const vs = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'vs', annotations: { 'galley.istio.io/analyze-suppress': 'IST0106' } },
      spec: { hosts: ['a'] },
    };
    expect(analyze([vs])).toStrictEqual([]);
  });

  test('a match repeated with its fields in another order is the same match', () => {
    const vs = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'vs', namespace: 'shop' },
      spec: {
        hosts: ['a.example.com'],
        http: [
          { match: [{ uri: { prefix: '/x' }, method: { exact: 'GET' } }], route: [{ destination: { host: 'a.example.com' } }] },
          { match: [{ method: { exact: 'GET' }, uri: { prefix: '/x' } }], route: [{ destination: { host: 'a.example.com' } }] },
          { match: [{ uri: { prefix: '/x' }, method: { exact: 'POST' } }], route: [{ destination: { host: 'a.example.com' } }] },
        ],
      },
    };
    expect(analyze([vs], { assumeHostsAndSecretsExist: true }).map(formatFinding)).toStrictEqual([
      'Info [IST0131] (VirtualService shop/vs) VirtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0).',
      'Warning [IST0130] (VirtualService shop/vs) VirtualService rule #1 not used (all matches used by prior rules).',
    ]);
  });

  test('a VirtualService without hosts bound to a Gateway has no host the Gateway exposes (upstream: virtualservice/gateways.go, vsHostInGateway)', () => {
    const gateway = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: 'gw', namespace: 'shop' },
      spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }] },
    };
    const vs = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'vs', namespace: 'shop' }, spec: { gateways: ['gw'], http: [{ directResponse: { status: 204 } }] } };
    expect(analyze([gateway, vs]).filter((f) => f.code === 'IST0132')).toStrictEqual([{
      code: 'IST0132', level: 'Warning', kind: 'VirtualService', name: 'vs', namespace: 'shop',
      message: 'one or more host [] defined in VirtualService shop/vs not found in Gateway shop/gw.',
    }]);
  });

  describe('a VirtualService bound to a Kubernetes Gateway API Gateway (upstream: virtualservice/gateways.go, analyzers_test.go "virtualServiceKubernetesGateways")', () => {
    const k8sGateway = (listeners: object[]) => ({
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'default' },
      spec: { gatewayClassName: 'istio', listeners },
    });
    const vs = (host: string) => ({
      apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'vs' },
      spec: { hosts: [host], gateways: ['gw'], http: [{ directResponse: { status: 204 } }] },
    });
    const crossObject = (objects: object[]) => analyze(objects as any[], { defaultGateway: false }).filter((f) => !PER_OBJECT_CODES.has(f.code)).map(formatFinding);

    test('finds the Gateway, and matches its hosts against the listener hostnames', () => {
      const listeners = [{ name: 'http', hostname: '*.example.com', port: 80, protocol: 'HTTP' }];
      expect(crossObject([k8sGateway(listeners), vs('shop.example.com')])).toStrictEqual([]);
      expect(crossObject([k8sGateway(listeners), vs('shop.example.org')])).toStrictEqual([
        'Warning [IST0132] (VirtualService default/vs) one or more host [shop.example.org] defined in VirtualService default/vs not found in Gateway default/gw.',
      ]);
    });

    test('a listener without hostname serves every host', () => {
      expect(crossObject([k8sGateway([{ name: 'http', port: 80, protocol: 'HTTP' }]), vs('shop.example.org')])).toStrictEqual([]);
    });

    test('is not read as an Istio Gateway by the Gateway analyzers', () => {
      expect(crossObject([k8sGateway([{ name: 'http', port: 80, protocol: 'HTTP' }])])).toStrictEqual([]);
    });
  });
});

describeWithCrds('the fixtures against the CRD schemas', () => {
  const validator = new CrdValidator();
  test.each(fixtures)('%s: every Istio and MeshGateway object is schema-valid, so findings are about references only', (name) => {
    const errors = fixtureObjects(name).filter((o) => validator.knows(o)).flatMap((o) => validator.errors(o));
    expect(errors).toEqual([]);
  });
});
