import { isKnownCode } from './analysis/messages';
import { Finding } from './finding';
import { DEFAULT_NAMESPACE } from './mesh-index';

/**
 * A suppression as `istioctl analyze --suppress` takes it, `CODE=RESOURCE`: it leaves out the
 * findings of CODE about the objects RESOURCE names. RESOURCE is written as istioctl names
 * objects there, `Kind name.namespace` (`VirtualService web.shop`), and `*` in it stands for any
 * text (`VirtualService *.shop`, `Gateway *`).
 */
export class ResourceSuppression {
  /**
   * Reads `CODE=RESOURCE`.
   * @throws when the value is not of that form
   */
  public static parse(value: string): ResourceSuppression {
    const parts = value.split('=');
    if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
      throw new Error(`invalid --suppress ${JSON.stringify(value)}: expected CODE=RESOURCE, such as "IST0132=VirtualService web.shop"`);
    }
    return new ResourceSuppression(parts[0], parts[1]);
  }

  private readonly pattern: RegExp;

  private constructor(
    /** The message code it suppresses, such as `IST0132`. */
    public readonly code: string,
    /** The objects it applies to, as `Kind name.namespace` with `*` for any text. */
    public readonly resource: string,
  ) {
    this.pattern = new RegExp(`^${resource.split('*').map(escapeRegExp).join('.*')}$`);
  }

  /** True when the analysis can report findings of `code`, so that the suppression can take effect. */
  public get hasKnownCode(): boolean {
    return isKnownCode(this.code);
  }

  /** True when it leaves `finding` out. */
  public suppresses(finding: Finding): boolean {
    return finding.code === this.code
      && this.pattern.test(`${finding.kind} ${finding.name}.${finding.namespace ?? DEFAULT_NAMESPACE}`);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
