import { RedirectScheme } from '../../src';
import { analyze } from '../../src/rules/analyze';
import { httpRoutePathFindings } from '../../src/rules/analysis/http-route-paths';
import { expectRouteError, synthRoute } from '../support/routes';

describe('HttpRedirect', () => {
  test('every part of the redirect is emitted', () => {
    const route = synthRoute({ redirect: { uri: '/v2/', authority: 'new.example.com', port: 8443, scheme: RedirectScheme.HTTPS, redirectCode: 308 } });
    expect(route).toStrictEqual({ redirect: { uri: '/v2/', authority: 'new.example.com', port: 8443, scheme: 'https', redirectCode: 308 } });
  });

  test('a redirect that changes nothing is an error, in the redirect rule\'s words', () => {
    expectRouteError({ redirect: {} }, 'invalid httpRoutes[0].redirect {}: a redirect must set uri, authority, scheme or port');
  });

  test('a relative uri is an error (CIG0205): Envoy appends it to the host', () => {
    expectRouteError({ redirect: { uri: 'v2' } }, 'invalid httpRoutes[0].redirect.uri "v2": Envoy appends the redirect path to the host');
    const vs = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'web' }, spec: { hosts: ['a.example.com'], http: [{ redirect: { uri: 'v2' } }] } };
    expect(analyze([vs], { assumeHostsAndSecretsExist: true }).map((f) => [f.code, f.level, f.message.split(':')[0]])).toContainEqual(['CIG0205', 'Error', 'spec.http[0].redirect.uri']);
  });

  test('an authority with a port or a wildcard is emitted: Istio does not judge the redirect authority', () => {
    expect(synthRoute({ redirect: { authority: 'new.example.com:8443' } }).redirect).toStrictEqual({ authority: 'new.example.com:8443' });
    expect(synthRoute({ redirect: { authority: '*.example.com' } }).redirect).toStrictEqual({ authority: '*.example.com' });
  });

  test('a port out of range is an error', () => {
    expectRouteError({ redirect: { port: 70000 } }, 'invalid httpRoutes[0].redirect.port 70000: port number 70000 must be in the range 1..65535');
  });

  test('a status that is not a redirect is an error, in the redirect rule\'s words', () => {
    expectRouteError({ redirect: { uri: '/x', redirectCode: 200 } }, 'invalid httpRoutes[0].redirect.redirectCode 200: 200 is not a redirect code: use a 3xx code');
  });

  test('a 3xx code Envoy has no redirect for is an error (CIG0204), though Istio admits it', () => {
    expectRouteError({ redirect: { uri: '/x', redirectCode: 300 } }, 'invalid httpRoutes[0].redirect.redirectCode 300: Istio admits 300 but pilot has no Envoy redirect code for it');
    const vs = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'web' }, spec: { hosts: ['a.example.com'], http: [{ redirect: { uri: '/x', redirectCode: 304 } }] } };
    expect(httpRoutePathFindings(vs).map((f) => [f.code, f.level])).toStrictEqual([['CIG0204', 'Error']]);
    expect([301, 302, 303, 307, 308].map((redirectCode) => synthRoute({ redirect: { uri: '/x', redirectCode } }).redirect.redirectCode)).toStrictEqual([301, 302, 303, 307, 308]);
  });
});
