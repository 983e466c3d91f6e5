/**
 * Name forms as Istio checks them. Istio's DNS label also admits upper case, unlike Kubernetes'
 * (see ../../dns.ts), so these rules accept what Istio accepts and no more.
 */

const MAX_LABEL_LENGTH = 63;
const MAX_DOMAIN_LENGTH = 255;
const DNS_LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
/** `*`, or a DNS label optionally led by `*` or `*-` (`*foo`, `*-foo`). */
const WILDCARD_LABEL = /^(?:\*|(?:\*-?)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;
const ALL_DIGITS = /^[0-9]+$/;
/** Labels as `isDnsLabel` reads them, dot-separated, with an optional trailing dot. */
const VALID_LABELS = /^(?:[a-zA-Z0-9](?:[-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9](?:[-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?\.?$/;
const ALL_DIGITS_LAST_LABEL = /(?:^|\.)[0-9]+$/;

/** True when `value` is a DNS-1123 label as Istio reads it. */
export function isDnsLabel(value: string): boolean {
  return value.length <= MAX_LABEL_LENGTH && DNS_LABEL.test(value);
}

function domainPreconditions(domain: string): string | undefined {
  if (domain.length === 0) {
    return 'empty domain name not allowed';
  }
  if (domain.length > MAX_DOMAIN_LENGTH) {
    return `domain name "${domain}" is too long (at most ${MAX_DOMAIN_LENGTH} characters)`;
  }
  return undefined;
}

function dnsLabelsProblem(whole: string, rest: string): string | undefined {
  // Most names are valid, and two regexes tell so without splitting them into labels; the
  // label-by-label reading below finds what is wrong with the others.
  if (VALID_LABELS.test(rest) && !ALL_DIGITS_LAST_LABEL.test(rest)) {
    return undefined;
  }
  const labels = rest.split('.');
  const last = labels[labels.length - 1];
  if (ALL_DIGITS.test(last)) {
    return `domain name "${whole}" is invalid: the top level domain "${last}" cannot be all digits`;
  }
  for (let i = 0; i < labels.length; i++) {
    // a trailing dot (`example.com.`) is allowed
    if (i === labels.length - 1 && labels[i] === '') {
      return undefined;
    }
    if (!isDnsLabel(labels[i])) {
      return `domain name "${whole}" is invalid: label "${labels[i]}" is not a DNS-1123 label`;
    }
  }
  return undefined;
}

/** Why `name` is not a fully qualified domain name without wildcards, or undefined. */
export function fqdnProblem(name: string): string | undefined {
  return domainPreconditions(name) ?? dnsLabelsProblem(name, name);
}

/** Why `domain` is not a domain name with an optional wildcard first label, or undefined. */
export function wildcardDomainProblem(domain: string): string | undefined {
  const pre = domainPreconditions(domain);
  if (pre) {
    return pre;
  }
  const dot = domain.indexOf('.');
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (first.length > MAX_LABEL_LENGTH || !WILDCARD_LABEL.test(first)) {
    return `domain name "${domain}" is invalid: label "${first}" is not a DNS-1123 label or a wildcard`;
  }
  return dot < 0 ? undefined : dnsLabelsProblem(domain, domain.slice(dot + 1));
}

/** Why `host` has a partial wildcard (`*foo.com`, `a.*.com`), or undefined: only `*` or a `*.` prefix. */
export function partialWildcardProblem(host: string): string | undefined {
  if (host.includes('*') && host !== '*' && !host.startsWith('*.')) {
    return `partial wildcard "${host}" is not allowed: use "*" or a "*." prefix`;
  }
  return undefined;
}

/**
 * True when `host` is the same as or more specific than `other` (Istio's SubsetOf): `a.b.com` is
 * a subset of `*.b.com` and of `*`; `*.a.b.com` is a subset of `*.b.com`.
 */
export function isHostSubsetOf(host: string, other: string): boolean {
  if (host === other) {
    return true;
  }
  if (!other.startsWith('*')) {
    return false;
  }
  const suffix = other.slice(1);
  return host.startsWith('*') ? host.slice(1).endsWith(suffix) : host.endsWith(suffix);
}
