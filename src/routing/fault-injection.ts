import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpFault } from '../../imports/networking.istio.io';
import { invalidInput } from '../errors';
import { percentageProblem } from '../rules/webhook/http-policies';
import { istioDuration } from './duration';

/** Delays injected before forwarding requests, to test how clients cope with latency. */
export interface FaultDelay {
  /** How long each affected request is held. */
  readonly delay: Duration;

  /**
   * The share of requests delayed, in percent (fractions allowed).
   * @default 100
   */
  readonly percent?: number;
}

/** Errors injected instead of forwarding requests, to test how clients cope with failures. */
export interface FaultAbort {
  /** The HTTP status returned, from 200 to 599. */
  readonly httpStatus: number;

  /**
   * The share of requests aborted, in percent (fractions allowed).
   * @default 100
   */
  readonly percent?: number;
}

/** Faults a route injects. Give `delay`, `abort` or both. */
export interface FaultInjection {
  /**
   * Delays to inject.
   * @default - none
   */
  readonly delay?: FaultDelay;

  /**
   * Errors to inject.
   * @default - none
   */
  readonly abort?: FaultAbort;
}

/** The L1 form of `fault`. */
export function bindFaultInjection(scope: IConstruct, field: string, fault: FaultInjection): VirtualServiceSpecHttpFault {
  if (fault.delay === undefined && fault.abort === undefined) {
    throw invalidInput(scope, field, fault, 'expected a delay, an abort or both');
  }
  const abort = fault.abort;
  if (abort !== undefined && (!Number.isInteger(abort.httpStatus) || abort.httpStatus < 200 || abort.httpStatus > 599)) {
    throw invalidInput(scope, `${field}.abort.httpStatus`, abort.httpStatus, 'expected an HTTP status from 200 to 599');
  }
  return {
    delay: fault.delay === undefined ? undefined : {
      fixedDelay: istioDuration(scope, `${field}.delay.delay`, fault.delay.delay),
      percentage: { value: validatePercent(scope, `${field}.delay.percent`, fault.delay.percent) },
    },
    abort: abort === undefined ? undefined : {
      httpStatus: abort.httpStatus,
      percentage: { value: validatePercent(scope, `${field}.abort.percent`, abort.percent) },
    },
  };
}

/** Throws unless Istio accepts `percent` as a share: 0, or from 0.0001 to 100. Defaults it to 100. */
export function validatePercent(scope: IConstruct, field: string, percent: number | undefined): number {
  const value = percent ?? 100;
  if (!Number.isFinite(value) || percentageProblem({ value }) !== undefined) {
    throw invalidInput(scope, field, value, 'expected a percentage from 0 to 100: 0, or at least 0.0001');
  }
  return value;
}
