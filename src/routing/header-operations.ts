import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpHeadersRequest } from '../../imports/networking.istio.io';
import { invalidInput } from '../errors';

/** Changes to the headers of a request or a response. */
export interface HeaderOperations {
  /**
   * Headers to set, replacing any value they had. On a request, `host` (or `:authority`) may be
   * set, like `rewrite.authority`.
   * @default - none
   */
  readonly set?: { [name: string]: string };

  /**
   * Headers to add, beside any value they had.
   * @default - none
   */
  readonly add?: { [name: string]: string };

  /**
   * Headers to remove. `host` and pseudo-headers (`:path`, ...) cannot be removed.
   * @default - none
   */
  readonly remove?: string[];
}

/** Whose headers the operations change: only a request's authority can be rewritten. */
export enum HeaderTarget {
  /** The request, before it is forwarded. */
  REQUEST = 'request',
  /** The response, before it is returned. */
  RESPONSE = 'response',
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

/** True when `name` is an HTTP header name (an RFC 9110 token); pseudo-headers are not. */
export function isHeaderName(name: string): boolean {
  return HEADER_NAME.test(name);
}

/** True for the names Envoy reads as the request's authority. */
export function isAuthorityHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'host' || lower === ':authority';
}

/** The L1 form of `operations`. */
export function bindHeaderOperations(scope: IConstruct, field: string, operations: HeaderOperations, target: HeaderTarget): VirtualServiceSpecHttpHeadersRequest {
  const writes = [...Object.keys(operations.set ?? {}), ...Object.keys(operations.add ?? {})];
  for (const name of writes) {
    if (!(target === HeaderTarget.REQUEST && isAuthorityHeader(name))) {
      validateName(scope, field, name);
    }
  }
  for (const name of operations.remove ?? []) {
    validateName(scope, `${field}.remove`, name);
  }
  return {
    set: operations.set === undefined ? undefined : { ...operations.set },
    add: operations.add === undefined ? undefined : { ...operations.add },
    remove: operations.remove === undefined ? undefined : [...operations.remove],
  };
}

function validateName(scope: IConstruct, field: string, name: string): void {
  if (name.toLowerCase() === 'host') {
    throw invalidInput(scope, field, name, 'envoy manages the host header here: only a request\'s set or add may change it');
  }
  if (!isHeaderName(name)) {
    throw invalidInput(scope, field, name, 'expected an HTTP header name: letters, digits and !#$%&\'*+-.^_`|~, no pseudo-headers');
  }
}
