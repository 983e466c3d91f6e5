import { Testing } from 'cdk8s';
import { validateRegex } from '../../src/routing/regex';

describe('validateRegex', () => {
  const scope = Testing.chart();

  test.each(['^/api/.*$', '(?i)/users/[0-9]+', '[a-z]{2,3}', 'a|b', '(?P<id>[0-9]+)', '(?i:abc)'])('accepts the RE2 pattern %s', (pattern) => {
    expect(validateRegex(scope, 'regex', pattern)).toBe(pattern);
  });

  test.each([
    ['(?=a)b', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`); RE2 has no lookaround'],
    ['(?<!a)b', 'error parsing regexp: invalid named capture: `(?<!a)b`); RE2 has no lookaround'],
    ['(a)\\1', 'error parsing regexp: invalid escape sequence: `\\1`); RE2 has no backreferences'],
    ['[a-', 'error parsing regexp: missing closing ]: `[a-`); Istio uses RE2 syntax'],
  ])('rejects %s with the rule set\'s reason', (pattern, reason) => {
    expect(() => validateRegex(scope, 'regex', pattern)).toThrow(`test: invalid regex ${JSON.stringify(pattern)}: regex ${JSON.stringify(pattern)} is invalid (${reason}`);
  });

  test('rejects an empty pattern', () => {
    expect(() => validateRegex(scope, 'regex', '')).toThrow('test: invalid regex "": a regex match cannot be empty');
  });
});
