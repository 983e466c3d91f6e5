import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Backend, IngressGateway, IstioApiVersion, networking, RouteDestination, ServiceSubsets } from '../../src';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject } from '../support/objects';

function setup() {
  const chart = Testing.chart();
  const service = new kplus.Service(chart, 'web-svc', {
    metadata: { name: 'web', namespace: 'shop' },
    selector: kplus.Pods.select(chart, 'web-pods', { labels: { app: 'web' } }),
    ports: [{ port: 80, targetPort: 8080 }],
  });
  const backend = Backend.fromService(service);
  const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
  const exposure = mesh.expose('web', { hosts: ['shop.example.com'], port: 80 });
  return { chart, backend, exposure };
}

describe('ServiceSubsets', () => {
  test('a canary split routes to subsets of one host, which the DestinationRule defines by labels', () => {
    const { chart, backend, exposure } = setup();
    const subsets = new ServiceSubsets(chart, 'web-versions', { backend, namespace: 'shop' });
    subsets.addSubset('stable', { version: 'v1' });
    subsets.addSubset('canary', { version: 'v2' });
    exposure.addHttpRoute({
      destinations: [
        RouteDestination.toSubset(subsets, 'stable', { percent: 90 }),
        RouteDestination.toSubset(subsets, 'canary', { percent: 10 }),
      ],
    });
    const objects = Testing.synth(chart);
    const rule = findObject(objects, 'DestinationRule', 'web-versions');
    expect(subsets.node.defaultChild).toBe(subsets.resource);
    expect(rule.apiVersion).toBe('networking.istio.io/v1beta1');
    expect(rule.metadata.namespace).toBe('shop');
    expect(rule.spec).toStrictEqual({
      host: 'web.shop.svc.cluster.local',
      subsets: [{ name: 'stable', labels: { version: 'v1' } }, { name: 'canary', labels: { version: 'v2' } }],
    });
    const route = findObject(objects, 'VirtualService', 'web').spec.http[0].route;
    expect(route).toStrictEqual([
      { destination: { host: 'web.shop.svc.cluster.local', port: { number: 80 }, subset: 'stable' }, weight: 90 },
      { destination: { host: 'web.shop.svc.cluster.local', port: { number: 80 }, subset: 'canary' }, weight: 10 },
    ]);
    for (const r of route) {
      expect(rule.spec.host).toBe(r.destination.host);
      expect(rule.spec.subsets.map((s: any) => s.name)).toContain(r.destination.subset);
    }
  });

  test('the DestinationRule follows the API version in force', () => {
    const chart = Testing.chart();
    IstioApiVersion.use(chart, IstioApiVersion.V1);
    const backend = Backend.fromHost('web.shop.svc.cluster.local', 80);
    new ServiceSubsets(chart, 'rules', { backend, name: 'web-rules' }).addSubset('v1', { version: 'v1' });
    expect(findObject(Testing.synth(chart), 'DestinationRule', 'web-rules').apiVersion).toBe('networking.istio.io/v1');
  });

  test('subsets of a DestinationRule owned elsewhere can be referenced by name', () => {
    const { chart, backend, exposure } = setup();
    const subsets = ServiceSubsets.fromSubsetNames(chart, 'existing', { backend, subsetNames: ['blue', 'green'] });
    exposure.addHttpRoute({ destinations: [RouteDestination.toSubset(subsets, 'blue', { weight: 0 }), RouteDestination.toSubset(subsets, 'green', { weight: 1 })] });
    const objects = Testing.synth(chart);
    expect(objects.filter((o) => o.kind === 'DestinationRule')).toHaveLength(0);
    expect(findObject(objects, 'VirtualService', 'web').spec.http[0].route.map((r: any) => r.destination.subset)).toEqual(['blue', 'green']);
  });

  test('subsets owned elsewhere must still be defined by the app\'s DestinationRules when it has some for the host', () => {
    const { chart, backend, exposure } = setup();
    new networking.DestinationRule(chart, 'l1-rule', {
      metadata: { name: 'web-l1', namespace: 'shop' },
      spec: { host: 'web.shop.svc.cluster.local', subsets: [{ name: 'blue', labels: { version: 'v1' } }] },
    });
    const subsets = ServiceSubsets.fromSubsetNames(chart, 'existing', { backend, subsetNames: ['green'] });
    exposure.addHttpRoute({ destinations: [RouteDestination.toSubset(subsets, 'green')] });
    expect(() => Testing.synth(chart))
      .toThrow('Error [IST0101] (VirtualService default/web) Referenced host+subset in destinationrule not found: "web.shop.svc.cluster.local+green"');
  });

  test('a subset that no DestinationRule defines fails at synth', () => {
    const { chart, backend, exposure } = setup();
    const subsets = new ServiceSubsets(chart, 'web-versions', { backend });
    subsets.addSubset('stable', { version: 'v1' });
    exposure.addHttpRoute({ destinations: [RouteDestination.toSubset(subsets, 'canary')] });
    expect(() => Testing.synth(chart))
      .toThrow('test/mesh/web: invalid httpRoutes[0].destinations[0].subset "canary": no DestinationRule defines it for web.shop.svc.cluster.local: test/web-versions defines stable');
  });

  test('a subset missing from a referenced DestinationRule fails at synth', () => {
    const { chart, backend, exposure } = setup();
    const subsets = ServiceSubsets.fromSubsetNames(chart, 'existing', { backend, subsetNames: ['blue'] });
    exposure.addHttpRoute({ destinations: [RouteDestination.toSubset(subsets, 'green')] });
    expect(() => Testing.synth(chart))
      .toThrow('test/mesh/web: invalid httpRoutes[0].destinations[0].subset "green": no DestinationRule defines it for web.shop.svc.cluster.local: test/existing defines blue');
  });

  test('a DestinationRule without subsets fails validation', () => {
    const { chart, backend } = setup();
    new ServiceSubsets(chart, 'empty', { backend });
    expect(() => Testing.synth(chart)).toThrow(/test\/empty: no subsets: call addSubset at least once/);
  });

  test('subset names are DNS labels, unique, with valid labels', () => {
    const { chart, backend } = setup();
    const subsets = new ServiceSubsets(chart, 'web-versions', { backend });
    expect(() => subsets.addSubset('v_1', { version: 'v1' })).toThrow('test/web-versions: invalid subset name "v_1": invalid subset name "v_1": expected a DNS-1123 label');
    // Istio's DNS label admits upper case; the construct had refused it
    subsets.addSubset('V0', { version: 'v0' });
    subsets.addSubset('v1', { version: 'v1' });
    expect(() => subsets.addSubset('v1', { version: 'v2' })).toThrow('test/web-versions: invalid subset name "v1": subset names must be unique in a DestinationRule');
    expect(() => subsets.addSubset('v2', { version: 'v 2' })).toThrow('test/web-versions: invalid subsets["v2"].labels {"version":"v 2"}: invalid label value "v 2" for key "version"');
    expect(() => ServiceSubsets.fromSubsetNames(chart, 'bad', { backend, subsetNames: ['blue.green'] }))
      .toThrow('test/bad: invalid subsetNames[0] "blue.green": invalid subset name "blue.green": expected a DNS-1123 label');
  });
});

test('a subset without labels is every pod of the service, as Istio admits it', () => {
  const { chart, backend, exposure } = setup();
  const subsets = new ServiceSubsets(chart, 'web-versions', { backend, namespace: 'shop' });
  subsets.addSubset('all', {});
  exposure.addHttpRoute({ destinations: [RouteDestination.toSubset(subsets, 'all')] });
  expect(findObject(Testing.synth(chart), 'DestinationRule', 'web-versions').spec.subsets).toStrictEqual([{ name: 'all', labels: {} }]);
});

describeWithCrds('ServiceSubsets against the CRD schemas', () => {
  test('the DestinationRule and the split are valid', () => {
    const { chart, backend, exposure } = setup();
    const subsets = new ServiceSubsets(chart, 'web-versions', { backend });
    subsets.addSubset('stable', { version: 'v1' });
    subsets.addSubset('canary', { version: 'v2' });
    exposure.addHttpRoute({ destinations: [RouteDestination.toSubset(subsets, 'stable', { weight: 9 }), RouteDestination.toSubset(subsets, 'canary', { weight: 1 })] });
    expectValidAgainstCrds(new CrdValidator(), Testing.synth(chart));
  });
});
