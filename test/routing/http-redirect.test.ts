import { RedirectScheme } from '../../src';
import { expectRouteError, synthRoute } from '../support/routes';

describe('HttpRedirect', () => {
  test('every part of the redirect is emitted', () => {
    const route = synthRoute({ redirect: { uri: '/v2/', authority: 'new.example.com', port: 8443, scheme: RedirectScheme.HTTPS, redirectCode: 308 } });
    expect(route).toStrictEqual({ redirect: { uri: '/v2/', authority: 'new.example.com', port: 8443, scheme: 'https', redirectCode: 308 } });
  });

  test('a redirect that changes nothing is an error', () => {
    expectRouteError({ redirect: {} }, 'invalid httpRoutes[0].redirect {}: a redirect to the same URL loops: give uri, authority, port or scheme');
  });

  test('a relative uri is an error', () => {
    expectRouteError({ redirect: { uri: 'v2' } }, 'invalid httpRoutes[0].redirect.uri "v2": expected a path starting with "/"');
  });

  test('a wildcard authority is an error', () => {
    expectRouteError({ redirect: { authority: '*.example.com' } }, 'invalid httpRoutes[0].redirect.authority "*.example.com": domain name "*.example.com" is invalid: label "*" is not a DNS-1123 label');
  });

  test('a port out of range is an error', () => {
    expectRouteError({ redirect: { port: 70000 } }, 'invalid httpRoutes[0].redirect.port 70000: port number 70000 must be in the range 1..65535');
  });

  test('a status that is not a redirect is an error', () => {
    expectRouteError({ redirect: { uri: '/x', redirectCode: 200 } }, 'invalid httpRoutes[0].redirect.redirectCode 200: expected one of 301, 302, 303, 307, 308');
  });
});
