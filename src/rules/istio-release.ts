const OLDEST_MINOR = 10;
const RELEASE_TEXT = /^1\.(0|[1-9][0-9]*)(?:\.(?:0|[1-9][0-9]*))?$/;

/**
 * The Istio release the admission rules judge for: what one release admits, another may
 * refuse (relative route weights before 1.15, `OPTIONAL_MUTUAL` before 1.19, `DYNAMIC_DNS`
 * before 1.28). Releases are compared by major and minor version; patch releases share the
 * rules of their minor release. Releases after `MAIN` are judged by `MAIN`'s rules.
 */
export class IstioRelease {
  /** Istio 1.10, the oldest release the rules know: the one the Banzai MeshGateway operator runs. */
  public static readonly OLDEST = new IstioRelease(1, OLDEST_MINOR);

  /**
   * Istio 1.30, the newest release: the release of the CRDs the library is generated from
   * (1.30.3). Istio's main branch adds rules after it, judged at `MAIN`.
   */
  public static readonly LATEST = new IstioRelease(1, 30);

  /**
   * Istio 1.31, the next minor release, as Istio's main branch of 2026-08-22 defines it: the
   * newest rules the library learned, which 1.30 does not have yet (`prefixRewrite` redirects,
   * HTTP/2 keepalive, zone-aware load balancing, Sidecar egress exclusions).
   */
  public static readonly MAIN = new IstioRelease(1, 31);

  /**
   * The release `major.minor`.
   *
   * @throws unless it is 1.10 or later
   */
  public static of(major: number, minor: number): IstioRelease {
    if (major !== 1 || !Number.isInteger(minor) || minor < OLDEST_MINOR) {
      throw new Error(`invalid Istio release ${major}.${minor}: expected 1.${OLDEST_MINOR} or later, such as 1.22`);
    }
    return new IstioRelease(major, minor);
  }

  /**
   * The release `text` names: `1.22` or `1.22.3` (the patch is read and ignored).
   *
   * @throws unless it is a release number of 1.10 or later
   */
  public static parse(text: string): IstioRelease {
    const match = RELEASE_TEXT.exec(text.trim());
    if (!match) {
      throw new Error(`invalid Istio release ${JSON.stringify(text)}: expected major.minor or major.minor.patch, such as 1.22 or 1.22.3`);
    }
    return IstioRelease.of(1, Number(match[1]));
  }

  private constructor(
    /** The major version: 1. */
    public readonly major: number,
    /** The minor version: 22 for Istio 1.22. */
    public readonly minor: number,
  ) {}

  /** True when this release is `other` or a later one. */
  public isAtLeast(other: IstioRelease): boolean {
    return this.major > other.major || (this.major === other.major && this.minor >= other.minor);
  }

  /** The release as `major.minor`: `1.22`. */
  public toString(): string {
    return `${this.major}.${this.minor}`;
  }
}
