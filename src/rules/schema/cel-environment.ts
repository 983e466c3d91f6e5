import type { CelEnv } from '@bufbuild/cel';
import { isIpAddress } from '../webhook/net';

/** What evaluating a CEL rule gave: true, false, or why it could not be evaluated. */
export type CelOutcome = boolean | string;

/** A planned CEL rule: evaluates against the value bound to `self`. */
export type CelProgram = (self: unknown) => CelOutcome;

/**
 * Kubernetes' `isIP`: an IPv4 or IPv6 address without a zone, and not an IPv4-mapped IPv6 one,
 * as the API server's CEL library reads it.
 */
function isKubernetesIp(value: string): boolean {
  return !value.includes('%') && !(value.includes(':') && value.includes('.')) && isIpAddress(value);
}

type CelModule = typeof import('@bufbuild/cel');

let engine: { readonly cel: CelModule; readonly environment: CelEnv } | undefined;

/**
 * The CEL engine and the API server's environment, loaded when the first rule is planned: apps
 * and inputs without Gateway API objects never pay for loading it. The environment offers the
 * functions the API server adds that the CRDs' rules call: the strings extension (`split`,
 * `lowerAscii`, ...) and Kubernetes' `isIP`. A rule calling any other fails to plan, which the
 * CRD schema test would show.
 */
function celEngine(): { readonly cel: CelModule; readonly environment: CelEnv } {
  if (engine === undefined) {
    const cel: CelModule = require('@bufbuild/cel');
    const { strings }: typeof import('@bufbuild/cel/ext') = require('@bufbuild/cel/ext');
    const environment = cel.celEnv({ funcs: [...strings, cel.celFunc('isIP', [cel.CelScalar.STRING], cel.CelScalar.BOOL, isKubernetesIp)] });
    engine = { cel, environment };
  }
  return engine;
}

const programs = new Map<string, CelProgram>();

/** The program of `rule`, planned once whichever schema holds it. */
export function celProgram(rule: string): CelProgram {
  let program = programs.get(rule);
  if (program === undefined) {
    const { cel, environment } = celEngine();
    const evaluate = cel.plan(environment, cel.parse(rule));
    program = (self) => {
      const result = evaluate({ self: self as any });
      if (cel.isCelError(result)) {
        return result.message;
      }
      return typeof result === 'boolean' ? result : `the rule gave ${String(result)}, not a boolean`;
    };
    programs.set(rule, program);
  }
  return program;
}
