import { Report } from './report';
import { entriesAt, listAt, objectAt, stringAt } from './values';

const HEADER_NAME = /^[-_A-Za-z0-9]+$/;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000A-\u001F\u007F]/;
const JWT_CLAIM_PREFIX = '@request.auth.claims';
const ENVOY_VARIABLE = /^[A-Z_][A-Z0-9_]*(?:\(.*\))?(?::[0-9]+)?$/;

/** Why `name` is not a header name a match can use, or undefined; `jwtClaims` admits `@request.auth.claims...`. */
export function headerNameProblem(name: string, jwtClaims = false): string | undefined {
  if (name === '') {
    return 'header name cannot be empty';
  }
  if (jwtClaims && isJwtClaim(name)) {
    return undefined;
  }
  return HEADER_NAME.test(name) ? undefined : `"${name}" is not a valid header name: use letters, digits, "-" and "_"`;
}

/** True for the `@request.auth.claims` pseudo-headers of JWT claim routing. */
export function isJwtClaim(name: string): boolean {
  return name.startsWith(JWT_CLAIM_PREFIX) && name.length > JWT_CLAIM_PREFIX.length;
}

function isAuthority(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === ':authority' || lower === 'host';
}

function isInternal(name: string): boolean {
  return name.startsWith(':') || name.toLowerCase() === 'host';
}

/**
 * Why a header value is not one Envoy accepts, or undefined: no control characters, and `%` only
 * as `%%` or around a variable such as `%HOSTNAME%`.
 */
function headerValueProblem(value: string): string | undefined {
  if (CONTROL_CHARACTERS.test(value)) {
    return `header value ${JSON.stringify(value)} contains control characters`;
  }
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '%') {
      continue;
    }
    if (value[i + 1] === '%') {
      i++;
      continue;
    }
    const end = value.indexOf('%', i + 1);
    if (end < 0 || !ENVOY_VARIABLE.test(value.slice(i + 1, end))) {
      return `header value ${JSON.stringify(value)} is invalid: write a literal "%" as "%%", variables as "%NAME%"`;
    }
    i = end;
  }
  return undefined;
}

/**
 * Reports header operations Istio rejects: empty names, pseudo-headers (`:path`), the Host
 * header outside request add/set (where it rewrites the authority), and invalid values.
 */
export function checkHeaderOperations(report: Report, path: string, headers: unknown): void {
  const ops = objectAt(headers);
  if (!ops) {
    return;
  }
  for (const side of ['request', 'response'] as const) {
    const op = objectAt(ops[side]);
    if (!op) {
      continue;
    }
    for (const verb of ['add', 'set'] as const) {
      for (const [name, value] of entriesAt(op[verb])) {
        const where = `${path}.${side}.${verb}`;
        report.errorIf(where, side === 'request' ? requestWriteProblem(name) : headerOperationProblem(name));
        report.errorIf(where, headerValueProblem(stringAt(value)));
      }
    }
    listAt(op.remove).forEach((name, i) => report.errorIf(`${path}.${side}.remove[${i}]`, headerOperationProblem(stringAt(name))));
  }
}

function requestWriteProblem(name: string): string | undefined {
  if (name === '') {
    return 'header name cannot be empty';
  }
  return isInternal(name) && !isAuthority(name) ? `invalid header "${name}": header names cannot start with ":"` : undefined;
}

function headerOperationProblem(name: string): string | undefined {
  if (name === '') {
    return 'header name cannot be empty';
  }
  if (name.toLowerCase() === 'host') {
    return 'invalid header "host": the Host header cannot be changed here (use rewrite.authority)';
  }
  return name.startsWith(':') ? `invalid header "${name}": header names cannot start with ":"` : undefined;
}

/** The authority values a route's request headers set (`:authority` or `host`). */
export function authorityWrites(headers: unknown): string[] {
  const request = objectAt(objectAt(headers)?.request);
  const writes: string[] = [];
  for (const verb of ['set', 'add']) {
    for (const [name, value] of entriesAt(request?.[verb])) {
      if (isAuthority(name)) {
        writes.push(stringAt(value));
      }
    }
  }
  return writes;
}
