import { PathMatch } from '../../src';
import { httpRoutePathFindings } from '../../src/rules/analysis/http-route-paths';
import { expectRouteError, synthRoute } from '../support/routes';

describe('HttpRewrite', () => {
  test('a prefix rewrite with an authority rewrite', () => {
    const route = synthRoute({ matches: [{ path: PathMatch.prefix('/api/') }], rewrite: { uri: '/', authority: 'api.internal' } });
    expect(route.rewrite).toStrictEqual({ uri: '/', authority: 'api.internal' });
  });

  test('a regex rewrite', () => {
    const route = synthRoute({ rewrite: { uriRegex: '^/v1/(.*)$', uriRegexReplacement: '/\\1' } });
    expect(route.rewrite).toStrictEqual({ uriRegexRewrite: { match: '^/v1/(.*)$', rewrite: '/\\1' } });
  });

  test('uri and uriRegex together are an error', () => {
    expectRouteError({ rewrite: { uri: '/', uriRegex: '.*', uriRegexReplacement: '/' } }, 'invalid httpRoutes[0].rewrite.uriRegex ".*": give uri or uriRegex, not both');
  });

  test('uriRegex without its replacement is an error', () => {
    expectRouteError({ rewrite: { uriRegex: '.*' } }, 'invalid httpRoutes[0].rewrite.uriRegexReplacement (not set): uriRegex and uriRegexReplacement go together: give both or neither');
  });

  test('an invalid rewrite regex is an error', () => {
    expectRouteError({ rewrite: { uriRegex: '(', uriRegexReplacement: '/' } }, 'invalid httpRoutes[0].rewrite.uriRegex "(": regex "(" is invalid (error parsing regexp: missing closing ): `(`); Istio uses RE2 syntax');
  });

  test('a relative uri is emitted, as Istio admits it, and the analysis warns (CIG0206)', () => {
    const route = synthRoute({ matches: [{ path: PathMatch.prefix('/api/') }], rewrite: { uri: 'v2/' } });
    expect(route.rewrite).toStrictEqual({ uri: 'v2/' });
    const vs = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'web' }, spec: { hosts: ['a.example.com'], http: [route] } };
    expect(httpRoutePathFindings(vs).map((f) => [f.code, f.level, f.message.split(':')[0]])).toStrictEqual([['CIG0206', 'Warning', 'spec.http[0].rewrite.uri']]);
  });

  test('an authority with a port is emitted: Istio does not judge the rewritten authority', () => {
    expect(synthRoute({ rewrite: { authority: 'api.internal:8080' } }).rewrite).toStrictEqual({ authority: 'api.internal:8080' });
  });

  test('an empty rewrite is an error', () => {
    expectRouteError({ rewrite: {} }, 'invalid httpRoutes[0].rewrite {}: expected uri, uriRegex or authority');
  });
});
