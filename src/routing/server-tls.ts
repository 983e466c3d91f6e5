import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { GatewaySpecServersTls, GatewaySpecServersTlsMaxProtocolVersion, GatewaySpecServersTlsMinProtocolVersion, GatewaySpecServersTlsMode } from '../../imports/networking.istio.io';
import { FieldError, inField, rejectFieldIf } from '../private/errors';
import { credentialNameProblem, tlsVersionRangeProblem } from '../rules/analysis/server-tls-settings';
import { featureProblem, OPTIONAL_MUTUAL } from '../rules/webhook/release-history';
import { IstioAnalysis } from '../analysis/istio-analysis';
import { IGatewayWorkload } from '../workload/gateway-workload-base';

/** How a Gateway server handles TLS. */
export enum TlsMode {
  /** Terminates TLS with a server certificate. */
  SIMPLE = 'SIMPLE',
  /** Terminates TLS and requires a client certificate signed by a given CA. */
  MUTUAL = 'MUTUAL',
  /** Terminates TLS and checks a client certificate against a given CA when the client sends one. */
  OPTIONAL_MUTUAL = 'OPTIONAL_MUTUAL',
  /** Terminates TLS with Istio's own workload certificates: for traffic from other meshes' gateways. */
  ISTIO_MUTUAL = 'ISTIO_MUTUAL',
  /** Does not terminate TLS: routes the encrypted stream by its SNI host. */
  PASSTHROUGH = 'PASSTHROUGH',
}

/** A TLS protocol version. */
export enum TlsVersion {
  /** Envoy's choice. */
  TLS_AUTO = 'TLS_AUTO',
  /** TLS 1.0: broken, for legacy clients only. */
  TLSV1_0 = 'TLSV1_0',
  /** TLS 1.1: deprecated, for legacy clients only. */
  TLSV1_1 = 'TLSV1_1',
  /** TLS 1.2. */
  TLSV1_2 = 'TLSV1_2',
  /** TLS 1.3. */
  TLSV1_3 = 'TLSV1_3',
}

/** The protocol versions and ciphers of a server that terminates TLS. */
export interface TlsVersionOptions {
  /**
   * The oldest TLS version accepted.
   * @default TlsVersion.TLSV1_2
   */
  readonly minProtocolVersion?: TlsVersion;

  /**
   * The newest TLS version accepted.
   * @default - Envoy's default (TLS 1.3)
   */
  readonly maxProtocolVersion?: TlsVersion;

  /**
   * The cipher suites accepted for TLS 1.2 and older, in Envoy's names such as
   * `ECDHE-ECDSA-AES256-GCM-SHA384`.
   * @default - Envoy's default cipher suites
   */
  readonly cipherSuites?: string[];
}

/**
 * Where a terminating server finds its certificate and key: a Kubernetes secret of type
 * `kubernetes.io/tls` (or with `cert`/`key` entries) in the namespace of the gateway workload,
 * not of the Gateway. Give exactly one of `credentialName` and `secret`.
 */
export interface TlsCredentialOptions extends TlsVersionOptions {
  /**
   * The name of the secret, in the gateway workload's namespace.
   * @default - the name of `secret`
   */
  readonly credentialName?: string;

  /**
   * The secret itself, when this app defines it: its namespace is checked against the gateway
   * workload's.
   * @default - only `credentialName` is known
   */
  readonly secret?: kplus.Secret;
}

/** Options of a server that requires client certificates. */
export interface MutualTlsOptions extends TlsCredentialOptions {
  /**
   * Subject alternative names a client certificate must carry one of.
   * @default - any client certificate signed by the CA
   */
  readonly subjectAltNames?: string[];
}

/** The TLS settings of a Gateway server, in the library's terms. */
export interface ServerTlsConfig {
  /** The TLS mode. */
  readonly mode: TlsMode;

  /**
   * The name of the secret that holds the certificate, in the gateway workload's namespace.
   * @default - none: the mode needs no secret
   */
  readonly credentialName?: string;

  /**
   * Subject alternative names a client certificate must carry one of.
   * @default - any client certificate signed by the CA
   */
  readonly subjectAltNames?: string[];

  /**
   * The oldest TLS version accepted.
   * @default - Istio's default; the library's factories give TlsVersion.TLSV1_2 where TLS terminates
   */
  readonly minProtocolVersion?: TlsVersion;

  /**
   * The newest TLS version accepted.
   * @default - Envoy's default (TLS 1.3)
   */
  readonly maxProtocolVersion?: TlsVersion;

  /**
   * The cipher suites accepted for TLS 1.2 and older.
   * @default - Envoy's default cipher suites
   */
  readonly cipherSuites?: string[];
}

/** The L1 enum members our versions map to; the generated names mangle underscores. */
const MIN_VERSIONS: Record<TlsVersion, GatewaySpecServersTlsMinProtocolVersion> = {
  [TlsVersion.TLS_AUTO]: GatewaySpecServersTlsMinProtocolVersion.TLS_UNDERSCORE_AUTO,
  [TlsVersion.TLSV1_0]: GatewaySpecServersTlsMinProtocolVersion.TLSV1_UNDERSCORE_0,
  [TlsVersion.TLSV1_1]: GatewaySpecServersTlsMinProtocolVersion.TLSV1_UNDERSCORE_1,
  [TlsVersion.TLSV1_2]: GatewaySpecServersTlsMinProtocolVersion.TLSV1_UNDERSCORE_2,
  [TlsVersion.TLSV1_3]: GatewaySpecServersTlsMinProtocolVersion.TLSV1_UNDERSCORE_3,
};
const MAX_VERSIONS: Record<TlsVersion, GatewaySpecServersTlsMaxProtocolVersion> = {
  [TlsVersion.TLS_AUTO]: GatewaySpecServersTlsMaxProtocolVersion.TLS_UNDERSCORE_AUTO,
  [TlsVersion.TLSV1_0]: GatewaySpecServersTlsMaxProtocolVersion.TLSV1_UNDERSCORE_0,
  [TlsVersion.TLSV1_1]: GatewaySpecServersTlsMaxProtocolVersion.TLSV1_UNDERSCORE_1,
  [TlsVersion.TLSV1_2]: GatewaySpecServersTlsMaxProtocolVersion.TLSV1_UNDERSCORE_2,
  [TlsVersion.TLSV1_3]: GatewaySpecServersTlsMaxProtocolVersion.TLSV1_UNDERSCORE_3,
};
const MODES: Record<TlsMode, GatewaySpecServersTlsMode> = {
  [TlsMode.SIMPLE]: GatewaySpecServersTlsMode.SIMPLE,
  [TlsMode.MUTUAL]: GatewaySpecServersTlsMode.MUTUAL,
  [TlsMode.OPTIONAL_MUTUAL]: GatewaySpecServersTlsMode.OPTIONAL_UNDERSCORE_MUTUAL,
  [TlsMode.ISTIO_MUTUAL]: GatewaySpecServersTlsMode.ISTIO_UNDERSCORE_MUTUAL,
  [TlsMode.PASSTHROUGH]: GatewaySpecServersTlsMode.PASSTHROUGH,
};

/** The TLS settings of a Gateway server. */
export abstract class ServerTls {
  /** Terminates TLS with the certificate and key of a secret. */
  public static simple(options: TlsCredentialOptions): ServerTls {
    return new TerminatingTls(TlsMode.SIMPLE, options);
  }

  /**
   * Terminates TLS and requires client certificates. The secret also holds the CA (`ca.crt`),
   * or a second secret named `<credentialName>-cacert` does.
   */
  public static mutual(options: MutualTlsOptions): ServerTls {
    return new TerminatingTls(TlsMode.MUTUAL, options);
  }

  /**
   * Terminates TLS and asks for client certificates without requiring them: a client may connect
   * without one, and a certificate it sends must be signed by the CA, found as for `mutual`.
   * Istio added the mode in 1.19, after the 1.10 the MeshGateway operator installs: an app that
   * targets an older release (`IstioAnalysis.enable(app, { istioRelease })`) refuses it.
   */
  public static optionalMutual(options: MutualTlsOptions): ServerTls {
    return new TerminatingTls(TlsMode.OPTIONAL_MUTUAL, options);
  }

  /** Terminates TLS with Istio's workload certificates, for mTLS from another mesh's gateway. */
  public static istioMutual(options: TlsVersionOptions = {}): ServerTls {
    return new IstioMutualTls(options);
  }

  /** Passes TLS through untouched; routes pick the destination by SNI host. */
  public static passthrough(): ServerTls {
    return new PassthroughTls();
  }

  /** The TLS mode. */
  public abstract readonly mode: TlsMode;

  /**
   * Resolves the settings of a server of `workload`, which reads the credential from its own
   * namespace.
   *
   * @param scope the construct that owns the server
   * @param workload the gateway workload that serves it
   */
  public abstract bind(scope: IConstruct, workload: IGatewayWorkload): ServerTlsConfig;
}

/** A server that terminates TLS with the certificate of a secret: SIMPLE, MUTUAL or OPTIONAL_MUTUAL. */
class TerminatingTls extends ServerTls {
  constructor(public readonly mode: TlsMode, private readonly options: MutualTlsOptions) {
    super();
  }

  public bind(scope: IConstruct, workload: IGatewayWorkload): ServerTlsConfig {
    if (this.mode === TlsMode.OPTIONAL_MUTUAL) {
      rejectFieldIf('mode', this.mode, featureProblem(OPTIONAL_MUTUAL, IstioAnalysis.targetReleaseOf(scope)));
    }
    return {
      mode: this.mode,
      credentialName: this.credentialName(workload),
      subjectAltNames: this.options.subjectAltNames,
      ...versions(this.options),
    };
  }

  private credentialName(workload: IGatewayWorkload): string {
    const { credentialName, secret } = this.options;
    if (credentialName !== undefined) {
      rejectFieldIf('credentialName', credentialName, credentialNameProblem(credentialName));
    }
    if (secret === undefined) {
      if (credentialName === undefined) {
        throw new FieldError('credentialName', undefined, `tls mode ${this.mode} needs the secret that holds the certificate: give credentialName or secret`);
      }
      return credentialName;
    }
    if (credentialName !== undefined && credentialName !== secret.name) {
      throw new FieldError('credentialName', credentialName, `the secret given is named ${secret.name}: give one of the two`);
    }
    const secretNamespace = secret.metadata.namespace ?? Chart.of(secret).namespace;
    if (secretNamespace !== undefined && workload.namespace !== undefined && secretNamespace !== workload.namespace) {
      throw new FieldError('secret', `${secretNamespace}/${secret.name}`, `the gateway reads its credential from the namespace of gateway workload ${workload.node.path} (${workload.namespace}), not from the Gateway's: create the secret in ${workload.namespace}`);
    }
    return secret.name;
  }
}

/** A server that terminates TLS with Istio's workload certificates. */
class IstioMutualTls extends ServerTls {
  public readonly mode: TlsMode = TlsMode.ISTIO_MUTUAL;

  constructor(private readonly options: TlsVersionOptions) {
    super();
  }

  public bind(): ServerTlsConfig {
    return { mode: this.mode, ...versions(this.options) };
  }
}

/** A server that passes TLS through. */
class PassthroughTls extends ServerTls {
  public readonly mode: TlsMode = TlsMode.PASSTHROUGH;

  public bind(): ServerTlsConfig {
    return { mode: this.mode };
  }
}

/** The versions and ciphers of a terminating server; the minimum is TLS 1.2 unless given. */
function versions(options: TlsVersionOptions): Pick<ServerTlsConfig, 'minProtocolVersion' | 'maxProtocolVersion' | 'cipherSuites'> {
  const min = options.minProtocolVersion ?? TlsVersion.TLSV1_2;
  const max = options.maxProtocolVersion;
  rejectFieldIf('maxProtocolVersion', max, tlsVersionRangeProblem(min, max ?? ''));
  // Cipher suites are the Gateway rule's: Istio admits unknown, repeated or missing ones (for
  // TLS 1.0 and 1.1) with a warning, which the synth-time check prints.
  return {
    minProtocolVersion: min,
    maxProtocolVersion: max,
    cipherSuites: options.cipherSuites === undefined ? undefined : [...options.cipherSuites],
  };
}

/** The L1 form of `tls`, the TLS settings that `scope` holds in its prop `field` for a server of `workload`. */
export function renderServerTls(scope: IConstruct, field: string, tls: ServerTls, workload: IGatewayWorkload): GatewaySpecServersTls {
  const config = inField(scope, field, () => tls.bind(scope, workload));
  return {
    mode: MODES[config.mode],
    credentialName: config.credentialName,
    subjectAltNames: config.subjectAltNames,
    minProtocolVersion: config.minProtocolVersion === undefined ? undefined : MIN_VERSIONS[config.minProtocolVersion],
    maxProtocolVersion: config.maxProtocolVersion === undefined ? undefined : MAX_VERSIONS[config.maxProtocolVersion],
    cipherSuites: config.cipherSuites,
  };
}
