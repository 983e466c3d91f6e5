import { Finding, FindingLevel, KubeObject } from '../finding';
import { IstioRelease } from '../istio-release';

/** istioctl's code for what the admission webhook or the CRD rules reject. */
const SCHEMA_VALIDATION_ERROR = 'IST0106';
/** istioctl's code for what the admission webhook admits with a warning. */
const SCHEMA_WARNING = 'IST0133';

/**
 * Collects the findings of one object, each prefixed with the path of the field it is about,
 * and tells the rules which Istio release they judge for.
 */
export class Report {
  private readonly found: Finding[] = [];

  constructor(private readonly obj: KubeObject, public readonly release: IstioRelease) {}

  /** The object would be rejected. */
  public error(path: string, message: string): void {
    this.add(SCHEMA_VALIDATION_ERROR, FindingLevel.ERROR, path, message);
  }

  /** The object would be admitted with a warning. */
  public warn(path: string, message: string): void {
    this.add(SCHEMA_WARNING, FindingLevel.WARNING, path, message);
  }

  /** Reports `problem` as an error when there is one. */
  public errorIf(path: string, problem: string | undefined): void {
    if (problem !== undefined) {
      this.error(path, problem);
    }
  }

  public get findings(): Finding[] {
    return this.found;
  }

  private add(code: string, level: FindingLevel, path: string, message: string): void {
    const namespace = this.obj.metadata?.namespace;
    this.found.push({
      code,
      level,
      kind: this.obj.kind,
      name: this.obj.metadata?.name ?? '',
      ...(namespace === undefined ? {} : { namespace }),
      message: path ? `${path}: ${message}` : message,
    });
  }
}
