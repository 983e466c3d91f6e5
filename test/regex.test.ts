import { Testing } from 'cdk8s';
import { validateRegex } from '../src/routing/regex';

describe('validateRegex', () => {
  const scope = Testing.chart();

  test.each(['^/api/.*$', '(?i)/users/[0-9]+', '[a-z]{2,3}', 'a|b', '/users/(?i)name', '/a(?s:.)b'])('accepts the RE2 pattern %s', (pattern) => {
    expect(validateRegex(scope, 'regex', pattern)).toBe(pattern);
  });

  test.each([
    ['(?=a)b', 'lookahead'],
    ['(?<!a)b', 'lookbehind'],
    ['(a)\\1', 'a backreference'],
  ])('rejects %s: %s', (pattern, construct) => {
    expect(() => validateRegex(scope, 'regex', pattern)).toThrow(`test: invalid regex ${JSON.stringify(pattern)}: expected an RE2 regular expression: regex ${JSON.stringify(pattern)} uses ${construct.replace(/^look(ahead|behind)$/, 'lookaround')}, which RE2 does not support`);
  });

  test('rejects a pattern that does not compile', () => {
    expect(() => validateRegex(scope, 'regex', '[a-')).toThrow(/^test: invalid regex "\[a-": expected an RE2 regular expression: regex "\[a-" is invalid/);
  });

  test('rejects an empty pattern', () => {
    expect(() => validateRegex(scope, 'regex', '')).toThrow('test: invalid regex "": expected a non-empty RE2 regular expression');
  });
});
