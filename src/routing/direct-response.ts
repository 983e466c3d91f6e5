import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpDirectResponse } from '../../imports/networking.istio.io';
import { invalidInput } from '../errors';
import { requireFeature } from '../release-target';
import { DIRECT_RESPONSE } from '../rules/webhook/release-history';

/** Istio rejects larger bodies, which every proxy would hold in its configuration. */
const MAX_BODY_BYTES = 1024 * 1024;

/** A fixed response a route answers with instead of forwarding the request. */
export interface DirectResponse {
  /** The HTTP status, from 200 to 599. */
  readonly status: number;

  /**
   * The response body, at most 1 MiB.
   * @default - an empty body
   */
  readonly body?: string;
}

/** The L1 form of `response`. */
export function bindDirectResponse(scope: IConstruct, field: string, response: DirectResponse): VirtualServiceSpecHttpDirectResponse {
  requireFeature(scope, field, response, DIRECT_RESPONSE);
  if (!Number.isInteger(response.status) || response.status < 200 || response.status > 599) {
    throw invalidInput(scope, `${field}.status`, response.status, 'expected an HTTP status from 200 to 599');
  }
  if (response.body !== undefined && Buffer.byteLength(response.body, 'utf8') > MAX_BODY_BYTES) {
    throw invalidInput(scope, `${field}.body`, `${Buffer.byteLength(response.body, 'utf8')} bytes`, 'istio accepts direct response bodies of at most 1 MiB: serve larger content from a service');
  }
  return { status: response.status, body: response.body === undefined ? undefined : { string: response.body } };
}
