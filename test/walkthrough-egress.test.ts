import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from './support/crds';
import { findObject, objectsOfKind } from './support/objects';
import { synthWalkthrough, toYaml } from './support/synth';

const charts = synthWalkthrough();
const step3 = charts.get('03-external-service')!;
const step4 = charts.get('04-egress-gateway')!;
const https = charts.get('05-egress-https')!;

describe('walkthrough step 3: httpbin.org in the service registry', () => {
  test('matches the snapshot', () => {
    expect(toYaml(step3)).toMatchSnapshot();
  });

  test('one ServiceEntry for httpbin.org on HTTP port 80, resolved by DNS, outside the mesh', () => {
    expect(step3.map((o) => o.kind)).toEqual(['ServiceEntry']);
    const entry = findObject(step3, 'ServiceEntry', 'httpbin-ext');
    expect(entry.apiVersion).toBe('networking.istio.io/v1beta1');
    expect(entry.metadata.namespace).toBe('default');
    expect(entry.spec).toStrictEqual({
      hosts: ['httpbin.org'],
      ports: [{ number: 80, name: 'http', protocol: 'HTTP' }],
      resolution: 'DNS',
      location: 'MESH_EXTERNAL',
    });
  });
});

describe('walkthrough step 4: httpbin.org through a dedicated egress gateway', () => {
  test('matches the snapshot', () => {
    expect(toYaml(step4)).toMatchSnapshot();
  });

  test('a MeshGateway, a Gateway and the VirtualService that names it, in that order; the ServiceEntry stays in step 3', () => {
    expect(step4.map((o) => o.kind)).toEqual(['MeshGateway', 'Gateway', 'VirtualService']);
  });

  test('the MeshGateway is an egress ClusterIP with one pod and http on 80', () => {
    const mesh = findObject(step4, 'MeshGateway', 'egress');
    expect(mesh.metadata.namespace).toBe('default');
    expect(mesh.spec).toStrictEqual({
      type: 'egress',
      serviceType: 'ClusterIP',
      minReplicas: 1,
      maxReplicas: 1,
      ports: [{ name: 'http', port: 80, targetPort: 80, protocol: 'TCP' }],
    });
  });

  test('the Gateway selects the egress pods and accepts httpbin.org only, on port 80', () => {
    const mesh = findObject(step4, 'MeshGateway', 'egress');
    const gateway = findObject(step4, 'Gateway', 'egress');
    expect(gateway.metadata.namespace).toBe('default');
    expect(gateway.spec).toStrictEqual({
      selector: { 'gateway-name': 'egress', 'gateway-type': 'egress' },
      servers: [{ hosts: ['httpbin.org'], port: { number: 80, name: 'http', protocol: 'HTTP' } }],
    });
    expect(gateway.spec.selector).toStrictEqual({ 'gateway-name': mesh.metadata.name, 'gateway-type': mesh.spec.type });
    expect(mesh.spec.ports.map((p: any) => p.port)).toContain(gateway.spec.servers[0].port.number);
    expect(gateway.spec.servers.flatMap((s: any) => s.hosts)).not.toContain('*');
  });

  test('the VirtualService sends the sidecars to the egress gateway and the egress gateway to httpbin.org', () => {
    const vs = findObject(step4, 'VirtualService', 'httpbin-egress');
    expect(vs.metadata.namespace).toBe('default');
    expect(vs.spec).toStrictEqual({
      hosts: ['httpbin.org'],
      gateways: ['egress', 'mesh'],
      http: [
        { match: [{ gateways: ['mesh'], port: 80 }], route: [{ destination: { host: 'egress.default.svc.cluster.local', port: { number: 80 } } }] },
        { match: [{ gateways: ['egress'], port: 80 }], route: [{ destination: { host: 'httpbin.org', port: { number: 80 } } }] },
      ],
    });
  });

  test('cross-references: the Gateway, the egress Service, and the step 3 ServiceEntry', () => {
    const entry = findObject(step3, 'ServiceEntry', 'httpbin-ext');
    const mesh = findObject(step4, 'MeshGateway', 'egress');
    const gateway = findObject(step4, 'Gateway', 'egress');
    const vs = findObject(step4, 'VirtualService', 'httpbin-egress');
    const [fromMesh, fromGateway] = vs.spec.http;
    expect(vs.spec.gateways).toContain(gateway.metadata.name);
    expect(fromGateway.match[0].gateways).toEqual([gateway.metadata.name]);
    expect(fromMesh.route[0].destination.host).toBe(`${mesh.metadata.name}.${mesh.metadata.namespace}.svc.cluster.local`);
    expect(fromMesh.route[0].destination.port.number).toBe(gateway.spec.servers[0].port.number);
    expect(fromGateway.match[0].port).toBe(gateway.spec.servers[0].port.number);
    expect(entry.spec.hosts).toEqual(vs.spec.hosts);
    expect(entry.spec.hosts).toEqual(gateway.spec.servers[0].hosts);
    expect(entry.spec.ports.map((p: any) => p.number)).toContain(fromMesh.match[0].port);
    expect(entry.spec.ports.map((p: any) => p.number)).toContain(fromGateway.route[0].destination.port.number);
  });
});

describe('HTTPS egress and a registry-only namespace', () => {
  test('matches the snapshot', () => {
    expect(toYaml(https)).toMatchSnapshot();
  });

  test('the namespace is registry-only with a Sidecar that keeps the default visibility', () => {
    expect(findObject(https, 'Sidecar', 'registry-only')).toStrictEqual({
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'Sidecar',
      metadata: { name: 'registry-only', namespace: 'default' },
      spec: { egress: [{ hosts: ['*/*'] }], outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } },
    });
  });

  test('one Gateway on the existing egress gateway, in its namespace: TLS passthrough on 443, HTTP on 80', () => {
    expect(objectsOfKind(https, 'Gateway')).toHaveLength(1);
    const gateway = findObject(https, 'Gateway', 'istio-egressgateway');
    expect(gateway.metadata.namespace).toBe('istio-system');
    expect(gateway.spec).toStrictEqual({
      selector: { istio: 'egressgateway' },
      servers: [
        { hosts: ['api.github.com'], port: { number: 443, name: 'tls', protocol: 'TLS' }, tls: { mode: 'PASSTHROUGH' } },
        { hosts: ['edition.cnn.com'], port: { number: 80, name: 'http', protocol: 'HTTP' } },
      ],
    });
  });

  test('TLS passthrough: tls routes matched on SNI, gateway and port, the Gateway named across namespaces', () => {
    const entry = findObject(https, 'ServiceEntry', 'github-api');
    expect(entry.spec.ports).toStrictEqual([{ number: 443, name: 'tls', protocol: 'TLS' }]);
    const vs = findObject(https, 'VirtualService', 'github-api-egress');
    expect(vs.metadata.namespace).toBe('default');
    expect(vs.spec).toStrictEqual({
      hosts: ['api.github.com'],
      gateways: ['istio-system/istio-egressgateway', 'mesh'],
      tls: [
        {
          match: [{ gateways: ['mesh'], port: 443, sniHosts: ['api.github.com'] }],
          route: [{ destination: { host: 'istio-egressgateway.istio-system.svc.cluster.local', port: { number: 443 } } }],
        },
        {
          match: [{ gateways: ['istio-system/istio-egressgateway'], port: 443, sniHosts: ['api.github.com'] }],
          route: [{ destination: { host: 'api.github.com', port: { number: 443 } } }],
        },
      ],
    });
  });

  test('TLS origination from 80, not also passthrough on 443 (the DestinationRule would wrap it again); the DestinationRule verifies the server', () => {
    const entry = findObject(https, 'ServiceEntry', 'edition-cnn');
    expect(entry.spec.ports).toStrictEqual([
      { number: 80, name: 'http', protocol: 'HTTP' },
      { number: 443, name: 'https', protocol: 'HTTPS' },
    ]);
    const vs = findObject(https, 'VirtualService', 'edition-cnn-egress');
    expect(vs.spec).toStrictEqual({
      hosts: ['edition.cnn.com'],
      gateways: ['istio-system/istio-egressgateway', 'mesh'],
      http: [
        { match: [{ gateways: ['mesh'], port: 80 }], route: [{ destination: { host: 'istio-egressgateway.istio-system.svc.cluster.local', port: { number: 80 } } }] },
        { match: [{ gateways: ['istio-system/istio-egressgateway'], port: 80 }], route: [{ destination: { host: 'edition.cnn.com', port: { number: 443 } } }] },
      ],
    });
    expect(objectsOfKind(https, 'VirtualService').filter((o) => o.spec.hosts.includes('edition.cnn.com'))).toHaveLength(1);
    const rule = findObject(https, 'DestinationRule', 'edition-cnn-egress');
    const gateway = findObject(https, 'Gateway', 'istio-egressgateway');
    expect(rule.metadata.namespace).toBe(gateway.metadata.namespace);
    expect(rule.spec).toStrictEqual({
      host: 'edition.cnn.com',
      exportTo: ['.'],
      trafficPolicy: {
        portLevelSettings: [{ port: { number: 443 }, tls: { mode: 'SIMPLE', sni: 'edition.cnn.com', caCertificates: '/etc/ssl/certs/ca-certificates.crt' } }],
      },
    });
  });
});

describeWithCrds('walkthrough steps 3-4 and HTTPS egress against the CRD schemas', () => {
  const validator = new CrdValidator();
  test.each([['step 3', step3], ['step 4', step4], ['HTTPS egress', https]])('%s: every custom resource is valid', (_name, objects) => {
    expectValidAgainstCrds(validator, objects);
  });
});
