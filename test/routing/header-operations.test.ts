import { expectRouteError, synthRoute } from '../support/routes';

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

  test('an empty header name is an error', () => {
    expectRouteError({ responseHeaders: { remove: [''] } }, 'invalid httpRoutes[0].responseHeaders.remove[0] "": header name cannot be empty');
  });

  test('a header value Envoy cannot parse is an error', () => {
    expectRouteError({ requestHeaders: { set: { 'x-id': '100%' } } }, 'invalid httpRoutes[0].requestHeaders.set["x-id"] "100%": header value "100%" is invalid');
  });

  test('a request may set its authority through the host header', () => {
    expect(synthRoute({ requestHeaders: { set: { host: 'api.internal' } } }).headers).toStrictEqual({ request: { set: { host: 'api.internal' } } });
  });

  test('the host header cannot be removed, nor set on a response', () => {
    expectRouteError({ requestHeaders: { remove: ['Host'] } }, 'invalid httpRoutes[0].requestHeaders.remove[0] "Host": invalid header "host": the Host header cannot be changed here (use rewrite.authority)');
    expectRouteError({ responseHeaders: { set: { host: 'x' } } }, 'invalid httpRoutes[0].responseHeaders.set "host": invalid header "host": the Host header cannot be changed here (use rewrite.authority)');
  });

  test('pseudo-headers other than a request\'s :authority are an error', () => {
    expectRouteError({ requestHeaders: { set: { ':path': '/x' } } }, 'invalid httpRoutes[0].requestHeaders.set ":path": invalid header ":path": header names cannot start with ":"');
  });

  test('setting the authority both by rewrite and by header is an error', () => {
    expectRouteError({ rewrite: { authority: 'a.internal' }, requestHeaders: { set: { ':authority': 'b.internal' } } },
      'invalid httpRoutes[0].requestHeaders {"set":{":authority":"b.internal"}}: the authority is set more than once ("a.internal", "b.internal"): set it in one place');
  });
});
