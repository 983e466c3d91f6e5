import { parse } from 'yaml';

/** How the control plane treats Kubernetes Ingress objects: MeshConfig `ingressControllerMode`. */
export enum IngressControllerMode {
  /** Ingress objects are ignored, and the mesh has no default ingress gateway. */
  OFF = 'OFF',
  /** Ingress objects without an ingress class, or with the mesh's, are served. */
  DEFAULT = 'DEFAULT',
  /** Only Ingress objects of the mesh's ingress class are served. */
  STRICT = 'STRICT',
}

/**
 * The parts of Istio's MeshConfig that `istioctl analyze --meshConfigFile` reads, with Istio's
 * defaults: whether the mesh has a default ingress gateway and what its Service is called, and
 * whether sidecars allocate addresses for ServiceEntries by themselves.
 */
export interface MeshConfig {
  /**
   * How Kubernetes Ingress objects are handled. With `OFF` the analysis assumes no default
   * ingress gateway (only the default egress gateway, when `defaultGateway` is on).
   * @default IngressControllerMode.STRICT
   */
  readonly ingressControllerMode?: IngressControllerMode;

  /**
   * The name of the default ingress gateway's Service in `istio-system`.
   * @default "istio-ingressgateway"
   */
  readonly ingressService?: string;

  /**
   * Whether sidecars answer DNS queries themselves (`defaultConfig.proxyMetadata`
   * `ISTIO_META_DNS_CAPTURE: "true"`).
   * @default false
   */
  readonly dnsCapture?: boolean;

  /**
   * Whether sidecars that capture DNS also give ServiceEntries without `addresses` an address of
   * their own (`defaultConfig.proxyMetadata` `ISTIO_META_DNS_AUTO_ALLOCATE: "true"` or
   * `PILOT_ENABLE_IP_AUTOALLOCATE: "true"`). With `dnsCapture`, a ServiceEntry with TCP ports
   * needs no `addresses` (no IST0134).
   * @default false
   */
  readonly dnsAutoAllocate?: boolean;

  /**
   * The mesh's root namespace: a policy there (an AuthorizationPolicy, a Sidecar) applies to the
   * whole mesh.
   * @default "istio-system"
   */
  readonly rootNamespace?: string;
}

/** The root namespace when the mesh config does not name one. */
export const DEFAULT_ROOT_NAMESPACE = 'istio-system';

/** The name of the default ingress gateway's Service when the mesh config does not name one. */
export const DEFAULT_INGRESS_SERVICE = 'istio-ingressgateway';

const PROXY_METADATA = 'defaultConfig.proxyMetadata';
const DNS_CAPTURE = 'ISTIO_META_DNS_CAPTURE';
const DNS_AUTO_ALLOCATE = ['ISTIO_META_DNS_AUTO_ALLOCATE', 'PILOT_ENABLE_IP_AUTOALLOCATE'];
const INGRESS_CONTROLLER_MODES = new Set<string>(Object.values(IngressControllerMode));

/** True when the mesh config leaves sidecars to allocate the addresses of ServiceEntries. */
export function autoAllocatesAddresses(meshConfig: MeshConfig): boolean {
  return meshConfig.dnsCapture === true && meshConfig.dnsAutoAllocate === true;
}

/** True when the mesh config gives the mesh a default ingress gateway. */
export function hasIngressController(meshConfig: MeshConfig): boolean {
  return meshConfig.ingressControllerMode !== IngressControllerMode.OFF;
}

/**
 * Reads a MeshConfig document (the `mesh` key of the `istio` ConfigMap, as `istioctl analyze
 * --meshConfigFile` takes it). Fields the analysis does not read are ignored, as istioctl
 * ignores fields it does not know; the fields it reads must have the type Istio gives them.
 *
 * @param yamlText the MeshConfig YAML; empty for Istio's defaults
 * @throws Error naming the field, the value and what would be valid
 */
export function parseMeshConfig(yamlText: string): MeshConfig {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch (e) {
    throw new Error(`mesh config is not valid YAML: ${(e as Error).message}`);
  }
  if (doc === null || doc === undefined) {
    return {};
  }
  const root = mappingAt(doc, 'mesh config');
  const metadata = proxyMetadataOf(root);
  const config: { -readonly [K in keyof MeshConfig]: MeshConfig[K] } = {};
  const ingressControllerMode = ingressControllerModeOf(root.ingressControllerMode);
  if (ingressControllerMode !== undefined) {
    config.ingressControllerMode = ingressControllerMode;
  }
  const ingressService = optionalString(root.ingressService, 'ingressService');
  if (ingressService !== undefined) {
    config.ingressService = ingressService;
  }
  const rootNamespace = optionalString(root.rootNamespace, 'rootNamespace');
  if (rootNamespace !== undefined) {
    config.rootNamespace = rootNamespace;
  }
  if (metadata[DNS_CAPTURE] !== undefined) {
    config.dnsCapture = metadata[DNS_CAPTURE] === 'true';
  }
  if (DNS_AUTO_ALLOCATE.some((key) => metadata[key] !== undefined)) {
    config.dnsAutoAllocate = DNS_AUTO_ALLOCATE.some((key) => metadata[key] === 'true');
  }
  return config;
}

function ingressControllerModeOf(value: unknown): IngressControllerMode | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string' || !INGRESS_CONTROLLER_MODES.has(value)) {
    throw new Error(`mesh config ingressControllerMode: ${JSON.stringify(value)} is not one of ${[...INGRESS_CONTROLLER_MODES].join(', ')}`);
  }
  return value as IngressControllerMode;
}

/** `defaultConfig.proxyMetadata`: Istio reads it as a map of strings, so `true` must be quoted. */
function proxyMetadataOf(root: { [key: string]: unknown }): { [key: string]: string } {
  if (root.defaultConfig === undefined || root.defaultConfig === null) {
    return {};
  }
  const defaultConfig = mappingAt(root.defaultConfig, 'mesh config defaultConfig');
  if (defaultConfig.proxyMetadata === undefined || defaultConfig.proxyMetadata === null) {
    return {};
  }
  const metadata = mappingAt(defaultConfig.proxyMetadata, `mesh config ${PROXY_METADATA}`);
  for (const key of Object.keys(metadata)) {
    optionalString(metadata[key], `${PROXY_METADATA}.${key}`);
  }
  return metadata as { [key: string]: string };
}

function mappingAt(value: unknown, what: string): { [key: string]: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${what}: ${JSON.stringify(value)} is not a mapping of fields`);
  }
  return value as { [key: string]: unknown };
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new Error(`mesh config ${field}: ${JSON.stringify(value)} is not a string (quote it: "${String(value)}")`);
  }
  return value;
}
