import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpHeadersRequest } from '../../imports/networking.istio.io';
import { rejectIf } from '../private/errors';
import { headerOperationProblem, headerValueProblem, requestWriteProblem } from '../rules/webhook/headers';

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

/** The L1 form of `operations`. */
export function renderHeaderOperations(scope: IConstruct, field: string, operations: HeaderOperations, target: HeaderTarget): VirtualServiceSpecHttpHeadersRequest {
  const writeProblem = target === HeaderTarget.REQUEST ? requestWriteProblem : headerOperationProblem;
  for (const verb of ['set', 'add'] as const) {
    for (const [name, value] of Object.entries(operations[verb] ?? {})) {
      rejectIf(scope, `${field}.${verb}`, name, writeProblem(name));
      rejectIf(scope, `${field}.${verb}["${name}"]`, value, headerValueProblem(value));
    }
  }
  (operations.remove ?? []).forEach((name, i) => rejectIf(scope, `${field}.remove[${i}]`, name, headerOperationProblem(name)));
  return {
    set: operations.set === undefined ? undefined : { ...operations.set },
    add: operations.add === undefined ? undefined : { ...operations.add },
    remove: operations.remove === undefined ? undefined : [...operations.remove],
  };
}
