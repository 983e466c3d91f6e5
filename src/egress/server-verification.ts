import { IConstruct } from 'constructs';

/**
 * The CA bundle of the operating system in Istio's proxy image (`istio/proxyv2`, Debian/Ubuntu
 * and distroless variants alike): the public CAs that browsers trust.
 */
const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** How a proxy verifies a server's certificate, as the TLS settings of a DestinationRule say it. */
export interface ServerVerificationConfig {
  /**
   * The path of the CA bundle (PEM) in the proxy's file system.
   * @default - none
   */
  readonly caCertificates?: string;

  /**
   * The name of the Kubernetes secret whose CA certificate verifies the server.
   * @default - none
   */
  readonly credentialName?: string;

  /**
   * Whether the certificate goes unverified.
   * @default false
   */
  readonly insecureSkipVerify?: boolean;
}

/**
 * How a proxy that originates TLS verifies the external server's certificate: against a CA
 * bundle in the proxy's file system, against the CA of a Kubernetes secret, or (explicitly
 * insecure) not at all.
 */
export abstract class ServerVerification {
  /** The path of the operating system's CA bundle in Istio's proxy image. */
  public static readonly SYSTEM_CA_BUNDLE = SYSTEM_CA_BUNDLE;

  /**
   * Verifies against the operating system's CA bundle in Istio's proxy image,
   * `/etc/ssl/certs/ca-certificates.crt`: for servers with a certificate from a public CA. The
   * default of TLS origination.
   */
  public static systemCaBundle(): ServerVerification {
    return new CaCertificatesVerification(SYSTEM_CA_BUNDLE);
  }

  /**
   * Verifies against a CA bundle (PEM) at `path` in the proxy's file system, such as a file
   * mounted into the egress gateway's pods.
   *
   * @param path an absolute path
   */
  public static caCertificates(path: string): ServerVerification {
    return new CaCertificatesVerification(path);
  }

  /**
   * Verifies against the CA certificate (`ca.crt`, or `cacert`) of a Kubernetes secret in the
   * namespace of the proxy that originates TLS; for an egress route, the egress gateway's
   * namespace. Istio reads secrets only at gateways, not at sidecars.
   *
   * @param secretName the secret's name
   */
  public static credentialName(secretName: string): ServerVerification {
    return new CredentialNameVerification(secretName);
  }

  /**
   * INSECURE: accepts any server certificate (`insecureSkipVerify`), so anyone who can
   * intercept the connection can read and change the traffic. Only for tests against servers
   * with self-signed certificates; istioctl warns about it (IST0129).
   */
  public static insecure(): ServerVerification {
    return new InsecureVerification();
  }

  /**
   * The verification as TLS settings say it. The construct that uses it checks the values, where
   * it knows which of its props holds them.
   *
   * @param scope the construct that originates TLS with this verification
   */
  public abstract bind(scope: IConstruct): ServerVerificationConfig;
}

class CaCertificatesVerification extends ServerVerification {
  constructor(private readonly path: string) {
    super();
  }

  public bind(_scope: IConstruct): ServerVerificationConfig {
    return { caCertificates: this.path };
  }
}

class CredentialNameVerification extends ServerVerification {
  constructor(private readonly secretName: string) {
    super();
  }

  public bind(_scope: IConstruct): ServerVerificationConfig {
    return { credentialName: this.secretName };
  }
}

class InsecureVerification extends ServerVerification {
  public bind(_scope: IConstruct): ServerVerificationConfig {
    return { insecureSkipVerify: true };
  }
}
