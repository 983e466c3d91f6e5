import { IConstruct } from 'constructs';
import { ExternalServiceProtocol, IExternalService, ResolvedExternalServicePort } from './external-service';
import { ServerVerification, ServerVerificationConfig } from './server-verification';
import { findServicePort } from './private/service-ports';
import { invalidInput, rejectIf } from '../private/errors';
import { ServerProtocol } from '../routing/server-protocol';
import { isDns1123Subdomain } from '../rules/webhook/kubernetes-names';
import { fqdnProblem } from '../rules/webhook/names';
import { isHttpProtocol, isTlsProtocol } from '../rules/webhook/protocol';

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

/** What an egress route tells its mode. */
export interface EgressModeBindOptions {
  /** The external service the route sends the traffic to. */
  readonly externalService: IExternalService;

  /** The routed host. */
  readonly host: string;

  /** The external service's port the mesh's workloads call. */
  readonly port: ResolvedExternalServicePort;
}

/** How the egress gateway opens TLS to the external service. */
export interface TlsOriginationConfig {
  /** The server name the egress gateway sends in its TLS handshake. */
  readonly sni: string;

  /** How the egress gateway verifies the server's certificate. */
  readonly verification: ServerVerificationConfig;

  /**
   * Names one of which the server certificate must carry.
   * @default - none: the certificate's names are not checked beyond what Istio checks by itself
   */
  readonly subjectAltNames?: string[];
}

/** What an egress route needs of its mode. */
export interface EgressModeConfig {
  /**
   * The protocol of the egress Gateway's server for the host: `TLS` passes the client's TLS
   * through by SNI, `TCP` carries opaque TCP, the HTTP protocols carry requests.
   */
  readonly serverProtocol: ServerProtocol;

  /** The external service's port the egress gateway sends the traffic to. */
  readonly externalPort: number;

  /**
   * How the egress gateway opens TLS to `externalPort`.
   * @default - it does not: the traffic leaves as it came
   */
  readonly tlsOrigination?: TlsOriginationConfig;
}

/** How an egress route carries traffic through the egress gateway. */
export abstract class EgressMode {
  /**
   * HTTP (or HTTP2, gRPC) on both hops, routed by port: for an HTTP port of the external service.
   * The default for such ports.
   */
  public static http(): EgressMode {
    return new HttpMode();
  }

  /**
   * The application's own TLS (HTTPS or any TLS), passed through the egress gateway unread and
   * routed by its SNI: for an HTTPS or TLS port of the external service. The default for such
   * ports.
   */
  public static tlsPassthrough(): EgressMode {
    return new TlsPassthroughMode();
  }

  /**
   * Opaque TCP on both hops, routed by port: for a TCP port of the external service. The default
   * for such ports. TCP carries no host name, so each host needs a gateway port of its own, and
   * the sidecars tell the hosts apart by address: give the external service `addresses`.
   */
  public static tcp(): EgressMode {
    return new TcpMode();
  }

  /**
   * The application sends plain HTTP to an HTTP port; the egress gateway opens TLS to the
   * external service's TLS port with a DestinationRule. The egress gateway sees the requests,
   * so they can be logged, authorized and routed there.
   */
  public static originateTls(options: OriginateTlsOptions = {}): EgressMode {
    return new OriginateTlsMode(options);
  }

  /**
   * What the route needs to carry its traffic this way.
   *
   * @param scope the egress route, named in errors about its `port` and `mode`
   * @throws when the mode does not fit the port's protocol, or its options are invalid
   */
  public abstract bind(scope: IConstruct, options: EgressModeBindOptions): EgressModeConfig;
}

class HttpMode extends EgressMode {
  public bind(scope: IConstruct, options: EgressModeBindOptions): EgressModeConfig {
    return { serverProtocol: httpServerProtocol(scope, options.port), externalPort: options.port.number };
  }
}

class TlsPassthroughMode extends EgressMode {
  public bind(scope: IConstruct, options: EgressModeBindOptions): EgressModeConfig {
    const port = options.port;
    if (!isTlsProtocol(port.protocol)) {
      throw invalidInput(scope, 'port', port.number, `port ${port.number} (${port.name}) speaks ${port.protocol}: TLS passthrough needs an HTTPS or TLS port; use EgressMode.http() or EgressMode.originateTls() for plain HTTP`);
    }
    return { serverProtocol: ServerProtocol.TLS, externalPort: port.number };
  }
}

class TcpMode extends EgressMode {
  public bind(scope: IConstruct, options: EgressModeBindOptions): EgressModeConfig {
    const port = options.port;
    if (port.protocol !== ExternalServiceProtocol.TCP) {
      throw invalidInput(scope, 'port', port.number, `port ${port.number} (${port.name}) speaks ${port.protocol}: a TCP egress route needs a TCP port, and this port's protocol has its own mode`);
    }
    return { serverProtocol: ServerProtocol.TCP, externalPort: port.number };
  }
}

class OriginateTlsMode extends EgressMode {
  constructor(private readonly options: OriginateTlsOptions) {
    super();
  }

  public bind(scope: IConstruct, options: EgressModeBindOptions): EgressModeConfig {
    const serverProtocol = httpServerProtocol(scope, options.port);
    const tlsPort = findServicePort(options.externalService, scope, 'mode.port', this.options.port ?? 443);
    if (!isTlsProtocol(tlsPort.protocol)) {
      throw invalidInput(scope, 'mode.port', tlsPort.number, `port ${tlsPort.number} (${tlsPort.name}) speaks ${tlsPort.protocol}: TLS origination needs an HTTPS or TLS port of the external service`);
    }
    const sni = this.options.sni;
    if (sni !== undefined) {
      rejectIf(scope, 'mode.sni', sni, fqdnProblem(sni));
    }
    const verification = checkVerification(scope, (this.options.verification ?? ServerVerification.systemCaBundle()).bind(scope));
    const subjectAltNames = checkSubjectAltNames(scope, this.options.subjectAltNames);
    if (verification.insecureSkipVerify && subjectAltNames !== undefined) {
      throw invalidInput(scope, 'mode.subjectAltNames', subjectAltNames, 'an insecure verification checks no names: verify the server with a CA to check its names');
    }
    return {
      serverProtocol,
      externalPort: tlsPort.number,
      tlsOrigination: { sni: sni ?? options.host, verification, subjectAltNames },
    };
  }
}

/** The Gateway server protocol of an HTTP port of an external service, which spells it alike. */
function httpServerProtocol(scope: IConstruct, port: ResolvedExternalServicePort): ServerProtocol {
  if (!isHttpProtocol(port.protocol)) {
    const hint = isTlsProtocol(port.protocol) ? ': use EgressMode.tlsPassthrough() for TLS the application originates' : ': use EgressMode.tcp() for a TCP port';
    throw invalidInput(scope, 'port', port.number, `port ${port.number} (${port.name}) speaks ${port.protocol}: an HTTP egress route needs an HTTP, HTTP2 or GRPC port${hint}`);
  }
  return port.protocol as string as ServerProtocol;
}

function checkVerification(scope: IConstruct, config: ServerVerificationConfig): ServerVerificationConfig {
  if (config.caCertificates !== undefined && (!config.caCertificates.startsWith('/') || /\s/.test(config.caCertificates))) {
    throw invalidInput(scope, 'mode.verification.caCertificates', config.caCertificates, 'expected an absolute path in the proxy\'s file system, such as "/etc/ssl/certs/ca-certificates.crt"');
  }
  if (config.credentialName !== undefined && !isDns1123Subdomain(config.credentialName)) {
    throw invalidInput(scope, 'mode.verification.credentialName', config.credentialName, 'expected the DNS-1123 name of a secret');
  }
  return config;
}

function checkSubjectAltNames(scope: IConstruct, names: string[] | undefined): string[] | undefined {
  if (names === undefined) {
    return undefined;
  }
  const bad = names.find((name) => name === '' || /\s/.test(name));
  if (names.length === 0 || bad !== undefined) {
    throw invalidInput(scope, 'mode.subjectAltNames', names, 'expected one or more names without spaces, such as "api.example.com" or "spiffe://example.com/api"');
  }
  return [...names];
}
