import { isDnsLabel, partialWildcardProblem, wildcardDomainProblem } from './names';
import { isIpAddress } from './net';

/** Where a `namespace/host` entry appears: Gateway servers or Sidecar egress listeners. */
export enum HostScope {
  /** Gateway servers: `ns/` is optional, IP addresses are allowed. */
  GATEWAY = 'gateway',
  /** Sidecar egress listeners: `ns/` is required, `~` is allowed as the namespace. */
  SIDECAR = 'sidecar',
  /** Sidecar egress listeners from Istio 1.31: a namespace (or none) prefixed with `~` excludes its hosts. */
  SIDECAR_WITH_EXCLUSIONS = 'sidecar-with-exclusions',
}

function hostPartProblems(host: string, scope: HostScope): string[] {
  const problems: string[] = [];
  if (host !== '*' && !host.includes('.')) {
    problems.push(`short name "${host}" is not allowed: use a fully qualified name`);
  }
  const domain = wildcardDomainProblem(host);
  if (domain && !(scope === HostScope.GATEWAY && isIpAddress(host))) {
    problems.push(domain);
  }
  const partial = partialWildcardProblem(host);
  if (partial) {
    problems.push(partial);
  }
  return problems;
}

/**
 * Why a host entry of the form `namespace/dnsName` (namespace `*`, `.`, or a name; dnsName
 * fully qualified, optionally with a `*.` wildcard, or `*`) is invalid: none when it is valid.
 */
export function scopedHostProblems(entry: string, scope: HostScope): string[] {
  const slash = entry.indexOf('/');
  if (slash < 0) {
    return scope === HostScope.GATEWAY ? hostPartProblems(entry, scope) : [`host "${entry}" must be of the form namespace/dnsName`];
  }
  const written = entry.slice(0, slash);
  const namespace = scope === HostScope.SIDECAR_WITH_EXCLUSIONS && written.startsWith('~') ? written.slice(1) : written;
  const host = entry.slice(slash + 1);
  const problems: string[] = [];
  if (written === '' || host === '') {
    problems.push(`host "${entry}": neither the namespace nor the dnsName can be empty`);
  }
  const special = namespace === '*' || namespace === '.' || (scope === HostScope.SIDECAR && namespace === '~');
  if (!special && namespace !== '' && !isDnsLabel(namespace)) {
    problems.push(`invalid namespace "${written}" in host "${entry}"`);
  }
  if (host !== '') {
    problems.push(...hostPartProblems(host, scope));
  }
  return problems;
}
