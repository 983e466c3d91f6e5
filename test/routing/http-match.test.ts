import { Testing } from 'cdk8s';
import { Backend, HttpMethod, IngressGateway, PathMatch, ServerTls, StringMatch } from '../../src';
import { httpRoutePathFindings } from '../../src/rules/analysis/http-route-paths';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject } from '../support/objects';

const backend = Backend.fromHost('web.shop.svc.cluster.local', 8080);

function exposure() {
  const chart = Testing.chart();
  const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
  const web = mesh.expose('web', { hosts: ['shop.example.com'], port: 443, tls: ServerTls.simple({ credentialName: 'cert' }), backend });
  return { chart, web };
}

function firstMatch(chart: any): any {
  return findObject(Testing.synth(chart), 'VirtualService', 'web').spec.http[0].match;
}

describe('HttpRouteMatch', () => {
  test('every condition is emitted in Istio form', () => {
    const { chart, web } = exposure();
    web.addHttpRoute({
      matches: [{
        path: PathMatch.prefix('/api/'),
        ignoreUriCase: true,
        method: HttpMethod.POST,
        headers: { 'x-canary': StringMatch.exact('true'), 'user-agent': StringMatch.regex('.*Mobile.*') },
        withoutHeaders: { 'x-debug': StringMatch.exact('1') },
        queryParams: { debug: StringMatch.exact('1') },
        scheme: StringMatch.exact('https'),
        authority: StringMatch.prefix('shop.'),
        port: 443,
        gateways: ['web'],
      }],
    });
    expect(firstMatch(chart)).toStrictEqual([{
      uri: { prefix: '/api/' },
      ignoreUriCase: true,
      method: { exact: 'POST' },
      headers: { 'user-agent': { regex: '.*Mobile.*' }, 'x-canary': { exact: 'true' } },
      withoutHeaders: { 'x-debug': { exact: '1' } },
      queryParams: { debug: { exact: '1' } },
      scheme: { exact: 'https' },
      authority: { prefix: 'shop.' },
      port: 443,
      gateways: ['web'],
    }]);
  });

  test('several matches are alternatives; paths exact, prefix and regex', () => {
    const { chart, web } = exposure();
    web.addHttpRoute({ matches: [{ path: PathMatch.exact('/healthz') }, { path: PathMatch.regex('(?i)/users/[0-9]+') }] });
    expect(firstMatch(chart)).toStrictEqual([{ uri: { exact: '/healthz' } }, { uri: { regex: '(?i)/users/[0-9]+' } }]);
  });

  test('the redirect port counts as a port of the exposure', () => {
    const { chart, web } = exposure();
    web.addHttpRoute({ matches: [{ port: 80 }] });
    expect(firstMatch(chart)).toStrictEqual([{ port: 80 }]);
  });

  test('an invalid regex is an error', () => {
    const { web } = exposure();
    expect(() => web.addHttpRoute({ matches: [{ path: PathMatch.regex('/users/[0-9') }] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].matches[0].path "/users/[0-9": regex "/users/[0-9" is invalid (error parsing regexp: missing closing ]: `[0-9`); Istio uses RE2 syntax');
  });

  test('a regex that RE2 cannot compile is an error', () => {
    const { web } = exposure();
    expect(() => web.addHttpRoute({ matches: [{ headers: { 'x-id': StringMatch.regex('(?!admin).*') } }] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].matches[0].headers["x-id"] "(?!admin).*": regex "(?!admin).*" is invalid (error parsing regexp: invalid or unsupported Perl syntax: `(?!`); RE2 has no lookaround');
  });

  // Reproductions of issue 11: the construct checked regexes with JavaScript's RegExp.
  test.each([
    ['a named group', PathMatch.regex('/users/(?P<id>[0-9]+)'), '/users/(?P<id>[0-9]+)'],
    ['a flag group', PathMatch.regex('(?i:/abc)'), '(?i:/abc)'],
  ])('%s, valid RE2, is accepted', (_, path, regex) => {
    const { chart, web } = exposure();
    web.addHttpRoute({ matches: [{ path }] });
    expect(firstMatch(chart)).toStrictEqual([{ uri: { regex } }]);
  });

  test('a string match with a flag group is accepted', () => {
    const { chart, web } = exposure();
    web.addHttpRoute({ matches: [{ headers: { 'x-id': StringMatch.regex('(?i:abc)') } }] });
    expect(firstMatch(chart)).toStrictEqual([{ headers: { 'x-id': { regex: '(?i:abc)' } } }]);
  });

  test('a regex longer than Istio allows is an error', () => {
    const { web } = exposure();
    const long = `/${'a'.repeat(1099)}`;
    expect(() => web.addHttpRoute({ matches: [{ path: PathMatch.regex(long) }] }))
      .toThrow(`test/mesh/web: invalid httpRoutes[0].matches[0].path ${JSON.stringify(long)}: regex is too large: at most 1024 bytes are allowed`);
  });

  test('a path that does not start with / is emitted, as Istio admits it, and the analysis warns that no request meets it (CIG0207)', () => {
    const { chart, web } = exposure();
    web.addHttpRoute({ matches: [{ path: PathMatch.prefix('api') }] });
    const vs = findObject(Testing.synth(chart), 'VirtualService', 'web');
    expect(vs.spec.http[0].match).toStrictEqual([{ uri: { prefix: 'api' } }]);
    expect(httpRoutePathFindings(vs).map((f) => [f.code, f.level, f.message.split(':')[0]])).toStrictEqual([['CIG0207', 'Warning', 'spec.http[0].match[0].uri.prefix']]);
  });

  test('an empty prefix is refused but on the path, where it matches every path; an empty exact value is admitted, as Istio reads them', () => {
    const { chart, web } = exposure();
    expect(() => web.addHttpRoute({ matches: [{ headers: { 'x-id': StringMatch.prefix('') } }] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].matches[0].headers["x-id"] "": a prefix match cannot be empty: leave the condition out to match any value');
    web.addHttpRoute({ matches: [{ path: PathMatch.prefix(''), authority: StringMatch.exact('') }] });
    expect(firstMatch(chart)).toStrictEqual([{ uri: { prefix: '' }, authority: { exact: '' } }]);
  });

  test('the regex "*" in withoutHeaders is a presence match, not RE2', () => {
    const { chart, web } = exposure();
    expect(() => web.addHttpRoute({ matches: [{ headers: { 'x-id': StringMatch.regex('*') } }] })).toThrow(/invalid httpRoutes\[0\]\.matches\[0\]\.headers\["x-id"\] "\*": regex "\*" is invalid/);
    web.addHttpRoute({ matches: [{ withoutHeaders: { 'x-debug': StringMatch.regex('*') } }] });
    expect(firstMatch(chart)).toStrictEqual([{ withoutHeaders: { 'x-debug': { regex: '*' } } }]);
  });

  test('a header name that is not an HTTP token is an error', () => {
    const { web } = exposure();
    expect(() => web.addHttpRoute({ matches: [{ headers: { 'x canary': StringMatch.exact('true') } }] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].matches[0].headers "x canary": "x canary" is not a valid header name');
  });

  test('an uppercase header name is admitted, as Istio admits it (Envoy matches names case-insensitively)', () => {
    const { chart, web } = exposure();
    web.addHttpRoute({ matches: [{ headers: { 'X-Canary': StringMatch.exact('true') } }] });
    expect(firstMatch(chart)).toStrictEqual([{ headers: { 'X-Canary': { exact: 'true' } } }]);
  });

  test('withoutHeaders names headers as headers does', () => {
    const { web } = exposure();
    expect(() => web.addHttpRoute({ matches: [{ withoutHeaders: { 'x debug': StringMatch.exact('1') } }] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].matches[0].withoutHeaders "x debug": "x debug" is not a valid header name');
    expect(() => web.addHttpRoute({ matches: [{ withoutHeaders: { 'x-id': StringMatch.regex('(?!admin).*') } }] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].matches[0].withoutHeaders["x-id"] "(?!admin).*": regex "(?!admin).*" is invalid');
  });

  test('an empty scheme prefix is an error', () => {
    const { web } = exposure();
    expect(() => web.addHttpRoute({ matches: [{ scheme: StringMatch.prefix('') }] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].matches[0].scheme "": a prefix match cannot be empty: leave the condition out to match any value');
  });

  test('a prefix match on a query parameter is an error', () => {
    const { web } = exposure();
    expect(() => web.addHttpRoute({ matches: [{ queryParams: { q: StringMatch.prefix('a') } }] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].matches[0].queryParams["q"] "a": istio matches query parameters exactly or by regex: use StringMatch.exact or StringMatch.regex');
  });

  test('ignoreUriCase without an exact or prefix path is an error', () => {
    const { web } = exposure();
    expect(() => web.addHttpRoute({ matches: [{ ignoreUriCase: true, path: PathMatch.regex('/a') }] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].matches[0].ignoreUriCase true: applies only to an exact or prefix path: give one, or use a case-insensitive regex "(?i)..."');
  });

  test('a port the exposure does not serve is an error', () => {
    const { web } = exposure();
    expect(() => web.addHttpRoute({ matches: [{ port: 8080 }] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].matches[0].port 8080: expected a port the exposure serves: 443, 80');
  });

  test('a gateway the VirtualService is not bound to is an error', () => {
    const { web } = exposure();
    expect(() => web.addHttpRoute({ matches: [{ gateways: ['other'] }] }))
      .toThrow('test/mesh/web: invalid httpRoutes[0].matches[0].gateways[0] "other": expected a gateway the VirtualService is bound to: web');
  });
});

describeWithCrds('HttpRouteMatch against the CRD schemas', () => {
  test('a route with every kind of match is valid', () => {
    const { chart, web } = exposure();
    web.addHttpRoute({
      matches: [
        { path: PathMatch.prefix('/api/'), method: HttpMethod.GET, headers: { 'x-a': StringMatch.exact('1') }, queryParams: { q: StringMatch.regex('[a-z]+') } },
        { path: PathMatch.regex('/v[0-9]+/.*'), authority: StringMatch.exact('shop.example.com'), port: 443, gateways: ['web'] },
        { withoutHeaders: { 'x-debug': StringMatch.prefix('1') }, scheme: StringMatch.regex('https?') },
      ],
    });
    expectValidAgainstCrds(new CrdValidator(), Testing.synth(chart));
  });
});
