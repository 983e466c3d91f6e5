import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpHeadersRequest } from '../../imports/networking.istio.io';
import { invalidInput } from '../errors';

/** Changes to the headers of a request or a response. */
export interface HeaderOperations {
  /**
   * Headers to set, replacing any value they had.
   * @default - none
   */
  readonly set?: { [name: string]: string };

  /**
   * Headers to add, beside any value they had.
   * @default - none
   */
  readonly add?: { [name: string]: string };

  /**
   * Headers to remove.
   * @default - none
   */
  readonly remove?: string[];
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

/** The L1 form of `operations`. */
export function bindHeaderOperations(scope: IConstruct, field: string, operations: HeaderOperations): VirtualServiceSpecHttpHeadersRequest {
  const names = [...Object.keys(operations.set ?? {}), ...Object.keys(operations.add ?? {}), ...(operations.remove ?? [])];
  for (const name of names) {
    if (!HEADER_NAME.test(name)) {
      throw invalidInput(scope, field, name, 'expected an HTTP header name: letters, digits and !#$%&\'*+-.^_`|~');
    }
  }
  return {
    set: operations.set === undefined ? undefined : { ...operations.set },
    add: operations.add === undefined ? undefined : { ...operations.add },
    remove: operations.remove === undefined ? undefined : [...operations.remove],
  };
}
