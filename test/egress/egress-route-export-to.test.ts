import { Chart, Testing } from 'cdk8s';
import { EgressGateway, ExternalService, ExternalServiceProtocol, IstioAnalyzer } from '../../src';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject } from '../support/objects';

const HTTP = ExternalServiceProtocol.HTTP;

/** A team's chart in `namespace` with its own egress gateway in `gatewayNamespace`. */
function team(namespace: string, gatewayNamespace: string): { chart: Chart; egress: EgressGateway } {
  const chart = new Chart(Testing.app(), namespace, { namespace });
  const egress = new EgressGateway(chart, 'egress', { namespace: gatewayNamespace, ports: [{ name: 'http', port: 80 }, { name: 'http-alt', port: 8080 }] });
  return { chart, egress };
}

function api(chart: Chart, exportTo?: string[], namespace?: string): ExternalService {
  return new ExternalService(chart, 'api-ext', { hosts: ['api.example.com'], ports: [{ number: 80, protocol: HTTP }], exportTo, namespace });
}

function virtualServiceExportTo(chart: Chart, name = 'api'): unknown {
  return findObject(Testing.synth(chart), 'VirtualService', name).spec.exportTo;
}

describe('EgressRoute exportTo (issue 13, item 5)', () => {
  test('by default the VirtualService is visible where the ServiceEntry is', () => {
    const { chart, egress } = team('apps', 'egress');
    egress.route('api', { externalService: api(chart, ['.', 'egress', 'batch']) });
    expect(virtualServiceExportTo(chart)).toEqual(['.', 'egress', 'batch']);
  });

  test('a ServiceEntry visible everywhere leaves the VirtualService visible everywhere, as before', () => {
    const { chart, egress } = team('apps', 'egress');
    egress.route('api', { externalService: api(chart) });
    expect(virtualServiceExportTo(chart)).toBeUndefined();
    const star = team('apps', 'egress');
    star.egress.route('api', { externalService: api(star.chart, ['*']) });
    expect(virtualServiceExportTo(star.chart)).toBeUndefined();
  });

  test('the ServiceEntry\'s "." is its own namespace, named where the VirtualService is elsewhere', () => {
    const { chart, egress } = team('apps', 'egress');
    egress.route('api', { externalService: api(chart, ['.', 'egress'], 'shared') });
    expect(virtualServiceExportTo(chart)).toEqual(['shared', 'egress']);
  });

  test('a VirtualService in the gateway\'s namespace names the ServiceEntry\'s and reads its own as "."', () => {
    const { chart, egress } = team('apps', 'egress');
    egress.route('api', { externalService: api(chart, ['.', 'egress']), namespace: 'egress' });
    expect(virtualServiceExportTo(chart)).toEqual(['apps', '.']);
  });

  test('a ServiceEntry exported to the gateway\'s namespace by name adds nothing more', () => {
    const { chart, egress } = team('apps', 'egress');
    egress.route('api', { externalService: api(chart, ['egress', 'apps']) });
    expect(virtualServiceExportTo(chart)).toEqual(['egress', '.']);
  });

  test('an exportTo given is used as given', () => {
    const { chart, egress } = team('apps', 'egress');
    egress.route('api', { externalService: api(chart, ['.', 'egress', 'batch']), exportTo: ['.', 'egress'] });
    expect(virtualServiceExportTo(chart)).toEqual(['.', 'egress']);
  });

  test('the routes of one VirtualService that agree share it', () => {
    const { chart, egress } = team('apps', 'egress');
    const ext = new ExternalService(chart, 'api-ext', { hosts: ['api.example.com'], ports: [{ number: 80, protocol: HTTP }, { number: 8080, protocol: HTTP, name: 'http-alt' }], exportTo: ['.', 'egress'] });
    egress.route('api', { externalService: ext, port: 80 });
    egress.route('api-alt', { externalService: ext, port: 8080, virtualServiceName: 'api' });
    expect(virtualServiceExportTo(chart)).toEqual(['.', 'egress']);
  });

  test('two teams routing one host through their own gateways no longer capture each other\'s traffic (IST0109)', () => {
    const a = team('team-a', 'egress-a');
    a.egress.route('api', { externalService: api(a.chart, ['.', 'egress-a']) });
    const b = team('team-b', 'egress-b');
    b.egress.route('api', { externalService: api(b.chart, ['.', 'egress-b']) });
    const objects = [...Testing.synth(a.chart), ...Testing.synth(b.chart)];
    const codes = IstioAnalyzer.analyze(objects, { assumeHostsAndSecretsExist: true, defaultGateway: false }).map((f) => f.code);
    expect(codes).not.toContain('IST0109');
    const unscoped = [a, b].map(({ chart }) => findObject(Testing.synth(chart), 'VirtualService', 'api'));
    const together = unscoped.map((vs) => ({ ...vs, spec: { ...vs.spec, exportTo: undefined } }));
    const others = objects.filter((o) => o.kind !== 'VirtualService');
    expect(IstioAnalyzer.analyze([...others, ...together], { assumeHostsAndSecretsExist: true, defaultGateway: false }).map((f) => f.code)).toContain('IST0109');
  });
});

describe('EgressRoute exportTo errors', () => {
  test('an exportTo that hides the VirtualService from the egress gateway', () => {
    const { chart, egress } = team('apps', 'egress');
    expect(() => egress.route('api', { externalService: api(chart, ['.', 'egress']), exportTo: ['.'] }))
      .toThrow('apps/egress/api: invalid exportTo ["."]: the egress gateway apps/egress runs in namespace egress, and would not see the VirtualService: add "egress" (or "*")');
  });

  test('an entry Istio rejects', () => {
    const { chart, egress } = team('apps', 'egress');
    expect(() => egress.route('api', { externalService: api(chart, ['.', 'egress']), exportTo: ['egress', 'Not_A_Namespace'] }))
      .toThrow(/apps\/egress\/api: invalid exportTo\[1\] "Not_A_Namespace": invalid exportTo entry "Not_A_Namespace"/);
  });

  test('"*" with other entries', () => {
    const { chart, egress } = team('apps', 'egress');
    expect(() => egress.route('api', { externalService: api(chart, ['.', 'egress']), exportTo: ['*', 'egress'] }))
      .toThrow(/apps\/egress\/api: invalid exportTo .*cannot combine "\*"/);
  });

  test('routes of one VirtualService that disagree', () => {
    const { chart, egress } = team('apps', 'egress');
    const ext = new ExternalService(chart, 'api-ext', { hosts: ['api.example.com'], ports: [{ number: 80, protocol: HTTP }, { number: 8080, protocol: HTTP, name: 'http-alt' }], exportTo: ['.', 'egress'] });
    egress.route('api', { externalService: ext, port: 80 });
    expect(() => egress.route('api-alt', { externalService: ext, port: 8080, virtualServiceName: 'api', exportTo: ['*'] }))
      .toThrow('apps/egress/api-alt: invalid exportTo ["*"]: apps/egress/api already routes api.example.com in VirtualService api, which this route joins, and exports it to [".","egress"]: the routes of one VirtualService give the same exportTo');
  });

  test('a ServiceEntry exported to its own namespace, which is not known, from a VirtualService elsewhere', () => {
    const chart = new Chart(Testing.app(), 'apps');
    const egress = new EgressGateway(chart, 'egress', { namespace: 'egress', ports: [{ name: 'http', port: 80 }] });
    expect(() => egress.route('api', { externalService: api(chart, ['.', 'egress']), namespace: 'team' }))
      .toThrow('apps/egress/api: invalid exportTo (not set): the external service apps/api-ext is exported to its own namespace ("."), which is not known, and the VirtualService is in namespace team: give the external service a namespace, or give the route an exportTo');
  });
});

describeWithCrds('EgressRoute exportTo against the CRD schemas', () => {
  test('a default and a given exportTo', () => {
    const validator = new CrdValidator();
    const { chart, egress } = team('apps', 'egress');
    egress.route('api', { externalService: api(chart, ['.', 'egress']) });
    expectValidAgainstCrds(validator, Testing.synth(chart));
  });
});
