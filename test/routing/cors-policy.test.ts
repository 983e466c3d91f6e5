import { Duration } from 'cdk8s';
import { HttpMethod, StringMatch } from '../../src';
import { expectRouteError, synthRoute } from '../support/routes';

describe('CorsPolicy', () => {
  test('every field is emitted', () => {
    const route = synthRoute({
      cors: {
        allowOrigins: [StringMatch.exact('https://app.example.com'), StringMatch.regex('https://.*\\.example\\.org')],
        allowMethods: [HttpMethod.GET, HttpMethod.POST],
        allowHeaders: ['authorization'],
        exposeHeaders: ['x-request-id'],
        maxAge: Duration.hours(1),
        allowCredentials: true,
      },
    });
    expect(route.corsPolicy).toStrictEqual({
      allowOrigins: [{ exact: 'https://app.example.com' }, { regex: 'https://.*\\.example\\.org' }],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['authorization'],
      exposeHeaders: ['x-request-id'],
      maxAge: '3600s',
      allowCredentials: true,
    });
  });

  test('no origins is an error', () => {
    expectRouteError({ cors: { allowOrigins: [] } }, 'invalid httpRoutes[0].cors.allowOrigins []: expected at least one origin');
  });

  test('an invalid origin regex is an error', () => {
    expectRouteError({ cors: { allowOrigins: [StringMatch.regex('https://(a|b')] } }, 'invalid httpRoutes[0].cors.allowOrigins[0] "https://(a|b": regex "https://(a|b" is invalid (error parsing regexp: missing closing ): `https://(a|b`); Istio uses RE2 syntax');
  });

  test('a max age in fractions of a second is an error', () => {
    expectRouteError({ cors: { allowOrigins: [StringMatch.exact('https://a.example.com')], maxAge: Duration.millis(1500) } }, 'invalid httpRoutes[0].cors.maxAge "1 second 500 millis": expected whole seconds: browsers cache preflights by the second');
  });

  test('an invalid allowed header name is an error', () => {
    expectRouteError({ cors: { allowOrigins: [StringMatch.exact('https://a.example.com')], exposeHeaders: ['x id'] } }, 'invalid httpRoutes[0].cors.exposeHeaders[0] "x id": "x id" is not a valid header name: use letters, digits and !#$%&\'*+-.^_`|~');
  });
});
