/**
 * Plain YAML scalars as the Kubernetes API machinery reads them: sigs.k8s.io/yaml decodes with
 * go-yaml v2, whose resolver follows YAML 1.1 for booleans and nulls and Go's `strconv` for
 * numbers, and then converts the result to JSON. See docs/yaml.md for the rules and their sources.
 */

/** What a plain scalar resolves to: a JSON value, or the merge key `<<`. */
export type Resolved = { readonly value: string | number | boolean | null } | { readonly merge: true };

const WORDS: ReadonlyMap<string, string | number | boolean | null> = new Map<string, string | number | boolean | null>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((w) => [w, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((w) => [w, false] as const),
  ...['', '~', 'null', 'Null', 'NULL'].map((w) => [w, null] as const),
  ...['.nan', '.NaN', '.NAN'].map((w) => [w, NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((w) => [w, Infinity] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((w) => [w, -Infinity] as const),
]);

/** go-yaml's own test of what may be a float before it hands the text to `strconv.ParseFloat`. */
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What `strconv.ParseFloat` accepts of a scalar that starts with a dot. */
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
/** The integer syntax of `strconv.ParseInt(s, 0, 64)`: a sign, then hex, binary, octal (`0o` or a leading 0) or decimal. */
const GO_INTEGER = /^([-+]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * What go-yaml v2 makes of the plain (unquoted, untagged) scalar `text`: a boolean for the YAML 1.1
 * words (`yes`, `on`, `off`, ...), null for `~`, `null` and nothing, an integer where Go's
 * `strconv` reads one (`0777` is octal, `1_000` is 1000), else a float where go-yaml sees one,
 * else the text itself (a timestamp such as `2001-12-14` stays a string, as it does for
 * sigs.k8s.io/yaml).
 */
export function resolvePlainScalar(text: string): Resolved {
  if (text === '<<') {
    return { merge: true };
  }
  const word = WORDS.get(text);
  if (word !== undefined) {
    return { value: word };
  }
  const first = text.charAt(0);
  if (first === '.') {
    return { value: DOT_FLOAT.test(text) ? Number(text) : text };
  }
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    const number = goNumber(text.replace(/_/g, ''));
    return { value: number ?? text };
  }
  return { value: text };
}

function goNumber(plain: string): number | undefined {
  const integer = goInteger(plain);
  if (integer !== undefined) {
    return integer;
  }
  return YAML_FLOAT.test(plain) ? Number(plain) : undefined;
}

/** The integer `strconv.ParseInt` (or, without a sign, `ParseUint`) reads from `plain`, within 64 bits. */
function goInteger(plain: string): number | undefined {
  const match = GO_INTEGER.exec(plain);
  if (!match) {
    return undefined;
  }
  const [, sign, digits] = match;
  const magnitude = BigInt(/^0[0-7]/.test(digits) ? `0o${digits.replace(/^0[oO]?/, '')}` : digits.replace(/^0[oO]/, '0o'));
  const value = sign === '-' ? -magnitude : magnitude;
  const fits = value >= INT64_MIN && (value <= INT64_MAX || (sign === '' && value <= UINT64_MAX));
  return fits ? Number(value) : undefined;
}
