import { coveringPrefixMatches, hasUriPrefix, prefixMatchOf } from '../../src/rules/analysis/prefix-matches';

// Derived from pkg/config/validation/validation.go (genMatchHTTPRoutes, coveredValidation) and
// analyzers_test.go "dupmatches" (testdata/virtualservice_overlappingmatches.yaml).
const covers = (...matches: any[]) => coveringPrefixMatches(matches.map((m, i) => prefixMatchOf(m, `#${i}`, '#0')))
  .map(({ covered, by }) => `${by.prefix} covers ${covered.prefix}`);

describe('coveringPrefixMatches', () => {
  test('an earlier, shorter prefix covers a later one with the same conditions; a later one never covers an earlier one', () => {
    expect(covers({ uri: { prefix: '/api' } }, { uri: { prefix: '/api/v1' } })).toEqual(['/api covers /api/v1']);
    expect(covers({ uri: { prefix: '/api/v1' } }, { uri: { prefix: '/api' } })).toEqual([]);
  });

  test('equal prefixes are left to the duplicate check', () => {
    expect(covers({ uri: { prefix: '/api' }, headers: { a: { exact: 'x' } } }, { uri: { prefix: '/api' }, headers: { a: { exact: 'x' } } })).toEqual([]);
  });

  test('a match without method is a GET match', () => {
    expect(covers({ uri: { prefix: '/a' } }, { uri: { prefix: '/ab' }, method: { exact: 'GET' } })).toEqual(['/a covers /ab']);
    expect(covers({ uri: { prefix: '/a' } }, { uri: { prefix: '/ab' }, method: { exact: 'POST' } })).toEqual([]);
  });

  test('another port, or headers of other names, make the later match reachable', () => {
    expect(covers({ uri: { prefix: '/a' }, port: 80 }, { uri: { prefix: '/ab' }, port: 8080 })).toEqual([]);
    expect(covers({ uri: { prefix: '/a' }, headers: { a: { exact: 'x' } } }, { uri: { prefix: '/ab' }, headers: { b: { exact: 'x' } } })).toEqual([]);
    expect(covers({ uri: { prefix: '/a' } }, { uri: { prefix: '/ab' }, queryParams: { q: { exact: '1' } } })).toEqual([]);
  });

  test('conditions compare as istioctl compares their text: the earlier text must begin with the later one', () => {
    expect(covers({ uri: { prefix: '/a' }, authority: { exact: 'a.example.com' } }, { uri: { prefix: '/ab' } })).toEqual(['/a covers /ab']);
    expect(covers({ uri: { prefix: '/a' } }, { uri: { prefix: '/ab' }, authority: { exact: 'a.example.com' } })).toEqual([]);
    expect(covers({ uri: { prefix: '/a' }, headers: { a: { prefix: 'acme' } } }, { uri: { prefix: '/ab' }, headers: { a: { exact: 'acme-eu' } } })).toEqual([]);
  });

  test('reports in the order of the covering match, then of the covered one', () => {
    expect(covers({ uri: { prefix: '/a' } }, { uri: { prefix: '/ab' } }, { uri: { prefix: '/abc' } })).toEqual([
      '/a covers /ab', '/a covers /abc', '/ab covers /abc',
    ]);
  });

  test('only URI prefix matches take part', () => {
    expect(hasUriPrefix({ uri: { prefix: '/a' } })).toBe(true);
    expect(hasUriPrefix({ uri: { exact: '/a' } })).toBe(false);
    expect(hasUriPrefix({ uri: { prefix: '' } })).toBe(false);
    expect(hasUriPrefix({ method: { exact: 'GET' } })).toBe(false);
  });
});
