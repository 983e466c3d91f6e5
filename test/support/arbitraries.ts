import { Duration } from 'cdk8s';
import * as fc from 'fast-check';

// Small grammars of the values the API documents as valid. Long names come up now and then, so
// that the limits (63-character labels, 253-character names) are reached, not only approached.

const SHORT_LABEL = /^[a-z]([-a-z0-9]{0,6}[a-z0-9])?$/;
const LONG_LABEL = /^[a-z0-9][-a-z0-9]{61}[a-z0-9]$/;

/** A DNS-1123 label: a namespace, a port name, a subset name. */
export const dnsLabel: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: fc.stringMatching(SHORT_LABEL) },
  { weight: 1, arbitrary: fc.stringMatching(LONG_LABEL) },
);

/** A DNS-1035 label: a Service name, which starts with a letter. */
export const serviceName: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: fc.stringMatching(SHORT_LABEL) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][-a-z0-9]{61}[a-z0-9]$/) },
);

/** A DNS-1123 subdomain: the name of most objects. */
export const objectName: fc.Arbitrary<string> = fc.array(dnsLabel, { minLength: 1, maxLength: 4 })
  .map((labels) => labels.join('.'))
  .filter((name) => name.length <= 253);

/** A top-level domain: letters only, as public ones are. */
const tld = fc.constantFrom('com', 'org', 'io', 'net', 'example', 'internal');

/**
 * A host name below `parent` (a unique label, so that hosts built from different parents never
 * overlap): `<labels>.<parent>.<tld>`, in any case, at most 255 characters.
 */
export function hostUnder(parent: string): fc.Arbitrary<string> {
  return fc.tuple(fc.array(dnsLabel, { maxLength: 2 }), tld, fc.boolean())
    .map(([labels, top, upper]) => {
      const host = [...labels, parent, top].join('.');
      return upper ? host.toUpperCase() : host;
    })
    .filter((host) => host.length <= 255);
}

/** A host name or a wildcard below `parent`. */
export function hostOrWildcardUnder(parent: string): fc.Arbitrary<string> {
  return fc.tuple(hostUnder(parent), fc.boolean()).map(([host, wildcard]) => (wildcard ? `*.${host}` : host))
    .filter((host) => host.length <= 255);
}

/** True when no host of `hosts` equals another or lies below one of its wildcards, case aside. */
export function hostsApart(hosts: readonly string[]): boolean {
  const lower = hosts.map((h) => h.toLowerCase());
  return lower.every((h, i) => lower.every((other, j) => i === j || (h !== other && !(other.startsWith('*.') && h.endsWith(other.slice(1))))));
}

/** 1 to `max` hosts or wildcards below `parent`, none covering another. */
export function distinctHostsUnder(parent: string, max = 3): fc.Arbitrary<string[]> {
  return fc.uniqueArray(hostOrWildcardUnder(parent), { minLength: 1, maxLength: max, selector: (h) => h.toLowerCase() }).filter(hostsApart);
}

/** `count` distinct labels, to keep hosts and names of different objects apart. */
export function distinctLabels(count: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(fc.stringMatching(SHORT_LABEL), { minLength: count, maxLength: count });
}

/** A port number. */
export const portNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 65535 }),
  fc.constantFrom(1, 80, 443, 8080, 65535),
);

/** A duration Istio accepts: a whole number of milliseconds, at least one. */
export const duration: fc.Arbitrary<Duration> = fc.oneof(
  fc.integer({ min: 1, max: 600_000 }).map((ms) => Duration.millis(ms)),
  fc.integer({ min: 1, max: 3600 }).map((s) => Duration.seconds(s)),
);

/** A duration of whole seconds. */
export const wholeSeconds: fc.Arbitrary<Duration> = fc.integer({ min: 1, max: 86_400 }).map((s) => Duration.seconds(s));

/** A share Istio accepts: 0, or a percentage from 0.0001 to 100, fractions included. */
export const percent: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.double({ min: 0.0001, max: 100, noNaN: true }),
);

const REGEX_ATOM = fc.constantFrom('[a-z]+', '[0-9]*', '.*', '\\d+', '\\w', '(v1|v2)', '[^/]+', '\\.', 'x?', '(?:ab)+', '[[:alpha:]]', '\\pL');

/** An RE2 regular expression from a small grammar: literals, classes, groups, alternations, flags. */
export const regex: fc.Arbitrary<string> = fc.tuple(
  fc.boolean(),
  fc.array(fc.oneof(REGEX_ATOM, fc.stringMatching(/^[a-z0-9/_-]{1,5}$/)), { minLength: 1, maxLength: 4 }),
).map(([caseless, parts]) => `${caseless ? '(?i)' : ''}${parts.join('')}`);

/** A path starting with `/`. */
export const path: fc.Arbitrary<string> = fc.array(fc.stringMatching(/^[a-zA-Z0-9._~-]{1,8}$/), { maxLength: 3 })
  .chain((segments) => fc.boolean().map((slash) => `/${segments.join('/')}${slash && segments.length > 0 ? '/' : ''}`));

/** A lowercase HTTP header name that is neither `host` nor a pseudo-header. */
export const headerName: fc.Arbitrary<string> = fc.stringMatching(/^[a-z][a-z0-9!#$&'*+.^_`|~-]{0,15}$/)
  .filter((name) => name !== 'host');

/** A header value: visible ASCII and spaces, not starting or ending with a space. */
export const headerValue: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9_.,;:/=+-]([ A-Za-z0-9_.,;:/=+-]{0,20}[A-Za-z0-9_.,;:/=+-])?$/);

/** A dictionary of 1 to `max` entries with distinct keys. */
export function dictionary<T>(key: fc.Arbitrary<string>, value: fc.Arbitrary<T>, max = 3): fc.Arbitrary<{ [key: string]: T }> {
  return fc.uniqueArray(fc.tuple(key, value), { minLength: 1, maxLength: max, selector: ([k]) => k })
    .map((entries) => Object.fromEntries(entries));
}

/** Kubernetes labels: a key (optionally with a DNS prefix) and a value. */
export const labels: fc.Arbitrary<{ [key: string]: string }> = dictionary(
  fc.tuple(fc.option(fc.constantFrom('app.kubernetes.io', 'example.com'), { nil: undefined }), fc.stringMatching(/^[a-z0-9]([-a-z0-9_.]{0,10}[a-z0-9])?$/))
    .map(([prefix, name]) => (prefix ? `${prefix}/${name}` : name)),
  fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,10}[A-Za-z0-9])?$/),
);

/** Whole-number weights, not all zero, for `count` destinations. */
export function weights(count: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: count, maxLength: count }).filter((w) => w.some((x) => x > 0));
}

/** Whole-number percentages summing to 100, for `count` destinations. */
export function percentages(count: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 0, max: 100 }), { minLength: count - 1, maxLength: count - 1 })
    .map((cuts) => {
      const sorted = [0, ...cuts.sort((a, b) => a - b), 100];
      return sorted.slice(1).map((c, i) => c - sorted[i]);
    });
}

/** Host names Istio rejects: empty labels, bad characters, misplaced wildcards, over-long labels. */
export const badHost: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'a..example.com', '-a.example.com', 'a-.example.com', 'a_b.example.com', '*a.example.com', 'a.*.example.com', 'a b.example.com', '**.example.com'),
  fc.integer({ min: 64, max: 70 }).map((n) => `${'a'.repeat(n)}.example.com`),
);

/** Port numbers outside 1..65535, or not whole. */
export const badPort: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 65536, -1, 1.5, 443.25),
  fc.integer({ min: 65536, max: 1_000_000 }),
  fc.integer({ min: -1000, max: 0 }),
);

/** Patterns RE2 cannot compile: unbalanced, lookaround, backreferences, unknown escapes. */
export const badRegex: fc.Arbitrary<string> = fc.constantFrom('(', '[a-', 'a{2,1}', '(?=a)b', '(?<!a)b', '(a)\\1', '\\Z', '*a', 'a)');

/** Durations Istio rejects: zero, or a fraction of a millisecond. */
export const badDuration: fc.Arbitrary<Duration> = fc.oneof(
  fc.constant(Duration.millis(0)),
  fc.double({ min: 0.001, max: 0.999, noNaN: true }).map((ms) => Duration.millis(ms)),
  fc.integer({ min: 1, max: 1000 }).map((ms) => Duration.millis(ms + 0.5)),
);
