/**
 * Checks a regular expression the way Istio does before handing it to Envoy: at most 1024 bytes
 * of UTF-8, and accepted by Go's regexp package. re2js, a port of the same RE2 syntax, compiles
 * the pattern; where it and Go disagree, the pattern is first rewritten to what re2js reads as
 * Go reads the original (see `toRe2js`).
 */
import { RE2JS } from 're2js';
import { re2jsUnicodeClass } from './go-unicode-classes';

const MAX_BYTES = 1024;
const MAX_CACHED = 10_000;
const CAPTURE_NAME = /^[A-Za-z0-9_]+$/;
const LOOKAROUND = /\(\?<?[=!]/;
const BACKREFERENCE = /\\(?:[1-9]|k<)/;
/** re2js's own message when a pattern outgrows its program size limit, which is below Go's. */
const TOO_LARGE = 'expression too large';

const cache = new Map<string, string | undefined>();

/** Why `pattern` is not a regular expression Istio accepts, or undefined. */
export function regexProblem(pattern: string): string | undefined {
  if (cache.has(pattern)) {
    return cache.get(pattern);
  }
  const problem = findProblem(pattern);
  if (cache.size >= MAX_CACHED) {
    cache.clear();
  }
  cache.set(pattern, problem);
  return problem;
}

function findProblem(pattern: string): string | undefined {
  if (Buffer.byteLength(pattern, 'utf8') > MAX_BYTES) {
    return `regex is too large: at most ${MAX_BYTES} bytes are allowed`;
  }
  const rewritten = toRe2js(pattern);
  if (rewritten.problem !== undefined) {
    return invalid(pattern, rewritten.problem);
  }
  try {
    RE2JS.compile(rewritten.pattern);
    return undefined;
  } catch (e) {
    const message = (e as Error).message;
    // Go allows a larger program than re2js, so large that no pattern of 1024 bytes reaches it.
    return message.endsWith(TOO_LARGE) ? undefined : invalid(pattern, message);
  }
}

function invalid(pattern: string, message: string): string {
  return `regex ${JSON.stringify(pattern)} is invalid (${message}); ${hint(pattern)}`;
}

function hint(pattern: string): string {
  if (LOOKAROUND.test(pattern)) {
    return 'RE2 has no lookaround';
  }
  return BACKREFERENCE.test(pattern) ? 'RE2 has no backreferences' : 'Istio uses RE2 syntax';
}

interface Rewritten {
  readonly pattern: string;
  readonly problem?: string;
}

/**
 * The pattern re2js reads as Go reads `pattern`, or Go's error. Two things differ: Go looks
 * Unicode class names up loosely and with its own tables (see go-unicode-classes.ts), and Go
 * accepts two groups of the same name, which re2js refuses; named groups become plain groups
 * once their names are checked. Escapes, `\Q...\E` and character classes are stepped over so
 * that only real groups and classes are rewritten.
 */
function toRe2js(pattern: string): Rewritten {
  let out = '';
  let i = 0;
  let inClass = false;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === 'Q' && !inClass) {
        const end = pattern.indexOf('\\E', i + 2);
        const stop = end < 0 ? pattern.length : end + 2;
        out += pattern.slice(i, stop);
        i = stop;
      } else if (next === 'p' || next === 'P') {
        const unicode = unicodeClass(pattern, i);
        if (unicode.problem !== undefined) {
          return unicode;
        }
        out += unicode.pattern;
        i += unicode.length;
      } else {
        out += pattern.slice(i, i + 2);
        i += 2;
      }
    } else if (inClass) {
      const posix = c === '[' && pattern[i + 1] === ':' ? pattern.indexOf(':]', i + 2) : -1;
      const stop = posix < 0 ? i + 1 : posix + 2;
      inClass = c !== ']' || posix >= 0;
      out += pattern.slice(i, stop);
      i = stop;
    } else if (c === '[') {
      // `]` right after `[` or `[^` is a member, not the end of the class
      const first = pattern[i + 1] === '^' ? i + 2 : i + 1;
      const stop = pattern[first] === ']' ? first + 1 : first;
      out += pattern.slice(i, stop);
      i = stop;
      inClass = true;
    } else if (c === '(' && pattern[i + 1] === '?' && (pattern[i + 2] === '<' || (pattern[i + 2] === 'P' && pattern[i + 3] === '<'))) {
      const group = namedGroup(pattern, i);
      if (group.problem !== undefined) {
        return group;
      }
      out += '(';
      i += group.length;
    } else {
      out += c;
      i += 1;
    }
  }
  return { pattern: out };
}

interface Token extends Rewritten {
  readonly length: number;
}

function namedGroup(pattern: string, start: number): Token {
  const nameStart = pattern[start + 2] === 'P' ? start + 4 : start + 3;
  const end = pattern.indexOf('>', nameStart);
  const name = end < 0 ? '' : pattern.slice(nameStart, end);
  if (!CAPTURE_NAME.test(name)) {
    const opener = end < 0 ? pattern.slice(start) : pattern.slice(start, end + 1);
    return { pattern: '', length: 0, problem: `error parsing regexp: invalid named capture: \`${opener}\`` };
  }
  return { pattern: '(', length: end + 1 - start };
}

function unicodeClass(pattern: string, start: number): Token {
  const letter = pattern[start + 1];
  const braced = pattern[start + 2] === '{';
  const close = braced ? pattern.indexOf('}', start) : start + 2;
  if (close < 0) {
    return { pattern: '', length: 0, problem: `error parsing regexp: invalid character class range: \`${pattern.slice(start)}\`` };
  }
  const sequence = braced ? pattern.slice(start, close + 1) : pattern.slice(start, start + 3);
  const body = braced ? pattern.slice(start + 3, close) : pattern.slice(start + 2, start + 3);
  const negated = body.startsWith('^');
  const name = re2jsUnicodeClass(negated ? body.slice(1) : body);
  if (name === undefined) {
    return { pattern: '', length: 0, problem: `error parsing regexp: invalid character class range: \`${sequence}\`` };
  }
  return { pattern: `\\${letter}{${negated ? '^' : ''}${name}}`, length: sequence.length };
}
