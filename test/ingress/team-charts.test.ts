import { ApiObject, Chart, Testing } from 'cdk8s';
import { Backend, Exposure, IngressGateway } from '../../src';
import { findObject } from '../support/objects';

/** A platform chart with the mesh's shared ingress gateway, and a chart per team. */
function platformAndTeams(): { platform: Chart; teams: Chart[]; shared: ReturnType<typeof IngressGateway.fromSelector> } {
  const app = Testing.app();
  const platform = new Chart(app, 'platform', { namespace: 'istio-system' });
  const shared = IngressGateway.fromSelector(platform, 'mesh-ingress', { selector: { istio: 'ingressgateway' }, namespace: 'istio-system', ports: [{ name: 'http', port: 80 }] });
  const teams = ['a', 'b'].map((name) => new Chart(app, `team-${name}`, { namespace: `team-${name}` }));
  return { platform, teams, shared };
}

describe('exposures a team makes through a gateway of another chart', () => {
  test('each team\'s exposure "web" lands in the team\'s chart and namespace, and the platform chart holds none of them', () => {
    const { platform, teams, shared } = platformAndTeams();
    for (const team of teams) {
      new Exposure(team, 'web', { ingressGateway: shared, hosts: [`${team.node.id}.example.com`], backend: Backend.fromHost(`web.${team.namespace}.svc.cluster.local`, 8080) });
    }
    expect(Testing.synth(platform)).toEqual([]);
    for (const team of teams) {
      const objects = Testing.synth(team);
      expect(objects.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`)).toEqual([`Gateway/${team.namespace}/web`, `VirtualService/${team.namespace}/web`]);
      expect(findObject(objects, 'Gateway', 'web').spec.selector).toStrictEqual({ istio: 'ingressgateway' });
      expect(findObject(objects, 'VirtualService', 'web').spec.gateways).toEqual(['web']);
    }
    const paths = teams.flatMap((team) => team.node.findAll().filter((c) => c instanceof ApiObject).map((c) => c.node.path));
    expect(paths).toEqual(['team-a/web/Gateway', 'team-a/web/VirtualService', 'team-b/web/Gateway', 'team-b/web/VirtualService']);
  });

  test('the gateway still refuses one host on one port from two teams', () => {
    const { teams, shared } = platformAndTeams();
    const backend = Backend.fromHost('web.default.svc.cluster.local', 8080);
    new Exposure(teams[0], 'web', { ingressGateway: shared, hosts: ['shop.example.com'], backend });
    expect(() => new Exposure(teams[1], 'web', { ingressGateway: shared, hosts: ['shop.example.com'], backend }))
      .toThrow('team-b/web: invalid hosts "shop.example.com": team-a/web already serves host shop.example.com on port 80 of gateway workload platform/mesh-ingress');
  });

  test('two teams\' expose(\'web\') on the shared gateway name the form for team charts', () => {
    const { shared } = platformAndTeams();
    const backend = Backend.fromHost('web.default.svc.cluster.local', 8080);
    shared.expose('web', { hosts: ['a.example.com'], backend });
    expect(() => shared.expose('web', { hosts: ['b.example.com'], backend }))
      .toThrow('platform/mesh-ingress: invalid id "web": the gateway has a child web already; an exposure made with expose() is a child of the gateway, in its chart: make a team\'s exposure in the team\'s chart with new Exposure(teamChart, id, { ingressGateway, ... })');
  });

  test('expose() is the shorthand for exposures in the gateway\'s own chart: they are its children', () => {
    const { platform, shared } = platformAndTeams();
    const web = shared.expose('web', { hosts: ['www.example.com'], backend: Backend.fromHost('web.default.svc.cluster.local', 8080) });
    expect(web.node.path).toBe('platform/mesh-ingress/web');
    expect(findObject(Testing.synth(platform), 'Gateway', 'web').metadata.namespace).toBe('istio-system');
  });
});
