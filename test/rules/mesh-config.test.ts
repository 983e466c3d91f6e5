import { analyze } from '../../src/rules/analyze';
import { formatFinding, KubeObject } from '../../src/rules/finding';
import { IstioAnalyzer } from '../../src/analysis/istio-analyzer';
import { IngressControllerMode, parseMeshConfig } from '../../src/rules/mesh-config';

describe('parseMeshConfig', () => {
  test('an empty document is Istio\'s default mesh config', () => {
    expect(parseMeshConfig('')).toStrictEqual({});
    expect(parseMeshConfig('# nothing set\n')).toStrictEqual({});
  });

  test('reads the ingress controller, its Service and DNS capture and auto-allocation from proxyMetadata', () => {
    const yaml = [
      'ingressControllerMode: OFF',
      'ingressService: edge-gateway',
      'ingressClass: edge',
      'outboundTrafficPolicy: { mode: REGISTRY_ONLY }',
      'defaultConfig:',
      '  proxyMetadata:',
      '    ISTIO_META_DNS_CAPTURE: "true"',
      '    ISTIO_META_DNS_AUTO_ALLOCATE: "true"',
    ].join('\n');
    expect(parseMeshConfig(yaml)).toStrictEqual({
      ingressControllerMode: IngressControllerMode.OFF,
      ingressService: 'edge-gateway',
      dnsCapture: true,
      dnsAutoAllocate: true,
    });
  });

  test('PILOT_ENABLE_IP_AUTOALLOCATE also allocates; values other than "true" do not', () => {
    expect(parseMeshConfig('defaultConfig: { proxyMetadata: { PILOT_ENABLE_IP_AUTOALLOCATE: "true" } }')).toStrictEqual({ dnsAutoAllocate: true });
    expect(parseMeshConfig('defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: "false", ISTIO_META_DNS_AUTO_ALLOCATE: "yes" } }'))
      .toStrictEqual({ dnsCapture: false, dnsAutoAllocate: false });
  });

  test('ignores fields it does not read, as istioctl ignores fields it does not know', () => {
    expect(parseMeshConfig('accessLogFile: /dev/stdout\nsomethingNew: { a: 1 }\ndefaultConfig: { proxyMetadata: { OTHER: "x" } }\n')).toStrictEqual({});
  });

  test('names the field, the value and what would be valid on bad input', () => {
    expect(() => parseMeshConfig('ingressControllerMode: STRICTER')).toThrow('mesh config ingressControllerMode: "STRICTER" is not one of OFF, DEFAULT, STRICT');
    expect(() => parseMeshConfig('ingressService: 5')).toThrow('mesh config ingressService: 5 is not a string (quote it: "5")');
    // Istio reads proxyMetadata as a map of strings: an unquoted true fails to parse there too.
    expect(() => parseMeshConfig('defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: true } }'))
      .toThrow('mesh config defaultConfig.proxyMetadata.ISTIO_META_DNS_CAPTURE: true is not a string (quote it: "true")');
    expect(() => parseMeshConfig('defaultConfig: [a]')).toThrow('mesh config defaultConfig: ["a"] is not a mapping of fields');
    expect(() => parseMeshConfig('- a\n- b\n')).toThrow('mesh config: ["a","b"] is not a mapping of fields');
    expect(() => parseMeshConfig('a: [')).toThrow(/^mesh config is not valid YAML: /);
  });

  test('IstioAnalyzer.parseMeshConfig is the same reader', () => {
    expect(IstioAnalyzer.parseMeshConfig('ingressControllerMode: DEFAULT')).toStrictEqual(parseMeshConfig('ingressControllerMode: DEFAULT'));
  });
});

describe('analyze with a mesh config', () => {
  const gateway: KubeObject = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: 'public', namespace: 'edge' },
    spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['a.example.com'] }] },
  };

  test('without an ingress controller there is no default ingress gateway, as istioctl assumes none', () => {
    expect(analyze([gateway], { meshConfig: { ingressControllerMode: IngressControllerMode.STRICT } })).toEqual([]);
    expect(analyze([gateway], { meshConfig: { ingressControllerMode: IngressControllerMode.DEFAULT } })).toEqual([]);
    expect(analyze([gateway], { meshConfig: { ingressControllerMode: IngressControllerMode.OFF } }).map(formatFinding)).toEqual([
      'Error [IST0101] (Gateway edge/public) Referenced selector not found: "istio=ingressgateway"',
    ]);
  });

  test('without an ingress controller the default egress gateway is still assumed', () => {
    const egress = { ...gateway, spec: { ...gateway.spec, selector: { istio: 'egressgateway' } } };
    expect(analyze([egress], { meshConfig: { ingressControllerMode: IngressControllerMode.OFF } })).toEqual([]);
  });

  test('ingressService names the default ingress gateway\'s Service, which a Service of that name in the input replaces', () => {
    const service: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'edge-gateway', namespace: 'istio-system' },
      spec: { selector: { istio: 'ingressgateway' }, ports: [{ name: 'http', port: 8080 }] },
    };
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'gw', namespace: 'istio-system', labels: { istio: 'ingressgateway' } } };
    expect(analyze([gateway, service, pod], { meshConfig: { ingressService: 'edge-gateway' } }).map((f) => f.code)).toEqual(['IST0162']);
    // With the default name, the assumed Service (port 80) stays beside the input's.
    expect(analyze([gateway, service, pod])).toEqual([]);
  });

  // Re-expresses istio/istio analyzers_test.go, case "missing Addresses and Protocol in Service
  // Entry with ISTIO_META_DNS_AUTO_ALLOCATE enabled" (testdata/serviceentry-missing-addresses-protocol.yaml
  // with serviceentry-missing-addresses-protocol-mesh-cfg.yaml).
  test('with DNS capture and auto-allocation, a ServiceEntry with TCP ports needs no addresses (no IST0134)', () => {
    const entry: KubeObject = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'ServiceEntry',
      metadata: { name: 'db', namespace: 'shop' },
      spec: { hosts: ['db.example.com'], location: 'MESH_EXTERNAL', resolution: 'DNS', ports: [{ number: 5432, name: 'tcp', protocol: 'TCP' }] },
    };
    const codes = (meshConfig: object) => analyze([entry], { meshConfig }).map((f) => f.code);
    expect(codes({})).toEqual(['IST0134']);
    expect(codes({ dnsCapture: true, dnsAutoAllocate: true })).toEqual([]);
    expect(codes(parseMeshConfig('defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: "true", ISTIO_META_DNS_AUTO_ALLOCATE: "true" } }'))).toEqual([]);
    // Auto-allocation works only for sidecars that capture DNS.
    expect(codes({ dnsAutoAllocate: true })).toEqual(['IST0134']);
    expect(codes({ dnsCapture: true })).toEqual(['IST0134']);
  });
});
