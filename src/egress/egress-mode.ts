import { ServerVerification } from './server-verification';

/** Options of TLS origination at the egress gateway. */
export interface OriginateTlsOptions {
  /**
   * The external service's TLS port the egress gateway connects to. The service must declare it
   * with protocol HTTPS or TLS.
   * @default 443
   */
  readonly port?: number;

  /**
   * The server name the egress gateway sends in its TLS handshake.
   * @default - the routed host
   */
  readonly sni?: string;

  /**
   * How the egress gateway verifies the external server's certificate.
   * @default - ServerVerification.systemCaBundle(): the public CAs of the proxy image's
   * `/etc/ssl/certs/ca-certificates.crt`
   */
  readonly verification?: ServerVerification;

  /**
   * Names one of which the server certificate must carry as a subject alternative name, checked
   * on top of its CA's signature: give the routed host to pin the certificate to it.
   * @default - none: the certificate's CA signature is checked, its names only as far as the
   * Istio version checks them against the SNI by itself
   */
  readonly subjectAltNames?: string[];
}

/** The kinds of egress route, as the route builder tells them apart. */
export enum EgressModeKind {
  /** Plain HTTP on both hops. */
  HTTP = 'http',
  /** TLS from the application, passed through by SNI. */
  TLS_PASSTHROUGH = 'tls-passthrough',
  /** Plain HTTP inside the mesh, TLS from the egress gateway to the external host. */
  ORIGINATE_TLS = 'originate-tls',
  /** Opaque TCP on both hops. */
  TCP = 'tcp',
}

/** How an egress route carries traffic through the egress gateway. */
export class EgressMode {
  /**
   * HTTP (or HTTP2, gRPC) on both hops, routed by port: for an HTTP port of the external service.
   * The default for such ports.
   */
  public static http(): EgressMode {
    return new EgressMode(EgressModeKind.HTTP);
  }

  /**
   * The application's own TLS (HTTPS or any TLS), passed through the egress gateway unread and
   * routed by its SNI: for an HTTPS or TLS port of the external service. The default for such
   * ports.
   */
  public static tlsPassthrough(): EgressMode {
    return new EgressMode(EgressModeKind.TLS_PASSTHROUGH);
  }

  /**
   * Opaque TCP on both hops, routed by port: for a TCP port of the external service. The default
   * for such ports. TCP carries no host name, so each host needs a gateway port of its own, and
   * the sidecars tell the hosts apart by address: give the external service `addresses`.
   */
  public static tcp(): EgressMode {
    return new EgressMode(EgressModeKind.TCP);
  }

  /**
   * The application sends plain HTTP to an HTTP port; the egress gateway opens TLS to the
   * external service's TLS port with a DestinationRule. The egress gateway sees the requests,
   * so they can be logged, authorized and routed there.
   */
  public static originateTls(options: OriginateTlsOptions = {}): EgressMode {
    return new EgressMode(EgressModeKind.ORIGINATE_TLS, options.port ?? 443, options.sni,
      options.verification ?? ServerVerification.systemCaBundle(), options.subjectAltNames);
  }

  private constructor(
    /** Which kind of route this is. */
    public readonly kind: EgressModeKind,
    /**
     * The external TLS port, for TLS origination.
     * @default - none
     */
    public readonly tlsPort?: number,
    /**
     * The SNI the egress gateway sends, for TLS origination.
     * @default - the routed host
     */
    public readonly sni?: string,
    /**
     * How the egress gateway verifies the server, for TLS origination.
     * @default - none
     */
    public readonly verification?: ServerVerification,
    /**
     * The names the server certificate must carry, for TLS origination.
     * @default - none
     */
    public readonly subjectAltNames?: string[],
  ) {}
}
