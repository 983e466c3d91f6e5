import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpFault } from '../../imports/networking.istio.io';
import { invalidInput, rejectIf } from '../private/errors';
import { faultPercentageProblem, httpStatusProblem } from '../rules/webhook/http-policies';
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
  /** The HTTP status returned, from 200 to 600. */
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
export function renderFaultInjection(scope: IConstruct, field: string, fault: FaultInjection): VirtualServiceSpecHttpFault {
  if (fault.delay === undefined && fault.abort === undefined) {
    throw invalidInput(scope, field, fault, 'expected a delay, an abort or both');
  }
  const abort = fault.abort;
  if (abort !== undefined) {
    rejectIf(scope, `${field}.abort.httpStatus`, abort.httpStatus, httpStatusProblem(abort.httpStatus) ?? wholeNumberProblem(abort.httpStatus));
  }
  return {
    delay: fault.delay === undefined ? undefined : {
      fixedDelay: istioDuration(scope, `${field}.delay.delay`, fault.delay.delay),
      percentage: { value: faultPercentage(scope, `${field}.delay.percent`, fault.delay.percent) },
    },
    abort: abort === undefined ? undefined : {
      httpStatus: abort.httpStatus,
      percentage: { value: faultPercentage(scope, `${field}.abort.percent`, abort.percent) },
    },
  };
}

/** `percent`, by default 100, unless the fault rule refuses it. */
function faultPercentage(scope: IConstruct, field: string, percent: number | undefined): number {
  const value = percent ?? 100;
  rejectIf(scope, field, value, faultPercentageProblem(value));
  return value;
}

function wholeNumberProblem(value: number): string | undefined {
  return Number.isInteger(value) ? undefined : 'expected a whole number';
}
