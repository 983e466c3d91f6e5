import { Testing } from 'cdk8s';
import { Backend, RouteDestination, ServiceSubsets } from '../src';
import { expectRouteError, httpExposure, synthRoute } from './support/routes';

const shadow = Backend.fromHost('web-shadow.shop.svc.cluster.local', 8080);

describe('MirrorPolicy', () => {
  test('a share of requests is copied to the mirror', () => {
    const route = synthRoute({ mirror: { destination: RouteDestination.to(shadow), percent: 5 } });
    expect(route.mirror).toStrictEqual({ host: 'web-shadow.shop.svc.cluster.local', port: { number: 8080 } });
    expect(route.mirrorPercentage).toStrictEqual({ value: 5 });
    expect(route.route).toStrictEqual([{ destination: { host: 'web.shop.svc.cluster.local', port: { number: 8080 } } }]);
  });

  test('a weight on the mirror destination is an error', () => {
    expectRouteError({ mirror: { destination: RouteDestination.to(shadow, { weight: 1 }) } }, 'invalid httpRoutes[0].mirror.destination {"weight":1}: a mirror destination takes no weight: set the mirror\'s percent instead');
  });

  test('a percentage over 100 is an error', () => {
    expectRouteError({ mirror: { destination: RouteDestination.to(shadow), percent: 101 } }, 'invalid httpRoutes[0].mirror.percent 101: expected a percentage from 0 to 100');
  });

  test('a mirror to a subset no DestinationRule defines fails at synth', () => {
    const { chart, exposure } = httpExposure();
    const subsets = ServiceSubsets.fromSubsetNames(chart, 'shadow-subsets', { backend: shadow, subsetNames: ['v1'] });
    exposure.addHttpRoute({ mirror: { destination: RouteDestination.toSubset(subsets, 'v2') } });
    expect(() => Testing.synth(chart)).toThrow('test/mesh/web: invalid httpRoutes[0].mirror.destination.subset "v2": no DestinationRule defines it for web-shadow.shop.svc.cluster.local: test/shadow-subsets defines v1');
  });
});
