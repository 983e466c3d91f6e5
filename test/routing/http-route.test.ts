import { Duration, Testing } from 'cdk8s';
import { Backend, HttpMethod, PathMatch, RedirectScheme, RetryOn, RouteDestination, StringMatch } from '../../src';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject } from '../support/objects';
import { httpExposure, synthRoute } from '../support/routes';

const api = Backend.fromHost('api.shop.svc.cluster.local', 9090);
const shadow = Backend.fromHost('api-shadow.shop.svc.cluster.local', 9090);

/** A route that uses every forwarding behaviour at once. */
const fullRoute = {
  name: 'api',
  matches: [{ path: PathMatch.prefix('/api/'), method: HttpMethod.GET }],
  destinations: [RouteDestination.to(api)],
  rewrite: { uri: '/' },
  timeout: Duration.seconds(5),
  retries: { attempts: 3, perTryTimeout: Duration.seconds(2), retryOn: [RetryOn.GATEWAY_ERROR] },
  requestHeaders: { set: { 'x-route': 'api' } },
  responseHeaders: { remove: ['server'] },
  cors: { allowOrigins: [StringMatch.exact('https://app.example.com')], maxAge: Duration.minutes(10) },
  fault: { delay: { delay: Duration.millis(100), percent: 1 } },
  mirror: { destination: RouteDestination.to(shadow), percent: 10 },
};

describe('HttpRouteOptions', () => {
  test('a route with every forwarding behaviour', () => {
    expect(synthRoute(fullRoute)).toStrictEqual({
      name: 'api',
      match: [{ uri: { prefix: '/api/' }, method: { exact: 'GET' } }],
      route: [{ destination: { host: 'api.shop.svc.cluster.local', port: { number: 9090 } } }],
      rewrite: { uri: '/' },
      timeout: '5s',
      retries: { attempts: 3, perTryTimeout: '2s', retryOn: 'gateway-error' },
      headers: { request: { set: { 'x-route': 'api' } }, response: { remove: ['server'] } },
      corsPolicy: { allowOrigins: [{ exact: 'https://app.example.com' }], maxAge: '600s' },
      fault: { delay: { fixedDelay: '0.1s', percentage: { value: 1 } } },
      mirror: { host: 'api-shadow.shop.svc.cluster.local', port: { number: 9090 } },
      mirrorPercentage: { value: 10 },
    });
  });

  test('a route with no options forwards every request to the backend', () => {
    expect(synthRoute({})).toStrictEqual({ route: [{ destination: { host: 'web.shop.svc.cluster.local', port: { number: 8080 } } }] });
  });

  test('a blank name is an error', () => {
    const { exposure } = httpExposure();
    expect(() => exposure.addHttpRoute({ name: ' ' })).toThrow('test/mesh/web: invalid httpRoutes[0].name " ": expected a non-empty name');
  });
});

describeWithCrds('HTTP routes against the CRD schemas', () => {
  test('forwarding, redirecting and direct-response routes are valid', () => {
    const { chart, exposure } = httpExposure();
    exposure.addHttpRoute(fullRoute);
    exposure.addHttpRoute({ matches: [{ path: PathMatch.exact('/old') }], redirect: { uri: '/new', scheme: RedirectScheme.HTTPS, redirectCode: 302 } });
    exposure.addHttpRoute({ matches: [{ path: PathMatch.exact('/healthz') }], directResponse: { status: 200, body: 'ok' } });
    exposure.addHttpRoute({ rewrite: { uriRegex: '^/v1/(.*)$', uriRegexReplacement: '/\\1', authority: 'api.internal' }, fault: { abort: { httpStatus: 503, percent: 0.1 } } });
    exposure.addHttpRoute({ matches: [{ path: PathMatch.prefix('/orders/') }], mirrors: [{ destination: RouteDestination.to(shadow), percent: 1 }, { destination: RouteDestination.to(api) }] });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'VirtualService', 'web').spec.http).toHaveLength(6);
    expectValidAgainstCrds(new CrdValidator(), objects);
  });
});
