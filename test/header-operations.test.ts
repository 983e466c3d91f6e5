import { expectRouteError, synthRoute } from './support/routes';

describe('HeaderOperations', () => {
  test('request and response headers are set, added and removed', () => {
    const route = synthRoute({
      requestHeaders: { set: { 'x-forwarded-proto': 'https' }, add: { 'x-route': 'web' }, remove: ['x-debug'] },
      responseHeaders: { set: { 'Strict-Transport-Security': 'max-age=31536000' }, remove: ['server'] },
    });
    expect(route.headers).toStrictEqual({
      request: { set: { 'x-forwarded-proto': 'https' }, add: { 'x-route': 'web' }, remove: ['x-debug'] },
      response: { set: { 'Strict-Transport-Security': 'max-age=31536000' }, remove: ['server'] },
    });
  });

  test('an invalid header name is an error', () => {
    expectRouteError({ responseHeaders: { remove: ['bad header'] } }, 'invalid httpRoutes[0].responseHeaders "bad header": expected an HTTP header name: letters, digits and !#$%&\'*+-.^_`|~');
  });
});
