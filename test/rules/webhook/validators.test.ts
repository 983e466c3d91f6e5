import { durationProblem, parseDuration } from '../../../src/rules/webhook/duration';
import { regexProblem } from '../../../src/rules/webhook/regex';

describe('durations', () => {
  test.each([
    ['1ms', 1e6], ['1.5s', 1.5e9], ['1h30m', 5400e9], ['250us', 250e3], ['0', 0], ['-2s', -2e9],
  ])('%s is %d ns', (text, nanos) => {
    expect(parseDuration(text)).toBe(nanos);
  });

  test.each(['', '10', 's', '1d', '1.s.', '10 s', '1..5s'])('%j is not a duration', (text) => {
    expect(durationProblem(text)).toMatch(/is not a duration/);
  });

  test.each(['1ms', '0.001s', '10m', '2h'])('%s is accepted where at least 1ms is required', (text) => {
    expect(durationProblem(text)).toBeUndefined();
  });

  test.each(['0s', '999us', '-1s'])('%s is below 1ms', (text) => {
    expect(durationProblem(text)).toMatch(/must be at least 1ms/);
  });

  test('non-strings are not durations', () => {
    expect(durationProblem(5)).toMatch(/5 is not a duration/);
  });
});

describe('RE2 regexes', () => {
  test.each([
    '^/api/v[0-9]+/.*$', '(?i)^shop', '(?P<version>v[0-9]+)', '[[:alpha:]]+', '\\pL+', '\\Qa.b\\E', '\\Aabc\\z', '(?s:.)', '\\\\1', '\\(?=a', '\\x41\\t\\.',
  ])('%s is RE2', (pattern) => {
    expect(regexProblem(pattern)).toBeUndefined();
  });

  test.each([
    ['(?=a)', /lookaround/], ['(?<!a)b', /lookaround/], ['(a)\\2', /backreference/], ['(?<n>a)\\k<n>', /backreference/],
    ['a\\Z', /RE2 has no escape \\Z/], ['\\u0041', /RE2 has no escape \\u/], ['a(b', /is invalid/], ['[a-', /is invalid/], ['*a', /is invalid/],
  ])('%s is not RE2', (pattern, message) => {
    expect(regexProblem(pattern)).toMatch(message);
  });

  test('the same pattern gives the same answer from the cache', () => {
    expect(regexProblem('a(b')).toBe(regexProblem('a(b'));
  });
});
