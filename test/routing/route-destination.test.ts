import { Testing } from 'cdk8s';
import { Backend, IngressGateway, RouteDestination, RouteDestinationOptions } from '../../src';
import { findObject } from '../support/objects';

const stable = Backend.fromHost('web.shop.svc.cluster.local', 8080);
const canary = Backend.fromHost('web-canary.shop.svc.cluster.local', 8080);

function web() {
  const chart = Testing.chart();
  const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
  return { chart, exposure: mesh.expose('web', { hosts: ['shop.example.com'], port: 80 }) };
}

function split(a: RouteDestinationOptions, b: RouteDestinationOptions) {
  return [RouteDestination.to(stable, a), RouteDestination.to(canary, b)];
}

describe('RouteDestination: weighted splits', () => {
  test('relative weights are emitted as given', () => {
    const { chart, exposure } = web();
    exposure.addHttpRoute({ destinations: split({ weight: 3 }, { weight: 1 }) });
    expect(findObject(Testing.synth(chart), 'VirtualService', 'web').spec.http[0].route.map((r: any) => [r.destination.host, r.weight])).toStrictEqual([
      ['web.shop.svc.cluster.local', 3],
      ['web-canary.shop.svc.cluster.local', 1],
    ]);
  });

  test('percentages summing to 100 are emitted as weights', () => {
    const { chart, exposure } = web();
    exposure.addHttpRoute({ destinations: split({ percent: 90 }, { percent: 10 }) });
    expect(findObject(Testing.synth(chart), 'VirtualService', 'web').spec.http[0].route.map((r: any) => r.weight)).toStrictEqual([90, 10]);
  });

  test('a zero weight beside a positive one is a valid blue/green switch', () => {
    const { chart, exposure } = web();
    exposure.addHttpRoute({ destinations: split({ weight: 0 }, { weight: 1 }) });
    expect(findObject(Testing.synth(chart), 'VirtualService', 'web').spec.http[0].route.map((r: any) => r.weight)).toStrictEqual([0, 1]);
  });

  test('a lone destination carries no weight', () => {
    const { chart, exposure } = web();
    exposure.addHttpRoute({ destinations: [RouteDestination.to(stable, { percent: 100 })] });
    expect(findObject(Testing.synth(chart), 'VirtualService', 'web').spec.http[0].route).toStrictEqual([
      { destination: { host: 'web.shop.svc.cluster.local', port: { number: 8080 } } },
    ]);
  });

  test.each<[string, RouteDestinationOptions, RouteDestinationOptions, string]>([
    ['a negative weight', { weight: -1 }, { weight: 1 }, 'invalid httpRoutes[0].destinations[0].weight -1: expected a whole number of at least 0'],
    ['a fractional weight', { weight: 0.5 }, { weight: 1 }, 'invalid httpRoutes[0].destinations[0].weight 0.5: expected a whole number of at least 0'],
    ['an all-zero split', { weight: 0 }, { weight: 0 }, 'invalid httpRoutes[0].destinations [0,0]: an all-zero split sends traffic nowhere: give at least one destination a positive share'],
    ['a missing share', { weight: 1 }, {}, 'invalid httpRoutes[0].destinations[1] (not set): a route with several destinations needs a weight or percent on each'],
    ['weights mixed with percentages', { weight: 1 }, { percent: 10 }, 'invalid httpRoutes[0].destinations[1].percent 10: expected weight like the route\'s first destination: do not mix weights and percentages'],
    ['percentages not summing to 100', { percent: 90 }, { percent: 20 }, 'invalid httpRoutes[0].destinations [90,20]: percentages must sum to 100, these sum to 110'],
    ['a percentage over 100', { percent: 101 }, { percent: 0 }, 'invalid httpRoutes[0].destinations[0].percent 101: expected a whole number from 0 to 100'],
    ['both weight and percent', { weight: 1, percent: 50 }, { percent: 50 }, 'invalid httpRoutes[0].destinations[0].percent 50: give weight or percent, not both'],
  ])('%s is an error', (_name, a, b, message) => {
    const { exposure } = web();
    expect(() => exposure.addHttpRoute({ destinations: split(a, b) })).toThrow(`test/mesh/web: ${message}`);
  });

  test('a lone destination with a zero share is an error', () => {
    const { exposure } = web();
    expect(() => exposure.addHttpRoute({ destinations: [RouteDestination.to(stable, { weight: 0 })] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].destinations[0].weight 0: a lone destination with no share would receive no traffic: leave the share out');
  });

  test('an empty list of destinations is an error', () => {
    const { exposure } = web();
    expect(() => exposure.addHttpRoute({ destinations: [] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].destinations []: expected at least one destination');
  });
});
