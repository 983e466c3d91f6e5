import { IConstruct } from 'constructs';
import { DestinationRuleSpecTrafficPolicyPortLevelSettingsTls } from '../../imports/networking.istio.io';
import { isDns1123Subdomain } from '../rules/webhook/kubernetes-names';
import { invalidInput } from '../private/errors';

/**
 * The CA bundle of the operating system in Istio's proxy image (`istio/proxyv2`, Debian/Ubuntu
 * and distroless variants alike): the public CAs that browsers trust.
 */
export const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** The kinds of server certificate verification. */
enum VerificationKind {
  CA_CERTIFICATES = 'caCertificates',
  CREDENTIAL_NAME = 'credentialName',
  INSECURE = 'insecure',
}

/**
 * How a proxy that originates TLS verifies the external server's certificate: against a CA
 * bundle in the proxy's file system, against the CA of a Kubernetes secret, or (explicitly
 * insecure) not at all.
 */
export class ServerVerification {
  /** The path of the operating system's CA bundle in Istio's proxy image. */
  public static readonly SYSTEM_CA_BUNDLE = SYSTEM_CA_BUNDLE;

  /**
   * Verifies against the operating system's CA bundle in Istio's proxy image,
   * `/etc/ssl/certs/ca-certificates.crt`: for servers with a certificate from a public CA. The
   * default of TLS origination.
   */
  public static systemCaBundle(): ServerVerification {
    return new ServerVerification(VerificationKind.CA_CERTIFICATES, SYSTEM_CA_BUNDLE);
  }

  /**
   * Verifies against a CA bundle (PEM) at `path` in the proxy's file system, such as a file
   * mounted into the egress gateway's pods.
   *
   * @param path an absolute path
   */
  public static caCertificates(path: string): ServerVerification {
    return new ServerVerification(VerificationKind.CA_CERTIFICATES, path);
  }

  /**
   * Verifies against the CA certificate (`ca.crt`, or `cacert`) of a Kubernetes secret in the
   * namespace of the proxy that originates TLS; for an egress route, the egress gateway's
   * namespace. Istio reads secrets only at gateways, not at sidecars.
   *
   * @param secretName the secret's name
   */
  public static credentialName(secretName: string): ServerVerification {
    return new ServerVerification(VerificationKind.CREDENTIAL_NAME, secretName);
  }

  /**
   * INSECURE: accepts any server certificate (`insecureSkipVerify`), so anyone who can
   * intercept the connection can read and change the traffic. Only for tests against servers
   * with self-signed certificates; istioctl warns about it (IST0129).
   */
  public static insecure(): ServerVerification {
    return new ServerVerification(VerificationKind.INSECURE);
  }

  private constructor(
    private readonly kind: VerificationKind,
    private readonly value?: string,
  ) {}

  /**
   * The L1 TLS settings that verify the server, without the TLS mode.
   *
   * @param scope the construct that owns the settings, named in errors
   * @param field the prop that holds this verification and the names, as `<field>.verification`
   * and `<field>.subjectAltNames`, named in errors
   * @param subjectAltNames the names the server certificate must carry; none checks only the CA
   */
  public bind(scope: IConstruct, field: string, subjectAltNames?: string[]): DestinationRuleSpecTrafficPolicyPortLevelSettingsTls {
    const sans = this.subjectAltNames(scope, `${field}.subjectAltNames`, subjectAltNames);
    switch (this.kind) {
      case VerificationKind.CA_CERTIFICATES:
        if (!this.value!.startsWith('/') || /\s/.test(this.value!)) {
          throw invalidInput(scope, `${field}.verification.caCertificates`, this.value, 'expected an absolute path in the proxy\'s file system, such as "/etc/ssl/certs/ca-certificates.crt"');
        }
        return { caCertificates: this.value, subjectAltNames: sans };
      case VerificationKind.CREDENTIAL_NAME:
        if (!isDns1123Subdomain(this.value!)) {
          throw invalidInput(scope, `${field}.verification.credentialName`, this.value, 'expected the DNS-1123 name of a secret');
        }
        return { credentialName: this.value, subjectAltNames: sans };
      case VerificationKind.INSECURE:
        if (sans !== undefined) {
          throw invalidInput(scope, `${field}.subjectAltNames`, sans, 'an insecure verification checks no names: verify the server with a CA to check its names');
        }
        return { insecureSkipVerify: true };
    }
  }

  private subjectAltNames(scope: IConstruct, field: string, names: string[] | undefined): string[] | undefined {
    if (names === undefined) {
      return undefined;
    }
    const bad = names.find((name) => name === '' || /\s/.test(name));
    if (names.length === 0 || bad !== undefined) {
      throw invalidInput(scope, field, names, 'expected one or more names without spaces, such as "api.example.com" or "spiffe://example.com/api"');
    }
    return [...names];
  }
}
