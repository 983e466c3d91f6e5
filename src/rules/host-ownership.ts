import { parse } from 'yaml';
import { partialWildcardProblem, wildcardDomainProblem } from './webhook/names';

/** The hosts one namespace may expose through gateways or send egress to. */
export interface NamespaceHosts {
  /** The namespace, as the objects' `metadata.namespace` names it. */
  readonly namespace: string;
  /**
   * The hosts it owns: exact hosts (`api.b.example.com`) and wildcards (`*.team-a.example.com`,
   * which covers every host below `team-a.example.com` and every wildcard below it, not
   * `team-a.example.com` itself).
   */
  readonly hosts: string[];
}

/** A malformed entry of a host ownership policy: where it is, the value and what is wrong. */
export interface HostOwnershipProblem {
  readonly field: string;
  readonly value: unknown;
  readonly problem: string;
}

/** The first malformed entry of `policy`, or undefined when every entry is well formed. */
export function hostOwnershipProblem(policy: readonly NamespaceHosts[]): HostOwnershipProblem | undefined {
  for (const [i, entry] of policy.entries()) {
    if (typeof entry.namespace !== 'string' || entry.namespace === '') {
      return { field: `hostOwnership[${i}].namespace`, value: entry.namespace, problem: 'expected the name of a namespace' };
    }
    for (const [j, host] of (entry.hosts ?? []).entries()) {
      const problem = typeof host === 'string' ? ownedHostProblem(host) : 'expected a host name';
      if (problem !== undefined) {
        return { field: `hostOwnership[${i}].hosts[${j}]`, value: host, problem };
      }
    }
  }
  return undefined;
}

/** Why `host` cannot be owned, or undefined: an exact host, `*` or a `*.` wildcard. */
function ownedHostProblem(host: string): string | undefined {
  return wildcardDomainProblem(host) ?? partialWildcardProblem(host);
}

/**
 * The hosts each policed namespace owns. A namespace named by several entries owns the hosts of
 * all of them; a namespace named by none is not policed.
 */
export function ownedHostsByNamespace(policy: readonly NamespaceHosts[]): ReadonlyMap<string, readonly string[]> {
  const owned = new Map<string, string[]>();
  for (const entry of policy) {
    owned.set(entry.namespace, [...owned.get(entry.namespace) ?? [], ...entry.hosts]);
  }
  return owned;
}

/**
 * Reads a host ownership policy file, YAML or JSON:
 *
 * ```yaml
 * namespaces:
 *   team-a: ["*.team-a.example.com"]
 *   team-b: ["api.b.example.com"]
 * ```
 *
 * @throws Error saying what is wrong and where
 */
export function parseHostOwnership(text: string): NamespaceHosts[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new Error(`host ownership policy is not valid YAML or JSON: ${(e as Error).message}`);
  }
  if (!isMapping(doc) || !('namespaces' in doc)) {
    throw new Error('host ownership policy: expected a mapping with the key "namespaces"');
  }
  const unknown = Object.keys(doc).filter((key) => key !== 'namespaces');
  if (unknown.length > 0) {
    throw new Error(`host ownership policy: unknown key ${JSON.stringify(unknown[0])}: expected only "namespaces"`);
  }
  const namespaces = doc.namespaces;
  if (!isMapping(namespaces)) {
    throw new Error(`host ownership policy namespaces: ${JSON.stringify(namespaces)} is not a mapping of namespace to a list of hosts`);
  }
  const policy = Object.entries(namespaces).map(([namespace, hosts]) => {
    if (!Array.isArray(hosts)) {
      throw new Error(`host ownership policy namespaces.${namespace}: ${JSON.stringify(hosts)} is not a list of hosts`);
    }
    return { namespace, hosts };
  });
  const problem = hostOwnershipProblem(policy);
  if (problem !== undefined) {
    throw new Error(`host ownership policy ${policyField(problem.field, policy)}: ${JSON.stringify(problem.value)}: ${problem.problem}`);
  }
  return policy;
}

/** `hostOwnership[1].hosts[0]` as the file writes it, `namespaces.team-b[0]`; a namespace is a key of `namespaces`. */
function policyField(field: string, policy: readonly NamespaceHosts[]): string {
  const match = /^hostOwnership\[(\d+)\]\.hosts(\[\d+\])$/.exec(field);
  return match ? `namespaces.${policy[Number(match[1])].namespace}${match[2]}` : 'namespaces';
}

function isMapping(value: unknown): value is { [key: string]: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
