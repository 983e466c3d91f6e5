import { Testing } from 'cdk8s';
import { Backend, RouteDestination, ServiceSubsets } from '../../src';
import { expectRouteError, httpExposure, synthRoute } from '../support/routes';

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
    expectRouteError({ mirror: { destination: RouteDestination.to(shadow), percent: 101 } }, 'invalid httpRoutes[0].mirror.percent 101: mirror percentage 101 must be from 0 to 100');
  });

  test('mirrors copies requests to several destinations, each with its share', () => {
    const audit = Backend.fromHost('audit.shop.svc.cluster.local', 9090);
    const route = synthRoute({ mirrors: [{ destination: RouteDestination.to(shadow), percent: 5 }, { destination: RouteDestination.to(audit) }] });
    expect(route.mirrors).toStrictEqual([
      { destination: { host: 'web-shadow.shop.svc.cluster.local', port: { number: 8080 } }, percentage: { value: 5 } },
      { destination: { host: 'audit.shop.svc.cluster.local', port: { number: 9090 } }, percentage: { value: 100 } },
    ]);
    expect(route.mirror).toBeUndefined();
    expect(route.mirrorPercentage).toBeUndefined();
  });

  test('mirror and mirrors together are an error', () => {
    expectRouteError({ mirror: { destination: RouteDestination.to(shadow) }, mirrors: [{ destination: RouteDestination.to(shadow) }] },
      'invalid httpRoutes[0].mirrors "mirrors": give mirror or mirrors, not both: move mirror into mirrors');
  });

  test('an empty mirrors list is an error, and each mirror is checked as mirror is', () => {
    expectRouteError({ mirrors: [] }, 'invalid httpRoutes[0].mirrors []: expected at least one mirror, or leave mirrors out');
    expectRouteError({ mirrors: [{ destination: RouteDestination.to(shadow), percent: 101 }] }, 'invalid httpRoutes[0].mirrors[0].percent 101: mirror percentage 101 must be from 0 to 100');
    expectRouteError({ mirrors: [{ destination: RouteDestination.to(shadow, { weight: 1 }) }] }, 'invalid httpRoutes[0].mirrors[0].destination {"weight":1}: a mirror destination takes no weight');
  });

  test('a mirror to a subset no DestinationRule defines fails at synth', () => {
    const { chart, exposure } = httpExposure();
    const subsets = ServiceSubsets.fromSubsetNames(chart, 'shadow-subsets', { backend: shadow, subsetNames: ['v1'] });
    exposure.addHttpRoute({ mirror: { destination: RouteDestination.toSubset(subsets, 'v2') } });
    expect(() => Testing.synth(chart)).toThrow('test/mesh/web: invalid httpRoutes[0].mirror.destination.subset "v2": no DestinationRule defines it for web-shadow.shop.svc.cluster.local: test/shadow-subsets defines v1');
  });
});
