/** The policies of an HTTP route beyond where it goes: CORS, fault injection and retries. */
import { durationProblem, isWholeSeconds } from './duration';
import { headerNameProblem } from './headers';
import { Report } from './report';
import { checkStringMatch } from './string-match';
import { isSet, listAt, numberAt, objectAt, stringAt } from './values';

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE']);
const RETRY_ON = new Set([
  '5xx', 'gateway-error', 'reset', 'reset-before-request', 'connect-failure', 'retriable-4xx', 'refused-stream',
  'retriable-status-codes', 'retriable-headers', 'envoy-ratelimited', 'http3-post-connect-failure',
  'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable',
]);
const GRPC_STATUSES = new Set([
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
  'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED',
  'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
]);
/**
 * The status codes Go's `http.StatusText` names. Istio takes a number in retryOn only when
 * `http.StatusText` names it: 503 and 429, not 306 or 599.
 */
const NAMED_HTTP_STATUSES = new Set([
  100, 101, 102, 103,
  200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
  300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418,
  421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
  500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);
/** A number as Go's `strconv.Atoi` reads it, which Istio reads retryOn policies with: a sign, then digits. */
const ATOI_NUMBER = /^[+-]?[0-9]+$/;

/** Reports a CORS policy Istio rejects: empty origins, unknown methods, bad header names, maxAge. */
export function checkCors(report: Report, path: string, cors: { [key: string]: any } | undefined): void {
  if (!cors) {
    return;
  }
  listAt(cors.allowOrigins).forEach((value, i) => {
    const empty = emptyOriginProblem(value);
    if (empty !== undefined) {
      report.error(`${path}.allowOrigins[${i}]`, empty);
    } else {
      checkStringMatch(report, `${path}.allowOrigins[${i}]`, value);
    }
  });
  listAt(cors.allowMethods).forEach((method, i) => {
    if (!HTTP_METHODS.has(stringAt(method))) {
      report.error(`${path}.allowMethods[${i}]`, `"${method}" is not a supported HTTP method: use one of ${[...HTTP_METHODS].join(', ')}`);
    }
  });
  for (const field of ['allowHeaders', 'exposeHeaders'] as const) {
    listAt(cors[field]).forEach((name, i) => {
      if (name !== '*') {
        report.errorIf(`${path}.${field}[${i}]`, headerNameProblem(stringAt(name)));
      }
    });
  }
  if (isSet(cors.maxAge)) {
    const problem = durationProblem(cors.maxAge);
    report.errorIf(`${path}.maxAge`, problem);
    if (!problem && !isWholeSeconds(cors.maxAge)) {
      report.error(`${path}.maxAge`, 'maxAge is only accurate to seconds: use whole seconds');
    }
  }
}

/** Why the string match `value` matches no origin a CORS policy could allow: it is empty. */
export function emptyOriginProblem(value: unknown): string | undefined {
  const origin = objectAt(value) ?? {};
  const text = stringAt(origin.exact) || stringAt(origin.prefix) || stringAt(origin.regex);
  return text === '' ? 'an allowed origin needs a non-empty exact, prefix or regex match' : undefined;
}

/** Why a fraction percentage (`{ value }`) is neither 0 nor from 0.0001 to 100, or undefined. */
export function percentageProblem(percentage: unknown): string | undefined {
  const value = objectAt(percentage)?.value;
  return value === undefined || value === null ? undefined : faultPercentageProblem(value);
}

/** Why `value` cannot be the percentage of a fault (neither 0 nor from 0.0001 to 100), or undefined. */
export function faultPercentageProblem(value: unknown): string | undefined {
  const n = numberAt(value);
  if (typeof value !== 'number' || n < 0 || n > 100 || (n > 0 && n < 0.0001)) {
    return `percentage ${JSON.stringify(value)} must be 0 or from 0.0001 to 100`;
  }
  return undefined;
}

/** Why the deprecated integer `percent` is outside 0..100, or undefined. */
function percentProblem(percent: unknown): string | undefined {
  const n = numberAt(percent);
  return n < 0 || n > 100 ? `percent ${n} is not in the range 0..100` : undefined;
}

/** Reports fault injection Istio rejects: no abort or delay, percentages, statuses, delays. */
export function checkFault(report: Report, path: string, fault: { [key: string]: any } | undefined): void {
  if (!fault) {
    return;
  }
  const abort = objectAt(fault.abort);
  const delay = objectAt(fault.delay);
  if (!abort && !delay) {
    report.error(path, 'fault injection needs an abort, a delay or both');
  }
  if (abort) {
    report.errorIf(`${path}.abort.percentage`, percentageProblem(abort.percentage));
    if (isSet(abort.grpcStatus)) {
      const status = stringAt(abort.grpcStatus);
      if (!GRPC_STATUSES.has(status)) {
        report.error(`${path}.abort.grpcStatus`, `gRPC status "${status}" is not supported: use a code name such as "NOT_FOUND" or "UNAVAILABLE"`);
      }
    } else if (isSet(abort.http2Error)) {
      report.error(`${path}.abort.http2Error`, 'HTTP/2 abort fault injection is not supported yet');
    } else if (isSet(abort.httpStatus)) {
      report.errorIf(`${path}.abort.httpStatus`, httpStatusProblem(abort.httpStatus));
    } else {
      report.warn(`${path}.abort`, 'abort has no error type: set httpStatus or grpcStatus');
    }
  }
  if (delay) {
    report.errorIf(`${path}.delay.percentage`, percentageProblem(delay.percentage));
    report.errorIf(`${path}.delay.percent`, percentProblem(delay.percent));
    if (isSet(delay.fixedDelay)) {
      report.errorIf(`${path}.delay.fixedDelay`, durationProblem(delay.fixedDelay));
    } else if (isSet(delay.exponentialDelay)) {
      report.errorIf(`${path}.delay.exponentialDelay`, durationProblem(delay.exponentialDelay));
      report.error(`${path}.delay.exponentialDelay`, 'exponentialDelay is not supported yet: use fixedDelay');
    }
  }
}

/** Why an HTTP status is outside what Istio accepts for aborts and direct responses, or undefined. */
export function httpStatusProblem(status: unknown): string | undefined {
  const n = numberAt(status);
  return n < 200 || n > 600 ? `HTTP status ${n} is not in the range 200-600` : undefined;
}

/** Reports a retry policy Istio rejects: negative attempts, settings with 0 attempts, durations, retryOn. */
export function checkRetries(report: Report, path: string, retries: { [key: string]: any } | undefined): void {
  if (!retries) {
    return;
  }
  const attempts = numberAt(retries.attempts);
  if (attempts < 0) {
    report.error(`${path}.attempts`, 'attempts cannot be negative');
  }
  if (attempts === 0 && (isSet(retries.perTryTimeout) || stringAt(retries.retryOn) !== '' || isSet(retries.retryRemoteLocalities))) {
    report.error(path, 'a retry policy is configured but attempts is 0, which disables retries: set attempts');
  }
  for (const field of ['perTryTimeout', 'backoff'] as const) {
    if (isSet(retries[field])) {
      report.errorIf(`${path}.${field}`, durationProblem(retries[field]));
    }
  }
  const retryOn = stringAt(retries.retryOn);
  if (retryOn !== '') {
    for (const policy of retryOn.split(',')) {
      if (!RETRY_ON.has(policy) && !isNamedHttpStatus(policy)) {
        report.error(`${path}.retryOn`, `"${policy}" is not a valid retryOn policy`);
      }
    }
  }
}

function isNamedHttpStatus(policy: string): boolean {
  return ATOI_NUMBER.test(policy) && NAMED_HTTP_STATUSES.has(Number(policy));
}
