import { PathMatch } from '../../src';
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

  test('a relative uri is an error', () => {
    expectRouteError({ rewrite: { uri: 'api' } }, 'invalid httpRoutes[0].rewrite.uri "api": expected a path starting with "/"');
  });

  test('an invalid authority is an error', () => {
    expectRouteError({ rewrite: { authority: 'bad host' } }, 'invalid httpRoutes[0].rewrite.authority "bad host": domain name "bad host" is invalid: label "bad host" is not a DNS-1123 label');
  });

  test('an empty rewrite is an error', () => {
    expectRouteError({ rewrite: {} }, 'invalid httpRoutes[0].rewrite {}: expected uri, uriRegex or authority');
  });
});
