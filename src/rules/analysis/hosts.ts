/**
 * Host names as Gateways and VirtualServices match them: `*` matches every host, `*.example.com`
 * every host below `example.com` (not `example.com` itself), other hosts only themselves.
 */

import { appendTo } from '../multimap';

/** The domain a wildcard host covers (`*.example.com` -> `example.com`, `*` -> ``), or undefined. */
function wildcardDomain(host: string): string | undefined {
  if (host === '*') {
    return '';
  }
  return host.startsWith('*.') ? host.slice(2) : undefined;
}

function isBelow(host: string, domain: string): boolean {
  return domain === '' || host.endsWith(`.${domain}`);
}

/** The domains strictly above `host`, nearest first, ending with `` (the root): `a.b.c` -> `b.c`, `c`, ``. */
function parentDomains(host: string): string[] {
  if (host === '') {
    return [];
  }
  const parents: string[] = [];
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
    parents.push(host.slice(dot + 1));
  }
  parents.push('');
  return parents;
}

/** True when some host matches both `a` and `b` (Istio's `host.Name.Matches`). */
export function hostsOverlap(a: string, b: string): boolean {
  const da = wildcardDomain(a);
  const db = wildcardDomain(b);
  if (da === undefined && db === undefined) {
    return a === b;
  }
  if (da === undefined) {
    return isBelow(a, db!);
  }
  if (db === undefined) {
    return isBelow(b, da);
  }
  return da === db || isBelow(da, db) || isBelow(db, da);
}

/** A Gateway server host without its namespace part: `ns/app.example.com` -> `app.example.com`. */
export function withoutNamespace(host: string): string {
  const slash = host.indexOf('/');
  return slash < 0 ? host : host.slice(slash + 1);
}

function addTo<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const values = map.get(key);
  if (values) {
    values.add(value);
  } else {
    map.set(key, new Set([value]));
  }
}

/**
 * Values stored under host names and found by any host that overlaps theirs, in time
 * proportional to the labels of the host asked for and the distinct values found, not to the
 * index size: a wildcard that covers ten thousand hosts of one Gateway finds that Gateway once
 * per domain, not ten thousand times.
 */
export class HostIndex<T> {
  private readonly exact = new Map<string, T[]>();
  /** The values of the exact hosts under each of their parent domains; built when a wildcard is first looked up. */
  private exactBelow?: Map<string, Set<T>>;
  private readonly wildcards = new Map<string, T[]>();
  /** The values of the wildcard hosts under each parent domain of the domain they cover. */
  private readonly wildcardsBelow = new Map<string, Set<T>>();

  public add(host: string, value: T): void {
    const domain = wildcardDomain(host);
    if (domain === undefined) {
      appendTo(this.exact, host, value);
      this.exactBelow = undefined;
    } else {
      appendTo(this.wildcards, domain, value);
      for (const parent of parentDomains(domain)) {
        addTo(this.wildcardsBelow, parent, value);
      }
    }
  }

  /** The values of every host that overlaps `host`; a value stored under several hosts may repeat. */
  public overlapping(host: string): T[] {
    const domain = wildcardDomain(host);
    if (domain === undefined) {
      const found = this.exact.get(host) ?? [];
      if (this.wildcards.size === 0) {
        return found;
      }
      return [...found, ...parentDomains(host).flatMap((parent) => this.wildcards.get(parent) ?? [])];
    }
    return [
      ...this.exactHostsBelow().get(domain) ?? [],
      ...this.wildcards.get(domain) ?? [],
      ...this.wildcardsBelow.get(domain) ?? [],
      ...parentDomains(domain).flatMap((parent) => this.wildcards.get(parent) ?? []),
    ];
  }

  private exactHostsBelow(): Map<string, Set<T>> {
    if (!this.exactBelow) {
      this.exactBelow = new Map();
      for (const [host, values] of this.exact) {
        for (const parent of parentDomains(host)) {
          for (const value of values) {
            addTo(this.exactBelow, parent, value);
          }
        }
      }
    }
    return this.exactBelow;
  }
}
