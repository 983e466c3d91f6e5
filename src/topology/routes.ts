import { arrayOf } from '../rules/mesh-index';
import { sortedKeys } from '../rules/sorted-keys';

/** The sections of a VirtualService, each for the traffic of one kind of Gateway server. */
export type RouteSection = 'http' | 'tls' | 'tcp';

export const ROUTE_SECTIONS: readonly RouteSection[] = ['http', 'tls', 'tcp'];

const HTTP_PROTOCOLS = new Set(['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB']);

/**
 * The section of a VirtualService that routes a server's traffic, as Istio's gateways read it:
 * `http` for HTTP servers and HTTPS servers that terminate TLS, `tls` for servers that pass TLS
 * through, `tcp` for the rest (TCP, and TLS servers that terminate it).
 */
export function serverSection(server: any): RouteSection {
  const protocol = String(server?.port?.protocol ?? '').toUpperCase();
  const mode = String(server?.tls?.mode ?? '');
  const passthrough = mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH';
  if (HTTP_PROTOCOLS.has(protocol) || (protocol === 'HTTPS' && !passthrough)) {
    return 'http';
  }
  return (protocol === 'HTTPS' || protocol === 'TLS') && passthrough ? 'tls' : 'tcp';
}

/** A rule as the YAML places it, with its name and what it does besides routing: `http[0] api`, `http[1]: redirect to https://...`. */
export function describeRule(section: RouteSection, index: number, rule: any): string {
  const name = typeof rule?.name === 'string' && rule.name !== '' ? ` ${rule.name}` : '';
  const action = section === 'http' ? httpAction(rule) : '';
  return `${section}[${index}]${name}${action === '' ? '' : `: ${action}`}`;
}

function httpAction(rule: any): string {
  if (rule?.redirect && typeof rule.redirect === 'object') {
    const r = rule.redirect;
    const target = `${r.scheme ? `${r.scheme}://` : ''}${r.authority ?? ''}${r.uri ?? r.prefixRewrite ?? ''}`;
    return `redirect${target === '' ? '' : ` to ${target}`}${r.redirectCode ? ` (${r.redirectCode})` : ''}`;
  }
  if (rule?.directResponse && typeof rule.directResponse === 'object') {
    return `direct response ${rule.directResponse.status}`;
  }
  return '';
}

/** What a rule's matches accept, alternatives joined by `or`: `prefix /api/`, `sni api.github.com`, `any request`. */
export function describeMatches(section: RouteSection, matches: readonly any[]): string {
  const described = matches.map((m) => (section === 'http' ? httpMatch(m) : section === 'tls' ? tlsMatch(m) : tcpMatch(m)).join(', ')).filter((d) => d !== '');
  return described.length === 0 || described.length < matches.length ? 'any request' : described.join(' or ');
}

function httpMatch(match: any): string[] {
  const parts: string[] = [];
  if (match?.uri) {
    parts.push(stringMatch('', match.uri));
  }
  for (const field of ['scheme', 'method', 'authority']) {
    if (match?.[field]) {
      parts.push(stringMatch(`${field} `, match[field]));
    }
  }
  for (const [field, word] of [['headers', 'header'], ['queryParams', 'query'], ['withoutHeaders', 'without header']]) {
    if (match?.[field] && typeof match[field] === 'object') {
      parts.push(...sortedKeys(match[field]).map((key) => `${word} ${key}`));
    }
  }
  return [...parts, ...portOf(match)];
}

function tlsMatch(match: any): string[] {
  const sni = arrayOf(match?.sniHosts).map(String);
  return [...(sni.length === 0 ? [] : [`sni ${sni.join(', ')}`]), ...portOf(match)];
}

function tcpMatch(match: any): string[] {
  const subnets = arrayOf(match?.destinationSubnets).map(String);
  return [...(subnets.length === 0 ? [] : [`to ${subnets.join(', ')}`]), ...portOf(match)];
}

function portOf(match: any): string[] {
  return typeof match?.port === 'number' ? [`port ${match.port}`] : [];
}

/** A StringMatch as `prefix /api/`, `exact GET`, `regex ^/v[0-9]+`. */
function stringMatch(prefix: string, value: any): string {
  const kind = ['exact', 'prefix', 'regex'].find((k) => typeof value?.[k] === 'string');
  return kind === undefined ? `${prefix}any`.trim() : `${prefix}${kind} ${value[kind]}`;
}
