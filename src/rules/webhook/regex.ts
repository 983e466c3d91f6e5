/**
 * Checks a regular expression the way Istio does before handing it to Envoy's RE2: at most 1024
 * characters, valid RE2 syntax. RE2 has no lookaround and no backreferences; other RE2-only
 * syntax (`(?P<name>`, `(?i)`, `\z`, `[[:alpha:]]`, `\pL`) is translated to JavaScript's
 * equivalent only to check the rest of the syntax with the JavaScript engine.
 */

const MAX_LENGTH = 1024;
const MAX_CACHED = 10_000;
const LOOKAROUND = /(?:^|[^\\])\(\?<?[=!]/;
const BACKREFERENCE = /\\(?:[1-9]|k<)/;
/** A backslash and a letter that RE2 gives no meaning (JavaScript would read `\Z` as `Z`). */
const UNKNOWN_ESCAPE = /\\([^afntrvdDsSwWbBAzpPQECx0-9\W_])/;
const QUOTED = /\\Q([\s\S]*?)(?:\\E|$)/g;
const NAMED_GROUP = /\(\?P</g;
const FLAGS_ONLY = /\(\?[imsU-]+\)/g;
const FLAGS_GROUP = /\(\?[imsU-]+:/g;
const TEXT_ANCHORS = /\\[Az]/g;
const POSIX_CLASS = /\[:\^?[a-z]+:\]/g;
const UNICODE_CLASS = /\\[pP](?:\{\^?[A-Za-z_]+\}|[A-Za-z])/g;
const ESCAPE_SPECIALS = /[.*+?^${}()|[\]\\]/g;

const cache = new Map<string, string | undefined>();

/** Why `pattern` is not a regular expression RE2 (and so Istio) accepts, or undefined. */
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
  if (pattern.length > MAX_LENGTH) {
    return `regex is too large: at most ${MAX_LENGTH} characters are allowed`;
  }
  const unescaped = pattern.replace(/\\\\/g, '');
  if (LOOKAROUND.test(unescaped)) {
    return `regex ${JSON.stringify(pattern)} uses lookaround, which RE2 does not support`;
  }
  if (BACKREFERENCE.test(unescaped)) {
    return `regex ${JSON.stringify(pattern)} uses a backreference, which RE2 does not support`;
  }
  const escape = UNKNOWN_ESCAPE.exec(unescaped);
  if (escape) {
    return `regex ${JSON.stringify(pattern)} is invalid (RE2 has no escape \\${escape[1]})`;
  }
  try {
    new RegExp(toJavaScript(pattern));
    return undefined;
  } catch (e) {
    return `regex ${JSON.stringify(pattern)} is invalid (${(e as Error).message.replace(/^Invalid regular expression: /, '')}); Istio uses RE2 syntax`;
  }
}

function toJavaScript(pattern: string): string {
  return pattern
    .replace(QUOTED, (_, text: string) => text.replace(ESCAPE_SPECIALS, '\\$&'))
    .replace(NAMED_GROUP, '(?<')
    .replace(FLAGS_ONLY, '')
    .replace(FLAGS_GROUP, '(?:')
    .replace(TEXT_ANCHORS, (anchor) => (anchor === '\\A' ? '^' : '$'))
    .replace(POSIX_CLASS, 'a')
    .replace(UNICODE_CLASS, 'a');
}
