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
    expectRouteError({ responseHeaders: { remove: ['bad header'] } }, 'invalid httpRoutes[0].responseHeaders.remove "bad header": expected an HTTP header name: letters, digits and !#$%&\'*+-.^_`|~, no pseudo-headers');
  });

  test('a request may set its authority through the host header', () => {
    expect(synthRoute({ requestHeaders: { set: { host: 'api.internal' } } }).headers).toStrictEqual({ request: { set: { host: 'api.internal' } } });
  });

  test('the host header cannot be removed, nor set on a response', () => {
    expectRouteError({ requestHeaders: { remove: ['Host'] } }, 'invalid httpRoutes[0].requestHeaders.remove "Host": envoy manages the host header here: only a request\'s set or add may change it');
    expectRouteError({ responseHeaders: { set: { host: 'x' } } }, 'invalid httpRoutes[0].responseHeaders "host": envoy manages the host header here: only a request\'s set or add may change it');
  });

  test('pseudo-headers other than a request\'s :authority are an error', () => {
    expectRouteError({ requestHeaders: { set: { ':path': '/x' } } }, 'invalid httpRoutes[0].requestHeaders ":path": expected an HTTP header name: letters, digits and !#$%&\'*+-.^_`|~, no pseudo-headers');
  });

  test('setting the authority both by rewrite and by header is an error', () => {
    expectRouteError({ rewrite: { authority: 'a.internal' }, requestHeaders: { set: { ':authority': 'b.internal' } } },
      'invalid httpRoutes[0].requestHeaders.set[":authority"] "b.internal": rewrite.authority already sets the authority: set it in one place');
  });
});
