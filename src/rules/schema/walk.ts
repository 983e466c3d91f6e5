/** A field's place in an object: keys and list positions from the root. */
export type FieldPath = ReadonlyArray<string | number>;

/** A value that breaks its schema: where, and what was expected instead. */
export interface SchemaViolation {
  readonly path: string;
  readonly message: string;
  /** True when the violation is a required field that is missing, not a value that is wrong. */
  readonly missing: boolean;
}

/** A field its schema does not declare: the API server prunes it. */
export interface UnknownField {
  readonly path: FieldPath;
  /** The fields the enclosing object declares, for the message. */
  readonly declared: readonly string[];
}

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

/** `spec.servers[0].port`, with keys that are not identifiers quoted: `metadata.labels["app.kubernetes.io/name"]`. */
export function formatPath(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
    } else if (PLAIN_KEY.test(segment)) {
      text += text === '' ? segment : `.${segment}`;
    } else {
      text += `[${JSON.stringify(segment)}]`;
    }
  }
  return text;
}

/**
 * The state of checking one object: the path of the value being checked, kept as a stack so that
 * walking allocates nothing, and what was found, allocated only when something is.
 */
export class SchemaWalk {
  public readonly path: Array<string | number> = [];
  public violations: SchemaViolation[] | undefined;
  public unknownFields: UnknownField[] | undefined;

  /** Records that the value at the current path breaks its schema. */
  public violation(message: string): void {
    (this.violations ??= []).push({ path: formatPath(this.path), message, missing: false });
  }

  /** Records that the required field at the current path is missing. */
  public missingField(): void {
    (this.violations ??= []).push({ path: formatPath(this.path), message: 'required field is missing', missing: true });
  }

  /** Records that the object at the current path holds `key`, which its schema does not declare. */
  public unknownField(key: string, declared: readonly string[]): void {
    (this.unknownFields ??= []).push({ path: [...this.path, key], declared });
  }
}
