import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpRetries } from '../../imports/networking.istio.io';
import { invalidInput } from '../private/errors';
import { rejectRuleErrors } from '../private/release-target';
import { KubeObject } from '../rules/finding';
import { checkRetries } from '../rules/webhook/http-policies';
import { Report } from '../rules/webhook/report';
import { istioDuration } from './duration';

/** A condition under which Envoy retries a request. */
export enum RetryOn {
  /** Any 5xx response, or no response. */
  SERVER_ERROR = '5xx',
  /** 502, 503 or 504. */
  GATEWAY_ERROR = 'gateway-error',
  /** The upstream reset the connection or stream before responding. */
  RESET = 'reset',
  /** The connection to the upstream failed. */
  CONNECT_FAILURE = 'connect-failure',
  /** The upstream refused the stream (HTTP/2 REFUSED_STREAM). */
  REFUSED_STREAM = 'refused-stream',
  /** A 409 response. */
  RETRIABLE_4XX = 'retriable-4xx',
  /** A gRPC response with status UNAVAILABLE. */
  GRPC_UNAVAILABLE = 'unavailable',
  /** A gRPC response with status CANCELLED. */
  GRPC_CANCELLED = 'cancelled',
  /** A gRPC response with status DEADLINE_EXCEEDED. */
  GRPC_DEADLINE_EXCEEDED = 'deadline-exceeded',
  /** A gRPC response with status RESOURCE_EXHAUSTED. */
  GRPC_RESOURCE_EXHAUSTED = 'resource-exhausted',
  /** A gRPC response with status INTERNAL. */
  GRPC_INTERNAL = 'internal',
}

/** How a route retries failed requests. */
export interface RetryPolicy {
  /** How many times a request is retried after the first try; 0 disables retries (then give nothing else). */
  readonly attempts: number;

  /**
   * The timeout of each try, including the first.
   * @default - the route's timeout
   */
  readonly perTryTimeout?: Duration;

  /**
   * The conditions that trigger a retry.
   * @default - Istio's default: connect-failure, refused-stream, unavailable, cancelled, retriable-status-codes
   */
  readonly retryOn?: RetryOn[];
}

/** The L1 form of `retries`. */
export function renderRetryPolicy(scope: IConstruct, field: string, retries: RetryPolicy): VirtualServiceSpecHttpRetries {
  if (!Number.isInteger(retries.attempts)) {
    throw invalidInput(scope, `${field}.attempts`, retries.attempts, 'expected a whole number');
  }
  const bound: VirtualServiceSpecHttpRetries = {
    attempts: retries.attempts,
    perTryTimeout: retries.perTryTimeout === undefined ? undefined : istioDuration(scope, `${field}.perTryTimeout`, retries.perTryTimeout),
    retryOn: retries.retryOn === undefined ? undefined : [...new Set(retries.retryOn)].join(','),
  };
  // the retry rule reads the policy at `retries` of a route; its paths name this prop's fields
  rejectRuleErrors(scope, { apiVersion: '', kind: 'HTTPRetry', retries: bound }, checkRetryPolicy, (path) => path.replace(/^retries/, field));
  return bound;
}

function checkRetryPolicy(obj: KubeObject, report: Report): void {
  checkRetries(report, 'retries', obj.retries);
}
