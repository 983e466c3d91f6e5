import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpDirectResponse } from '../../imports/networking.istio.io';
import { invalidInput } from '../errors';

/** A fixed response a route answers with instead of forwarding the request. */
export interface DirectResponse {
  /** The HTTP status, from 200 to 599. */
  readonly status: number;

  /**
   * The response body.
   * @default - an empty body
   */
  readonly body?: string;
}

/** The L1 form of `response`. */
export function bindDirectResponse(scope: IConstruct, field: string, response: DirectResponse): VirtualServiceSpecHttpDirectResponse {
  if (!Number.isInteger(response.status) || response.status < 200 || response.status > 599) {
    throw invalidInput(scope, `${field}.status`, response.status, 'expected an HTTP status from 200 to 599');
  }
  return { status: response.status, body: response.body === undefined ? undefined : { string: response.body } };
}
