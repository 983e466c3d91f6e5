import { Report } from './report';
import { entriesAt, listAt, objectAt, stringAt } from './values';

/** An HTTP token (RFC 9110), what Istio's header name check reads as a name. */
const HEADER_NAME = /^[-!#$%&'*+.^_`|~A-Za-z0-9]+$/;
/** The HTTP/2 pseudo-headers a match may name. */
const PSEUDO_HEADERS = new Set([':method', ':scheme', ':authority', ':path', ':status']);
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000A-\u001F\u007F]/;
const JWT_CLAIM_PREFIX = '@request.auth.claims';

/**
 * Why `name` is not a header name a match (`match`: also a pseudo-header or an
 * `@request.auth.claims...` claim) or a CORS policy can use, or undefined.
 */
export function headerNameProblem(name: string, match = false): string | undefined {
  if (name === '') {
    return 'header name cannot be empty';
  }
  if (match && (isJwtClaim(name) || PSEUDO_HEADERS.has(name))) {
    return undefined;
  }
  return HEADER_NAME.test(name) ? undefined : `"${name}" is not a valid header name: use letters, digits and !#$%&'*+-.^_\`|~`;
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

/** Where Envoy's header value parser is within a value such as `a %REQ(x-id)% b`. */
enum Parse {
  LITERAL,
  NAME,
  ARGUMENTS,
  STRING_START,
  STRING,
  AFTER_STRING,
  ARGUMENTS_END,
  VARIABLE_END,
}

/**
 * Why a header value is not one Envoy accepts, or undefined: no control characters; `%` only
 * as `%%` or around a variable, `%NAME%` or `%NAME(args)%` with args plain or a JSON string array.
 */
export function headerValueProblem(value: string): string | undefined {
  if (CONTROL_CHARACTERS.test(value)) {
    return `header value ${JSON.stringify(value)} contains control characters`;
  }
  const invalid = (why: string): string => `header value ${JSON.stringify(value)} is invalid: ${why} (write a literal "%" as "%%")`;
  let state = Parse.LITERAL;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    switch (state) {
      case Parse.LITERAL:
        if (ch === '%') {
          if (i + 1 === value.length) {
            return invalid('a "%" ends the value');
          }
          if (value[i + 1] === '%') {
            i++;
          } else {
            state = Parse.NAME;
          }
        }
        break;
      case Parse.NAME:
        state = ch === '%' ? Parse.LITERAL : ch === '(' ? Parse.ARGUMENTS : Parse.NAME;
        break;
      case Parse.ARGUMENTS:
        state = ch === '[' ? Parse.STRING_START : ch === ' ' ? Parse.ARGUMENTS : Parse.STRING;
        break;
      case Parse.STRING_START:
        if (ch === '"') {
          state = Parse.STRING;
        } else if (ch !== ' ') {
          return invalid('expected \'"\' to start an argument');
        }
        break;
      case Parse.STRING:
        if (ch === '\\') {
          if (i + 1 === value.length) {
            return invalid('a backslash ends the value');
          }
          i++;
        } else if (ch === ')') {
          state = Parse.VARIABLE_END;
        } else if (ch === '"') {
          state = Parse.AFTER_STRING;
        }
        break;
      case Parse.AFTER_STRING:
        if (ch === ',') {
          state = Parse.STRING_START;
        } else if (ch === ']') {
          state = Parse.ARGUMENTS_END;
        } else if (ch !== ' ') {
          return invalid('expected "," or "]" after an argument');
        }
        break;
      case Parse.ARGUMENTS_END:
        if (ch === ')') {
          state = Parse.VARIABLE_END;
        } else if (ch !== ' ') {
          return invalid('expected ")" after the arguments');
        }
        break;
      case Parse.VARIABLE_END:
        if (ch === '%') {
          state = Parse.LITERAL;
        } else if (ch !== ' ') {
          return invalid('expected "%" to end the variable');
        }
        break;
    }
  }
  return state === Parse.LITERAL ? undefined : invalid('a variable is not terminated');
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

/** Why a request's set or add cannot write the header `name`, or undefined: the authority may be written. */
export function requestWriteProblem(name: string): string | undefined {
  if (name === '') {
    return 'header name cannot be empty';
  }
  return isInternal(name) && !isAuthority(name) ? `invalid header "${name}": header names cannot start with ":"` : undefined;
}

/** Why a response's set or add, or a remove, cannot name the header `name`, or undefined. */
export function headerOperationProblem(name: string): string | undefined {
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
