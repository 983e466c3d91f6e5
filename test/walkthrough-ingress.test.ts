import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from './support/crds';
import { findObject, objectsOfKind } from './support/objects';
import { synthWalkthrough, toYaml } from './support/synth';

const charts = synthWalkthrough();
const step1 = charts.get('01-ingress-default-gateway')!;
const step2 = charts.get('02-dedicated-ingress-gateway')!;

describe('walkthrough step 1: the mesh default ingress gateway', () => {
  test('matches the snapshot', () => {
    expect(toYaml(step1)).toMatchSnapshot();
  });

  test('creates no gateway workload, only a Gateway and a VirtualService', () => {
    expect(step1.map((o) => o.kind).sort()).toEqual(['Gateway', 'VirtualService']);
  });

  test('the Gateway selects the default gateway and serves the host on port 80', () => {
    const gateway = findObject(step1, 'Gateway', 'frontpage');
    expect(gateway.apiVersion).toBe('networking.istio.io/v1beta1');
    expect(gateway.metadata.namespace).toBe('backyards-demo');
    expect(gateway.spec).toStrictEqual({
      selector: { istio: 'ingressgateway' },
      servers: [{ hosts: ['frontpage.example.com'], port: { number: 80, name: 'http', protocol: 'HTTP' } }],
    });
  });

  test('the VirtualService names the Gateway, repeats its hosts and routes to the backend', () => {
    const gateway = findObject(step1, 'Gateway', 'frontpage');
    const vs = findObject(step1, 'VirtualService', 'frontpage');
    expect(vs.metadata.namespace).toBe(gateway.metadata.namespace);
    expect(vs.spec.gateways).toEqual([gateway.metadata.name]);
    expect(vs.spec.hosts).toEqual(gateway.spec.servers[0].hosts);
    expect(vs.spec.http).toStrictEqual([{
      route: [{ destination: { host: 'frontpage.backyards-demo.svc.cluster.local', port: { number: 8080 } } }],
    }]);
  });
});

describe('walkthrough step 2: a dedicated ingress gateway on port 8000', () => {
  test('matches the snapshot', () => {
    expect(toYaml(step2)).toMatchSnapshot();
  });

  test('the MeshGateway is an ingress LoadBalancer with one pod and one port', () => {
    const mesh = findObject(step2, 'MeshGateway', 'echo-ingress');
    expect(mesh.apiVersion).toBe('istio.banzaicloud.io/v1beta1');
    expect(mesh.metadata.namespace).toBe('default');
    expect(mesh.spec).toStrictEqual({
      type: 'ingress',
      serviceType: 'LoadBalancer',
      minReplicas: 1,
      maxReplicas: 1,
      ports: [{ name: 'http', port: 8000, targetPort: 8000, protocol: 'TCP' }],
    });
  });

  test('the Gateway selects the labels the operator puts on the MeshGateway pods', () => {
    const mesh = findObject(step2, 'MeshGateway', 'echo-ingress');
    const gateway = findObject(step2, 'Gateway', 'echo');
    expect(gateway.spec.selector).toStrictEqual({ 'gateway-name': mesh.metadata.name, 'gateway-type': mesh.spec.type });
  });

  test('the Gateway server listens on a port the MeshGateway exposes, under its name', () => {
    const mesh = findObject(step2, 'MeshGateway', 'echo-ingress');
    const server = findObject(step2, 'Gateway', 'echo').spec.servers[0];
    const meshPort = mesh.spec.ports.find((p: any) => p.port === server.port.number);
    expect(server).toStrictEqual({ hosts: ['echo.example.com'], port: { number: 8000, name: 'http', protocol: 'HTTP' } });
    expect(meshPort.name).toBe(server.port.name);
  });

  test('the VirtualService routes to the cdk8s-plus Service by its cluster-local host and port', () => {
    const service = findObject(step2, 'Service', 'echo');
    const gateway = findObject(step2, 'Gateway', 'echo');
    const vs = findObject(step2, 'VirtualService', 'echo');
    expect(vs.spec.gateways).toEqual([gateway.metadata.name]);
    expect(vs.spec.hosts).toEqual(gateway.spec.servers[0].hosts);
    const destination = vs.spec.http[0].route[0].destination;
    expect(destination).toStrictEqual({ host: 'echo.default.svc.cluster.local', port: { number: 80 } });
    expect(destination.host).toBe(`${service.metadata.name}.${service.metadata.namespace}.svc.cluster.local`);
    expect(service.spec.ports.map((p: any) => p.port)).toContain(destination.port.number);
  });

  test('leaves the shared default gateway alone', () => {
    const gateways = objectsOfKind(step2, 'Gateway');
    expect(gateways.every((g) => g.spec.selector.istio === undefined)).toBe(true);
  });
});

describeWithCrds('walkthrough steps 1-2 against the CRD schemas', () => {
  const validator = new CrdValidator();
  test.each([['step 1', step1], ['step 2', step2]])('%s: every custom resource is valid', (_name, objects) => {
    expectValidAgainstCrds(validator, objects);
  });
});
