import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Backend, GatewayReplicas, GatewayServiceType, IngressGateway, PortProtocol, ServerProtocol } from '../../src';
import { findObject } from '../support/objects';

const backend = Backend.fromHost('app.default.svc.cluster.local', 8080);

describe('IngressGateway', () => {
  test('defaults: a LoadBalancer with one pod and http on 80, named after the construct id', () => {
    const chart = Testing.chart();
    const gateway = new IngressGateway(chart, 'edge');
    const mesh = findObject(Testing.synth(chart), 'MeshGateway', 'edge');
    expect(mesh.spec).toStrictEqual({
      type: 'ingress', serviceType: 'LoadBalancer', minReplicas: 1, maxReplicas: 1,
      ports: [{ name: 'http', port: 80, targetPort: 80, protocol: 'TCP' }],
    });
    expect(gateway.node.defaultChild).toBe(gateway.resource);
    expect(gateway.selectorLabels).toStrictEqual({ 'gateway-name': 'edge', 'gateway-type': 'ingress' });
  });

  test('options map to the MeshGateway', () => {
    const chart = Testing.chart();
    const gateway = new IngressGateway(chart, 'edge', {
      name: 'public-edge',
      namespace: 'edge',
      ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'tcp-db', port: 5432, protocol: PortProtocol.TCP }],
      serviceType: GatewayServiceType.NODE_PORT,
      replicas: GatewayReplicas.autoscale(2, 5),
      labels: { team: 'edge' },
      podAnnotations: { 'sidecar.istio.io/logLevel': 'info' },
      serviceAnnotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' },
    });
    const mesh = findObject(Testing.synth(chart), 'MeshGateway', 'public-edge');
    expect(mesh.metadata.namespace).toBe('edge');
    expect(mesh.spec).toStrictEqual({
      type: 'ingress', serviceType: 'NodePort', minReplicas: 2, maxReplicas: 5,
      labels: { team: 'edge' },
      podAnnotations: { 'sidecar.istio.io/logLevel': 'info' },
      serviceAnnotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' },
      ports: [
        { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' },
        { name: 'tcp-db', port: 5432, targetPort: 5432, protocol: 'TCP' },
      ],
    });
    expect(gateway.serviceHost()).toBe('public-edge.edge.svc.cluster.local');
  });

  test('a TCP exposure emits a TCP route matched on the gateway port', () => {
    const chart = Testing.chart();
    const gateway = new IngressGateway(chart, 'edge', { ports: [{ name: 'tcp-db', port: 5432 }] });
    gateway.expose('db', { hosts: ['*'], protocol: ServerProtocol.TCP, backend: Backend.fromHost('db.data.svc.cluster.local', 5432) });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Gateway', 'db').spec.servers[0].port).toStrictEqual({ number: 5432, name: 'tcp-db', protocol: 'TCP' });
    const vs = findObject(objects, 'VirtualService', 'db');
    expect(vs.spec.http).toBeUndefined();
    expect(vs.spec.tcp).toStrictEqual([{ match: [{ port: 5432 }], route: [{ destination: { host: 'db.data.svc.cluster.local', port: { number: 5432 } } }] }]);
  });

  test('names can be set explicitly', () => {
    const chart = Testing.chart();
    new IngressGateway(chart, 'edge').expose('app', { hosts: ['app.example.com'], backend, gatewayName: 'public', virtualServiceName: 'app-routes', namespace: 'apps' });
    const objects = Testing.synth(chart);
    const vs = findObject(objects, 'VirtualService', 'app-routes');
    expect(findObject(objects, 'Gateway', 'public').metadata.namespace).toBe('apps');
    expect(vs.metadata.namespace).toBe('apps');
    expect(vs.spec.gateways).toEqual(['public']);
  });

  test('one host on two ports of one gateway is two exposures', () => {
    const chart = Testing.chart();
    const gateway = new IngressGateway(chart, 'edge', { ports: [{ name: 'http', port: 80 }, { name: 'http-alt', port: 8080 }] });
    gateway.expose('a', { hosts: ['app.example.com'], port: 80, backend });
    gateway.expose('b', { hosts: ['app.example.com'], port: 8080, backend });
    expect(findObject(Testing.synth(chart), 'Gateway', 'b').spec.servers[0].port.name).toBe('http-alt');
  });

  test('an existing gateway with unknown ports names the server port after the protocol', () => {
    const chart = Testing.chart();
    IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } })
      .expose('grpc', { hosts: ['grpc.example.com'], port: 9000, protocol: ServerProtocol.GRPC, backend });
    expect(findObject(Testing.synth(chart), 'Gateway', 'grpc').spec.servers[0].port).toStrictEqual({ number: 9000, name: 'grpc', protocol: 'GRPC' });
  });
});

describe('IngressGateway errors', () => {
  test('exposing on a port the gateway does not listen on', () => {
    const gateway = new IngressGateway(Testing.chart(), 'edge', { ports: [{ name: 'http', port: 8000 }] });
    expect(() => gateway.expose('app', { hosts: ['app.example.com'], port: 80, backend }))
      .toThrow('test/edge/app: invalid port 80: gateway workload test/edge listens on 8000 (http)');
  });

  test('exposing on a port of an existing gateway whose ports were given', () => {
    const gateway = IngressGateway.fromSelector(Testing.chart(), 'mesh', { selector: { istio: 'ingressgateway' }, ports: [{ name: 'http2', port: 80 }] });
    expect(() => gateway.expose('app', { hosts: ['app.example.com'], port: 443, backend }))
      .toThrow('test/mesh/app: invalid port 443: gateway workload test/mesh listens on 80 (http2)');
  });

  test('no port where the gateway has several', () => {
    const gateway = new IngressGateway(Testing.chart(), 'edge', { ports: [{ name: 'http', port: 80 }, { name: 'http-alt', port: 8080 }] });
    expect(() => gateway.expose('app', { hosts: ['app.example.com'], backend }))
      .toThrow('test/edge/app: invalid port (not set): gateway workload test/edge has ports 80, 8080: name the port to serve on');
  });

  test.each([
    ['foo_bar.example.com', 'domain name "foo_bar.example.com" is invalid: label "foo_bar" is not a DNS-1123 label or a wildcard'],
    ['a..b', 'domain name "a..b" is invalid: label "" is not a DNS-1123 label'],
    ['*foo.example.com', 'partial wildcard "*foo.example.com" is not allowed: use "*" or a "*." prefix'],
    ['-x.example.com', 'domain name "-x.example.com" is invalid: label "-x" is not a DNS-1123 label or a wildcard'],
    // Reproduction of issue 11: the construct's own host check admitted an all-digit top-level domain.
    ['foo.123', 'domain name "foo.123" is invalid: the top level domain "123" cannot be all digits'],
    ['shop', 'short name "shop" is not allowed: use a fully qualified name'],
  ])('a host the Gateway rule refuses: %s', (host, reason) => {
    const gateway = new IngressGateway(Testing.chart(), 'edge');
    expect(() => gateway.expose('app', { hosts: ['ok.example.com', host], backend }))
      .toThrow(`test/edge/app: invalid hosts[1] ${JSON.stringify(host)}: ${reason}`);
  });

  test('a host with a trailing dot is admitted, as Istio admits it', () => {
    const gateway = new IngressGateway(Testing.chart(), 'edge');
    expect(gateway.expose('app', { hosts: ['app.example.com.'], backend }).hosts).toStrictEqual(['app.example.com.']);
  });

  test('an empty host list', () => {
    const gateway = new IngressGateway(Testing.chart(), 'edge');
    expect(() => gateway.expose('app', { hosts: [], backend })).toThrow('test/edge/app: invalid hosts []: expected at least one host');
  });

  test.each([0, 65536, -1, 80.5])('a port outside 1-65535: %s', (port) => {
    expect(() => new IngressGateway(Testing.chart(), 'edge', { ports: [{ name: 'http', port }] }))
      .toThrow(`test/edge: invalid ports[0].port ${port}: port number ${port} must be in the range 1..65535`);
  });

  test('an exposure port outside 1-65535', () => {
    const gateway = IngressGateway.fromSelector(Testing.chart(), 'mesh', { selector: { istio: 'ingressgateway' } });
    expect(() => gateway.expose('app', { hosts: ['app.example.com'], port: 70000, backend }))
      .toThrow('test/mesh/app: invalid port 70000: port number 70000 must be in the range 1..65535');
  });

  test('a target port outside 1-65535', () => {
    expect(() => new IngressGateway(Testing.chart(), 'edge', { ports: [{ name: 'http', port: 80, targetPort: 0 }] }))
      .toThrow('test/edge: invalid ports[0].targetPort 0: port number 0 must be in the range 1..65535');
  });

  test('duplicate port names on a gateway', () => {
    expect(() => new IngressGateway(Testing.chart(), 'edge', { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 8080 }] }))
      .toThrow('test/edge: invalid ports[1].name "http": port names must be unique on a gateway');
  });

  test('duplicate port numbers on a gateway', () => {
    expect(() => new IngressGateway(Testing.chart(), 'edge', { ports: [{ name: 'http', port: 80 }, { name: 'http2', port: 80 }] }))
      .toThrow('test/edge: invalid ports[1].port 80: port numbers must be unique on a gateway');
  });

  test('a port name that is not a DNS-1123 label', () => {
    expect(() => new IngressGateway(Testing.chart(), 'edge', { ports: [{ name: 'HTTP_Port', port: 80 }] }))
      .toThrow('test/edge: invalid ports[0].name "HTTP_Port": expected a DNS-1123 label such as "http" or "https-443"');
  });

  test('no ports at all', () => {
    expect(() => new IngressGateway(Testing.chart(), 'edge', { ports: [] })).toThrow('test/edge: invalid ports []: expected at least one port');
  });

  test('two exposures that bind the same host and port on one gateway', () => {
    const gateway = new IngressGateway(Testing.chart(), 'edge');
    gateway.expose('first', { hosts: ['app.example.com'], backend });
    expect(() => gateway.expose('second', { hosts: ['other.example.com', 'app.example.com'], backend }))
      .toThrow('test/edge/second: invalid hosts "app.example.com": test/edge/first already serves host app.example.com on port 80 of gateway workload test/edge: use another host or port, or add the route to test/edge/first');
  });

  test('a name that is not DNS-1123', () => {
    expect(() => new IngressGateway(Testing.chart(), 'Edge_Gateway')).toThrow('test/Edge_Gateway: invalid name "Edge_Gateway": expected a DNS-1035 label (it names a Service)');
    expect(() => new IngressGateway(Testing.chart(), '1edge')).toThrow('test/1edge: invalid name "1edge": expected a DNS-1035 label (it names a Service)');
    expect(() => IngressGateway.fromSelector(Testing.chart(), 'mesh', { selector: { istio: 'ingressgateway' }, serviceName: 'istio.ingressgateway' }))
      .toThrow('test/mesh: invalid serviceName "istio.ingressgateway": expected a DNS-1035 label (it names a Service)');
    const gateway = new IngressGateway(Testing.chart(), 'edge');
    expect(() => gateway.expose('App', { hosts: ['app.example.com'], backend })).toThrow('test/edge/App: invalid gatewayName "App": expected a DNS-1123 label (Istio requires it of Gateway names)');
    expect(() => gateway.expose('app', { hosts: ['app.example.com'], backend, gatewayName: 'app.public' }))
      .toThrow('test/edge/app: invalid gatewayName "app.public": expected a DNS-1123 label (Istio requires it of Gateway names)');
  });

  test('a namespace that is not a DNS-1123 label', () => {
    expect(() => new IngressGateway(Testing.chart(), 'edge', { namespace: 'Edge' })).toThrow('test/edge: invalid namespace "Edge": expected a DNS-1123 label');
  });

  // The construct had its own replica rule (at least 1); the MeshGateway rule admits 0.
  test('negative replicas or a maximum below the minimum are errors, as the MeshGateway rule says', () => {
    expect(() => new IngressGateway(Testing.chart(), 'a', { replicas: GatewayReplicas.fixed(-1) })).toThrow('test/a: invalid replicas.min -1: expected a number at least 0, got -1');
    expect(() => new IngressGateway(Testing.chart(), 'b', { replicas: GatewayReplicas.autoscale(3, 2) })).toThrow('test/b: invalid replicas.min 3: the minimum number of replicas (3) is greater than the maximum (2)');
  });

  test('a gateway scaled to zero replicas is admitted, as the operator admits it', () => {
    const chart = Testing.chart();
    new IngressGateway(chart, 'edge', { replicas: GatewayReplicas.fixed(0) });
    expect(Testing.synth(chart)[0].spec).toMatchObject({ minReplicas: 0, maxReplicas: 0 });
  });

  test('a label the operator owns', () => {
    expect(() => new IngressGateway(Testing.chart(), 'edge', { labels: { 'gateway-name': 'x' } }))
      .toThrow('test/edge: invalid labels["gateway-name"] "x": the operator sets gateway-name itself: leave it out');
  });

  test('an empty selector for an existing gateway', () => {
    expect(() => IngressGateway.fromSelector(Testing.chart(), 'mesh', { selector: {} }))
      .toThrow('test/mesh: invalid selector {}: expected at least one label');
  });

  test('the cluster-local host of a workload whose Service is not known', () => {
    const gateway = IngressGateway.fromSelector(Testing.chart(), 'mesh', { selector: { istio: 'ingressgateway' } });
    expect(() => gateway.serviceHost()).toThrow(/test\/mesh: invalid namespace \(not set\): the cluster-local host of gateway workload test\/mesh needs its Service name \(not known\) and namespace \(not known\)/);
  });
});

describe('Backend', () => {
  function exposeTo(chart: any, b: Backend): any {
    IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } }).expose('app', { hosts: ['app.example.com'], port: 80, backend: b });
    return findObject(Testing.synth(chart), 'VirtualService', 'app').spec.http[0].route[0].destination;
  }

  test('a Service with one port: host from its name and namespace, its port', () => {
    const chart = Testing.chart();
    const service = new kplus.Service(chart, 'svc', { metadata: { name: 'shop', namespace: 'store' }, ports: [{ port: 9090 }] });
    expect(exposeTo(chart, Backend.fromService(service))).toStrictEqual({ host: 'shop.store.svc.cluster.local', port: { number: 9090 } });
  });

  test('a Service with several ports and the port named', () => {
    const chart = Testing.chart();
    const service = new kplus.Service(chart, 'svc', { metadata: { name: 'shop', namespace: 'store' }, ports: [{ port: 80 }, { port: 9090 }] });
    expect(exposeTo(chart, Backend.fromService(service, { port: 9090 }))).toStrictEqual({ host: 'shop.store.svc.cluster.local', port: { number: 9090 } });
  });

  test('a port added to the Service after it was exposed is seen', () => {
    const chart = Testing.chart();
    const service = new kplus.Service(chart, 'svc', { metadata: { name: 'shop', namespace: 'store' } });
    const b = Backend.fromService(service);
    IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } }).expose('app', { hosts: ['app.example.com'], port: 80, backend: b });
    service.bind(7070);
    expect(findObject(Testing.synth(chart), 'VirtualService', 'app').spec.http[0].route[0].destination.port).toStrictEqual({ number: 7070 });
  });

  test('a Service with several ports and no port named fails', () => {
    const chart = Testing.chart();
    const service = new kplus.Service(chart, 'svc', { metadata: { name: 'shop', namespace: 'store' }, ports: [{ port: 80 }, { port: 9090 }] });
    expect(() => exposeTo(chart, Backend.fromService(service)))
      .toThrow('test/mesh/app: invalid backend.port (not set): This VirtualService routes to a service "shop.store.svc.cluster.local" that exposes multiple ports [80 9090]. Specifying a port in the destination is required to disambiguate. Name one with Backend.fromService(service, { port }).');
  });

  test('a port the Service does not expose fails', () => {
    const chart = Testing.chart();
    const service = new kplus.Service(chart, 'svc', { metadata: { name: 'shop', namespace: 'store' }, ports: [{ port: 80 }] });
    expect(() => exposeTo(chart, Backend.fromService(service, { port: 81 }))).toThrow('test/mesh/app: invalid backend.port 81: Referenced host:port not found: "shop.store.svc.cluster.local:81"');
  });

  test('a Service without a namespace fails', () => {
    const chart = Testing.chart();
    const service = new kplus.Service(chart, 'svc', { metadata: { name: 'shop' }, ports: [{ port: 80 }] });
    expect(() => exposeTo(chart, Backend.fromService(service))).toThrow(/test\/mesh\/app: invalid backend.service "shop": service test\/svc has no namespace/);
  });

  test('a host backend with a bad port fails; a wildcard host is routed to, as Istio admits it (a ServiceEntry may declare it)', () => {
    expect(exposeTo(Testing.chart(), Backend.fromHost('*.example.com', 80))).toStrictEqual({ host: '*.example.com', port: { number: 80 } });
    expect(() => exposeTo(Testing.chart(), Backend.fromHost('*', 80))).toThrow(/test\/mesh\/app: invalid backend.host "\*"/);
    expect(() => exposeTo(Testing.chart(), Backend.fromHost('a.example.com', 0))).toThrow('test/mesh/app: invalid backend.port 0: port number 0 must be in the range 1..65535');
  });
});
