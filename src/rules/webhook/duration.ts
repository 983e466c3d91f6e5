/** Nanoseconds per unit of Go's duration syntax, which Istio's fields accept (`1h30m`, `1.5s`, `250ms`). */
const UNIT_NANOS: { [unit: string]: number } = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};
const WHOLE = /^[-+]?(?:[0-9]*\.?[0-9]*(?:ns|us|µs|μs|ms|s|m|h))+$/;
const PART = /([0-9]*\.?[0-9]*)(ns|us|µs|μs|ms|s|m|h)/g;
const NANOS_PER_MILLI = 1e6;

/** A duration in nanoseconds, or undefined when `text` is not a duration. */
export function parseDuration(text: string): number | undefined {
  if (text === '0') {
    return 0;
  }
  if (!WHOLE.test(text)) {
    return undefined;
  }
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) {
    if (amount === '' || amount === '.') {
      return undefined;
    }
    total += Number(amount) * UNIT_NANOS[unit];
  }
  return text.startsWith('-') ? -total : total;
}

/**
 * Why `value` is not a duration Istio accepts where it requires one of at least 1ms with
 * millisecond precision, or undefined.
 */
export function durationProblem(value: unknown): string | undefined {
  const nanos = typeof value === 'string' ? parseDuration(value) : undefined;
  if (nanos === undefined) {
    return `${JSON.stringify(value)} is not a duration: expected a number with a unit such as "500ms", "10s" or "1h"`;
  }
  if (nanos < NANOS_PER_MILLI) {
    return `duration ${JSON.stringify(value)} must be at least 1ms`;
  }
  // Decimal fractions are not exact in binary: round to whole nanoseconds, the precision of a duration.
  if (Math.round(nanos) % NANOS_PER_MILLI !== 0) {
    return `duration ${JSON.stringify(value)} is too precise: only whole milliseconds are supported`;
  }
  return undefined;
}

/** True when a valid duration is a whole number of seconds. */
export function isWholeSeconds(value: string): boolean {
  const nanos = parseDuration(value) ?? 0;
  return nanos % 1e9 === 0;
}
