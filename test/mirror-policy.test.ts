import { Testing } from 'cdk8s';
import { Backend, RouteDestination } from '../src';
import { httpExposure, synthRoute } from './support/routes';

const shadow = Backend.fromHost('web-shadow.shop.svc.cluster.local', 8080);

describe('MirrorPolicy', () => {
  test('a share of requests is copied to the mirror', () => {
    const route = synthRoute({ mirror: { destination: RouteDestination.to(shadow), percent: 5 } });
    expect(route.mirror).toStrictEqual({ host: 'web-shadow.shop.svc.cluster.local', port: { number: 8080 } });
    expect(route.mirrorPercentage).toStrictEqual({ value: 5 });
    expect(route.route).toStrictEqual([{ destination: { host: 'web.shop.svc.cluster.local', port: { number: 8080 } } }]);
  });

  test('a weight on the mirror destination fails at synth', () => {
    const { chart, exposure } = httpExposure();
    exposure.addHttpRoute({ mirror: { destination: RouteDestination.to(shadow, { weight: 1 }) } });
    expect(() => Testing.synth(chart)).toThrow('test/mesh/web: invalid httpRoutes[0].mirror.destination {"weight":1}: a mirror destination takes no weight: set the mirror\'s percent instead');
  });
});
