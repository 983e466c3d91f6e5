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
    '^/api/v[0-9]+/.*$', '(?i)^shop', '(?P<version>v[0-9]+)', '(?<version>v[0-9]+)', '(?i:abc)', '[[:alpha:]]+', '\\pL+', '\\Qa.b\\E',
    '\\Aabc\\z', '(?s:.)', '\\\\1', '\\(?=a', '\\x41\\t\\.', '[(?<é>]', '[]a]', '[^]a]', 'a{,3}',
  ])('%s is RE2', (pattern) => {
    expect(regexProblem(pattern)).toBeUndefined();
  });

  test.each([
    ['(?=a)', /invalid or unsupported Perl syntax.*RE2 has no lookaround/], ['(?<!a)b', /invalid named capture.*RE2 has no lookaround/],
    ['(a)\\2', /invalid escape sequence.*RE2 has no backreferences/], ['(?<n>a)\\k<n>', /invalid escape sequence.*RE2 has no backreferences/],
    ['a\\Z', /invalid escape sequence: `\\Z`/], ['\\u0041', /invalid escape sequence: `\\u`/], ['a(b', /missing closing \)/],
    ['[a-', /missing closing \]/], ['*a', /missing argument to repetition operator/], ['a{1001}', /invalid repeat count/],
    ['(a{40}){30}', /invalid repeat count/], ['(?<é>a)', /invalid named capture/], ['(?P<>a)', /invalid named capture/],
  ])('%s is not RE2', (pattern, message) => {
    expect(regexProblem(pattern)).toMatch(message);
  });

  test('the same pattern gives the same answer from the cache', () => {
    expect(regexProblem('a(b')).toBe(regexProblem('a(b'));
  });

  // pkg/config/validation/validation.go, validateStringRegexp: Go's len counts bytes.
  test('the 1024 limit counts bytes of UTF-8, as Go\'s len does, not UTF-16 code units', () => {
    expect(regexProblem('a'.repeat(1024))).toBeUndefined();
    expect(regexProblem('a'.repeat(1025))).toBe('regex is too large: at most 1024 bytes are allowed');
    expect(regexProblem('é'.repeat(512))).toBeUndefined();
    expect(regexProblem('é'.repeat(513))).toBe('regex is too large: at most 1024 bytes are allowed');
  });

  test('Go accepts two groups of the same name, which re2js refuses', () => {
    expect(regexProblem('(?P<v>a)|(?P<v>b)')).toBeUndefined();
    expect(regexProblem('(?<v>a)(?P<v>b)')).toBeUndefined();
  });

  test('Go\'s program size limit, which no pattern of 1024 bytes reaches, is above re2js\'s', () => {
    const large = `(?:${'a*'.repeat(505)}){1000}`;
    expect(Buffer.byteLength(large)).toBeLessThanOrEqual(1024);
    expect(regexProblem(large)).toBeUndefined();
  });

  test.each(['\\p{greek}', '\\p{GREEK}', '\\pl', '\\p{lu}', '\\p{Letter}', '\\p{uppercase letter}', '\\p{Cased_Letter}', '\\p{LC}', '\\p{ASCII}', '\\p{any}', '\\P{^greek}', '[\\p{han}]'])(
    'Go looks up the Unicode class %s ignoring case and separators', (pattern) => {
      expect(regexProblem(pattern)).toBeUndefined();
    });

  test.each([
    ['\\p{Old_Italic}', 'a script of several words: Go\'s table keeps the underscore its lookup drops'],
    ['\\p{Garay}', 'a Unicode 16 script: Go\'s tables are Unicode 15'],
    ['\\p{Sunuwar}', 'a Unicode 16 script'],
    ['\\p{L&}', 'not a name'],
    ['\\p{Greek', 'not closed'],
  ])('Go has no Unicode class %s (%s)', (pattern) => {
    expect(regexProblem(pattern)).toMatch(/invalid character class range/);
  });
});
