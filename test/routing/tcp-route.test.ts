import { Testing } from 'cdk8s';
import { Backend, IngressGateway, RouteDestination, ServerProtocol } from '../../src';
import { findObject } from '../support/objects';

const backend = Backend.fromHost('web.shop.svc.cluster.local', 8080);

describe('TCP routes', () => {
  const blue = Backend.fromHost('db-blue.data.svc.cluster.local', 5432);
  const green = Backend.fromHost('db-green.data.svc.cluster.local', 5432);

  test('a TCP route splits connections to the port', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    const db = mesh.expose('db', { hosts: ['*'], port: 5432, protocol: ServerProtocol.TCP });
    db.addTcpRoute({ destinations: [RouteDestination.to(blue, { weight: 3 }), RouteDestination.to(green, { weight: 1 })] });
    expect(findObject(Testing.synth(chart), 'VirtualService', 'db').spec.tcp).toStrictEqual([{
      match: [{ port: 5432 }],
      route: [
        { destination: { host: 'db-blue.data.svc.cluster.local', port: { number: 5432 } }, weight: 3 },
        { destination: { host: 'db-green.data.svc.cluster.local', port: { number: 5432 } }, weight: 1 },
      ],
    }]);
  });

  test('a second TCP route on a port would never match', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    const db = mesh.expose('db', { hosts: ['*'], port: 5432, protocol: ServerProtocol.TCP, backend: blue });
    expect(() => db.addTcpRoute({ destinations: [RouteDestination.to(green)] }))
      .toThrow('test/mesh/db: invalid tcpRoutes[0] "tcp route": port 5432 already has a TCP route to the backend: a second one would never match');
  });

  test('a TCP route on an HTTP exposure is an error', () => {
    const chart = Testing.chart();
    const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
    const exposure = mesh.expose('web', { hosts: ['shop.example.com'], port: 80, backend });
    expect(() => exposure.addTcpRoute({ destinations: [RouteDestination.to(blue)] }))
      .toThrow('test/mesh/web: invalid tcpRoutes[0] "tcp route": tcp routes need a TCP server, or a TLS server that terminates TLS, and this exposure serves HTTP on port 80');
  });
});
