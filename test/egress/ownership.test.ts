import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { EgressGateway, EgressMode, EgressRoute, ExternalService, ExternalServiceProtocol, IEgressGateway } from '../../src';
import { findObject } from '../support/objects';

const HTTP = ExternalServiceProtocol.HTTP;
const TLS = ExternalServiceProtocol.TLS;

/** Every ApiObject of the app by construct path, as it synthesizes. */
function objectsByPath(app: App): Map<string, any> {
  for (const chart of app.charts) {
    Testing.synth(chart);
  }
  const objects = app.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
  return new Map(objects.map((o) => [o.node.path, o.toJson()]));
}

/**
 * A platform chart with an egress gateway and routes of its own, and a team chart routing
 * through it, with the routes of one host (two ports, one originating TLS) and of another host
 * declared in the order given.
 */
function buildApp(order: string[]): App {
  const app = Testing.app();
  const platform = new Chart(app, 'platform', { namespace: 'egress' });
  const team = new Chart(app, 'team', { namespace: 'team' });
  const egress = new EgressGateway(platform, 'egress', { ports: [{ name: 'http', port: 80 }, { name: 'tls', port: 443 }] });
  const api = new ExternalService(team, 'api', { hosts: ['api.example.com'], ports: [{ number: 80, protocol: HTTP, name: 'http' }, { number: 443, protocol: TLS, name: 'tls' }, { number: 8443, protocol: TLS, name: 'tls-alt' }] });
  const docs = new ExternalService(platform, 'docs', { hosts: ['docs.example.com'], ports: [{ number: 443, protocol: TLS, name: 'tls' }] });
  const routes: Record<string, () => void> = {
    'api-http': () => new EgressRoute(team, 'api-http', { egressGateway: egress, externalService: api, port: 80, mode: EgressMode.originateTls({ port: 8443 }), virtualServiceName: 'api', destinationRuleName: 'api' }),
    'api-tls': () => new EgressRoute(team, 'api-tls', { egressGateway: egress, externalService: api, port: 443, virtualServiceName: 'api' }),
    'docs': () => egress.route('docs', { externalService: docs }),
  };
  for (const id of order) {
    routes[id]();
  }
  return app;
}

describe('what egress routes share has one owner in the construct tree', () => {
  test('the same app in two declaration orders has the same construct paths and objects', () => {
    const first = objectsByPath(buildApp(['api-http', 'api-tls', 'docs']));
    const second = objectsByPath(buildApp(['docs', 'api-tls', 'api-http']));
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [path, object] of first) {
      expect([path, second.get(path)]).toStrictEqual([path, object]);
    }
    expect([...first.keys()].sort()).toEqual([
      'platform/docs/Resource',
      'platform/egress/DestinationRule:api.example.com/Resource',
      'platform/egress/Gateway/Resource',
      'platform/egress/Resource',
      'platform/egress/VirtualService:egress:docs.example.com/Resource',
      'team/EgressGateway:platform--egress/VirtualService:team:api.example.com/Resource',
      'team/api/Resource',
    ]);
  });

  test('a team\'s routes through another chart\'s gateway land in the team\'s chart and namespace; what lives at the gateway stays in its chart', () => {
    const app = Testing.app();
    const platform = new Chart(app, 'platform', { namespace: 'istio-system' });
    const egress: IEgressGateway = EgressGateway.fromSelector(platform, 'mesh-egress', { selector: { istio: 'egressgateway' }, serviceName: 'istio-egressgateway', ports: [{ name: 'http', port: 80 }] });
    for (const name of ['a', 'b']) {
      const team = new Chart(app, `team-${name}`, { namespace: `team-${name}` });
      const ext = new ExternalService(team, 'ext', { hosts: [`${name}.example.com`], ports: [{ number: 80, protocol: HTTP, name: 'http' }, { number: 443, protocol: TLS, name: 'tls' }] });
      new EgressRoute(team, 'api', { egressGateway: egress, externalService: ext, port: 80, mode: name === 'a' ? EgressMode.originateTls() : EgressMode.http() });
    }
    const [platformObjects, teamA, teamB] = [platform, ...app.charts.slice(1)].map((c) => Testing.synth(c));
    expect(platformObjects.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['Gateway/istio-system/mesh-egress', 'DestinationRule/istio-system/api']);
    expect(findObject(platformObjects, 'Gateway', 'mesh-egress').spec.servers[0].hosts).toEqual(['a.example.com', 'b.example.com']);
    // the DestinationRule makes the gateway originate TLS: it lives in the gateway's namespace
    expect(findObject(platformObjects, 'DestinationRule', 'api').spec.host).toBe('a.example.com');
    for (const [objects, name] of [[teamA, 'a'], [teamB, 'b']] as const) {
      expect(objects.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`)).toEqual([`ServiceEntry/team-${name}/ext`, `VirtualService/team-${name}/api`]);
      expect(findObject(objects, 'VirtualService', 'api').spec.hosts).toEqual([`${name}.example.com`]);
    }
  });

  test('two teams\' route(\'api\') on the shared gateway name the form for team charts', () => {
    const app = Testing.app();
    const platform = new Chart(app, 'platform', { namespace: 'istio-system' });
    const egress = EgressGateway.fromSelector(platform, 'mesh-egress', { selector: { istio: 'egressgateway' }, serviceName: 'istio-egressgateway' });
    const ext = new ExternalService(platform, 'ext', { hosts: ['a.example.com', 'b.example.com'], ports: [{ number: 80, protocol: HTTP, name: 'http' }] });
    egress.route('api', { externalService: ext, host: 'a.example.com' });
    expect(() => egress.route('api', { externalService: ext, host: 'b.example.com' }))
      .toThrow('platform/mesh-egress: invalid id "api": the gateway has a child api already; a route made with route() is a child of the gateway, in its chart: make a team\'s route in the team\'s chart with new EgressRoute(teamChart, id, { egressGateway, ... })');
  });
});
