import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import * as gatewayApi from '../imports/gateway.networking.k8s.io';
import * as istio from '../imports/networking.istio.io';
import * as security from '../imports/security.istio.io';
import { IstioRelease } from './rules/istio-release';

const API_GROUP = 'networking.istio.io';
const CONTEXT_KEY = 'cdk8s-istio-gateways/apiVersion';

/**
 * A version of the `networking.istio.io` API.
 *
 * Chosen once per app or per chart with `IstioApiVersion.use(scope, version)`; every Istio
 * object below that scope is emitted with it.
 */
export class IstioApiVersion {
  /** `networking.istio.io/v1alpha3`: served by every Istio release. */
  public static readonly V1ALPHA3 = new IstioApiVersion('v1alpha3');

  /** `networking.istio.io/v1beta1`: served by Istio 1.5 and later, including the Istio 1.10 of the MeshGateway operator. */
  public static readonly V1BETA1 = new IstioApiVersion('v1beta1');

  /** `networking.istio.io/v1`: served by Istio 1.22 and later. */
  public static readonly V1 = new IstioApiVersion('v1');

  /** The version used where none was chosen. */
  public static readonly DEFAULT = IstioApiVersion.V1BETA1;

  /**
   * Makes `version` the API version of every Istio object created below `scope`.
   *
   * Call it before adding children to `scope`: construct context cannot change once a
   * child exists.
   */
  public static use(scope: IConstruct, version: IstioApiVersion): void {
    scope.node.setContext(CONTEXT_KEY, version.version);
  }

  /**
   * The API version in force at `scope`.
   *
   * @returns the version set with `use` on `scope` or its nearest ancestor, else `DEFAULT`
   */
  public static of(scope: IConstruct): IstioApiVersion {
    const value = scope.node.tryGetContext(CONTEXT_KEY);
    if (value === undefined) {
      return IstioApiVersion.DEFAULT;
    }
    const version = ALL_VERSIONS.find((v) => v.version === value);
    if (!version) {
      throw new Error(`${scope.node.path || '<root>'}: invalid context "${CONTEXT_KEY}" value ${JSON.stringify(value)}: expected one of ${ALL_VERSIONS.map((v) => v.version).join(', ')}`);
    }
    return version;
  }

  /** The full `apiVersion` field, for example `networking.istio.io/v1beta1`. */
  public readonly apiVersion: string;

  private constructor(
    /** The version alone, for example `v1beta1`. */
    public readonly version: string,
  ) {
    this.apiVersion = `${API_GROUP}/${version}`;
  }
}

const ALL_VERSIONS = [IstioApiVersion.V1ALPHA3, IstioApiVersion.V1BETA1, IstioApiVersion.V1];

/** Props of an Istio object: its metadata and a spec in the shape every served version shares. */
export interface IstioObjectProps<Spec> {
  readonly metadata: ApiObjectMetadata;
  readonly spec: Spec;
}

type L1Class<Props> = new (scope: Construct, id: string, props: Props) => ApiObject;

interface L1ClassWithGvk {
  readonly GVK: { readonly apiVersion: string; readonly kind: string };
}

/**
 * Indexes the generated classes of one kind by the `apiVersion` they emit.
 *
 * Reading the version from each class's own GVK, not from its name, keeps the choice right
 * whatever order the CRD lists its versions in (the generator names classes by that order).
 */
function byVersion(kind: string, classes: Array<L1ClassWithGvk & L1Class<any>>): Map<string, L1Class<any>> {
  const map = new Map<string, L1Class<any>>();
  for (const cls of classes) {
    if (cls.GVK.kind !== kind) {
      throw new Error(`generated class for ${cls.GVK.apiVersion} ${cls.GVK.kind} listed as ${kind}`);
    }
    map.set(cls.GVK.apiVersion, cls);
  }
  for (const version of ALL_VERSIONS) {
    if (!map.has(version.apiVersion)) {
      throw new Error(`imports/ has no ${kind} class for ${version.apiVersion}: regenerate it with npm run import`);
    }
  }
  return map;
}

const CLASSES = {
  Gateway: byVersion('Gateway', [istio.Gateway, istio.GatewayV1Alpha3, istio.GatewayV1Beta1]),
  VirtualService: byVersion('VirtualService', [istio.VirtualService, istio.VirtualServiceV1Alpha3, istio.VirtualServiceV1Beta1]),
  ServiceEntry: byVersion('ServiceEntry', [istio.ServiceEntry, istio.ServiceEntryV1Alpha3, istio.ServiceEntryV1Beta1]),
  DestinationRule: byVersion('DestinationRule', [istio.DestinationRule, istio.DestinationRuleV1Alpha3, istio.DestinationRuleV1Beta1]),
  Sidecar: byVersion('Sidecar', [istio.Sidecar, istio.SidecarV1Alpha3, istio.SidecarV1Beta1]),
};

/** An Istio networking kind the library emits. */
export type IstioKind = keyof typeof CLASSES;

/**
 * The spec type each kind is written in. All served versions of a kind share one schema
 * (test/api-version.test.ts proves it against the CRDs), so a spec written in these types is
 * valid for whichever class `createIstioObject` picks.
 */
export interface IstioSpecs {
  readonly Gateway: istio.GatewaySpec;
  readonly VirtualService: istio.VirtualServiceSpec;
  readonly ServiceEntry: istio.ServiceEntrySpec;
  readonly DestinationRule: istio.DestinationRuleSpec;
  readonly Sidecar: istio.SidecarSpec;
}

/**
 * Creates the L1 object of `kind` in the API version in force at `scope`. The only place in the
 * library that picks a generated class.
 */
export function createIstioObject<K extends IstioKind>(scope: Construct, id: string, kind: K, props: IstioObjectProps<IstioSpecs[K]>): ApiObject {
  const version = IstioApiVersion.of(scope);
  const cls = CLASSES[kind].get(version.apiVersion)!;
  return new cls(scope, id, props);
}

/** The first Istio release that serves `security.istio.io/v1`. */
const SECURITY_V1_SINCE = IstioRelease.of(1, 22);

/**
 * Creates an AuthorizationPolicy in `security.istio.io/v1` where the Istio release the app
 * targets serves it (1.22 and later), else in `v1beta1`, which every release the library knows
 * serves in the same shape: with `createIstioObject`, the only place that picks a generated class.
 * The caller names the release the app targets, which the analysis settings hold: this factory
 * does not reach into the analysis.
 */
export function createAuthorizationPolicy(scope: Construct, id: string, targetRelease: IstioRelease, props: IstioObjectProps<security.AuthorizationPolicySpec>): ApiObject {
  const cls = targetRelease.isAtLeast(SECURITY_V1_SINCE) ? security.AuthorizationPolicy : security.AuthorizationPolicyV1Beta1;
  return new cls(scope, id, props as security.AuthorizationPolicyProps & security.AuthorizationPolicyV1Beta1Props);
}

/** The one version of the Kubernetes Gateway API the library emits: every kind is GA in it. */
export const GATEWAY_API_VERSION = 'gateway.networking.k8s.io/v1';

/**
 * The generated class of `kind` that emits `GATEWAY_API_VERSION`. The CRD file decides which
 * version gets the unsuffixed name (ReferenceGrant stores `v1beta1` but lists `v1` first), so the
 * class is checked by its GVK, not trusted by its name.
 */
function inGatewayApiVersion<C extends L1ClassWithGvk>(kind: string, cls: C): C {
  if (cls.GVK.apiVersion !== GATEWAY_API_VERSION || cls.GVK.kind !== kind) {
    throw new Error(`imports/ has no ${kind} class for ${GATEWAY_API_VERSION} (found ${cls.GVK.apiVersion} ${cls.GVK.kind}): regenerate it with npm run import`);
  }
  return cls;
}

const GATEWAY_API_CLASSES = {
  Gateway: inGatewayApiVersion('Gateway', gatewayApi.Gateway),
  HTTPRoute: inGatewayApiVersion('HTTPRoute', gatewayApi.HttpRoute),
  GRPCRoute: inGatewayApiVersion('GRPCRoute', gatewayApi.GrpcRoute),
  TLSRoute: inGatewayApiVersion('TLSRoute', gatewayApi.TlsRoute),
  TCPRoute: inGatewayApiVersion('TCPRoute', gatewayApi.TcpRoute),
  ReferenceGrant: inGatewayApiVersion('ReferenceGrant', gatewayApi.ReferenceGrant),
  BackendTLSPolicy: inGatewayApiVersion('BackendTLSPolicy', gatewayApi.BackendTlsPolicy),
};

/** A Kubernetes Gateway API kind the library emits. */
export type GatewayApiKind = keyof typeof GATEWAY_API_CLASSES;

/** The spec type of each Gateway API kind, in `GATEWAY_API_VERSION`. */
export interface GatewayApiSpecs {
  readonly Gateway: gatewayApi.GatewaySpec;
  readonly HTTPRoute: gatewayApi.HttpRouteSpec;
  readonly GRPCRoute: gatewayApi.GrpcRouteSpec;
  readonly TLSRoute: gatewayApi.TlsRouteSpec;
  readonly TCPRoute: gatewayApi.TcpRouteSpec;
  readonly ReferenceGrant: gatewayApi.ReferenceGrantSpec;
  readonly BackendTLSPolicy: gatewayApi.BackendTlsPolicySpec;
}

/**
 * Creates the `gateway.networking.k8s.io/v1` L1 object of `kind`: with `createIstioObject`, the
 * only place in the library that picks a generated class.
 */
export function createGatewayApiObject<K extends GatewayApiKind>(scope: Construct, id: string, kind: K, props: IstioObjectProps<GatewayApiSpecs[K]>): ApiObject {
  const cls = GATEWAY_API_CLASSES[kind] as unknown as L1Class<IstioObjectProps<GatewayApiSpecs[K]>>;
  return new cls(scope, id, props);
}
