import { expectRouteError, synthRoute } from '../support/routes';

describe('DirectResponse', () => {
  test('a status and a body', () => {
    expect(synthRoute({ directResponse: { status: 503, body: 'maintenance' } })).toStrictEqual({ directResponse: { status: 503, body: { string: 'maintenance' } } });
  });

  test('a status alone', () => {
    expect(synthRoute({ directResponse: { status: 204 } })).toStrictEqual({ directResponse: { status: 204 } });
  });

  test('a status outside 200-599 is an error', () => {
    expectRouteError({ directResponse: { status: 100 } }, 'invalid httpRoutes[0].directResponse.status 100: HTTP status 100 is not in the range 200-600');
  });

  test('a body over 1 MiB is an error', () => {
    expectRouteError({ directResponse: { status: 200, body: 'x'.repeat(1024 * 1024 + 1) } }, 'invalid httpRoutes[0].directResponse.body "1048577 bytes": a direct response body must be smaller than 1MB: large bodies slow down the control plane');
  });
});
