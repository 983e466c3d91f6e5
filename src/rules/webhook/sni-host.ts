/**
 * The SNI names Istio generates for AUTO_PASSTHROUGH gateways, `outbound_.<port>_._.<host>`
 * (`outbound_.80_._.shop.example.com`): gateway-bound virtual services may route them, though
 * they are no DNS names.
 */

const PREFIX = 'outbound_';
const FORMAT = 'outbound_.<port>_._.<host>';
const MAX_LENGTH = 255;
const DIGIT = /[0-9]/;
const LETTER = /[a-zA-Z]/;

/** True when `name` claims to be a generated SNI name, so that `autoPassthroughSniProblem` judges it. */
export function isAutoPassthroughSni(name: string): boolean {
  return name.startsWith(PREFIX);
}

/** Why `name`, which starts with `outbound_`, is not a generated SNI name as Istio reads it, or undefined. */
export function autoPassthroughSniProblem(name: string): string | undefined {
  if (name.length > MAX_LENGTH) {
    return `SNI host "${name}" is too long (at most ${MAX_LENGTH} characters)`;
  }
  // Istio reads the parts between underscores: the port is the second, the host the fourth
  const parts = name.split('_');
  if (parts.length < 4) {
    return `SNI host "${name}" is invalid: expected ${FORMAT}`;
  }
  const port = trimDots(parts[1]);
  if (!DIGIT.test(port)) {
    return `SNI host "${name}" is invalid: "${port}" is no port number (expected ${FORMAT})`;
  }
  const host = trimDots(parts[3]);
  if (!LETTER.test(host)) {
    return `SNI host "${name}" is invalid: "${host}" is no host name (expected ${FORMAT})`;
  }
  return undefined;
}

function trimDots(part: string): string {
  let start = 0;
  let end = part.length;
  while (start < end && part[start] === '.') {
    start++;
  }
  while (end > start && part[end - 1] === '.') {
    end--;
  }
  return part.slice(start, end);
}
