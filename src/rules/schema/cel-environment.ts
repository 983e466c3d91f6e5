import { celEnv, celFunc, CelScalar, isCelError, parse, plan } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
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

/**
 * The functions the API server's CEL environment offers beyond the standard ones that the CRDs'
 * rules call: the strings extension (`split`, `lowerAscii`, ...) and Kubernetes' `isIP`. A rule
 * calling any other fails to plan, which the CRD schema test would show.
 */
const ENVIRONMENT = celEnv({
  funcs: [...strings, celFunc('isIP', [CelScalar.STRING], CelScalar.BOOL, isKubernetesIp)],
});

const programs = new Map<string, CelProgram>();

/** The program of `rule`, planned once whichever schema holds it. */
export function celProgram(rule: string): CelProgram {
  let program = programs.get(rule);
  if (program === undefined) {
    const evaluate = plan(ENVIRONMENT, parse(rule));
    program = (self) => {
      const result = evaluate({ self: self as any });
      if (isCelError(result)) {
        return result.message;
      }
      return typeof result === 'boolean' ? result : `the rule gave ${String(result)}, not a boolean`;
    };
    programs.set(rule, program);
  }
  return program;
}
