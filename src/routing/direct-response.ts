import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpDirectResponse } from '../../imports/networking.istio.io';
import { rejectIf } from '../private/errors';
import { requireFeature } from '../private/release-target';
import { httpStatusProblem } from '../rules/webhook/http-policies';
import { directResponseBodyProblem } from '../rules/webhook/http-route';
import { DIRECT_RESPONSE } from '../rules/webhook/release-history';

/** A fixed response a route answers with instead of forwarding the request. */
export interface DirectResponse {
  /** The HTTP status, from 200 to 600. */
  readonly status: number;

  /**
   * The response body, at most 1 MiB.
   * @default - an empty body
   */
  readonly body?: string;
}

/** The L1 form of `response`. */
export function renderDirectResponse(scope: IConstruct, field: string, response: DirectResponse): VirtualServiceSpecHttpDirectResponse {
  requireFeature(scope, field, response, DIRECT_RESPONSE);
  rejectIf(scope, `${field}.status`, response.status, httpStatusProblem(response.status) ?? (Number.isInteger(response.status) ? undefined : 'expected a whole number'));
  const bytes = response.body === undefined ? 0 : Buffer.byteLength(response.body, 'utf8');
  rejectIf(scope, `${field}.body`, `${bytes} bytes`, directResponseBodyProblem(bytes));
  return { status: response.status, body: response.body === undefined ? undefined : { string: response.body } };
}
