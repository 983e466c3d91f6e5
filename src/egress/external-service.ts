import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ServiceEntrySpecEndpoints, ServiceEntrySpecLocation, ServiceEntrySpecPorts, ServiceEntrySpecResolution } from '../../imports/networking.istio.io';
import { createIstioObject, IstioApiVersion } from '../api-version';
import { validateNamespace, validateObjectName } from '../private/names';
import { invalidInput } from '../private/errors';
import { rejectRuleErrors } from '../private/release-target';
import { checkServiceEntry } from '../rules/webhook/service-entry';
import { isExportedTo } from '../rules/webhook/export-to';
import { IstioAnalysis } from '../analysis/istio-analysis';

/** The protocol an external service speaks on a port, which tells the mesh how to route it. */
export enum ExternalServiceProtocol {
  /** HTTP/1.1: routed by the Host header. */
  HTTP = 'HTTP',
  /** HTTP/2: routed by the authority. */
  HTTP2 = 'HTTP2',
  /** gRPC: routed by the authority. */
  GRPC = 'GRPC',
  /** HTTPS that the client originates: routed by SNI, passed through unread. */
  HTTPS = 'HTTPS',
  /** TLS carrying any protocol: routed by SNI, passed through unread. */
  TLS = 'TLS',
  /** Opaque TCP: routed by address and port only. */
  TCP = 'TCP',
}

/** How the mesh finds the addresses of an external service's hosts. */
export enum ExternalServiceResolution {
  /** The hosts (or the endpoints' addresses) are resolved with DNS when a connection opens; not for wildcard hosts without endpoints. */
  DNS = 'DNS',
  /** Like DNS, but connections go to the first address DNS returns; at most one endpoint. */
  DNS_ROUND_ROBIN = 'DNS_ROUND_ROBIN',
  /** The endpoints' IP addresses, which must be given. */
  STATIC = 'STATIC',
  /** No resolution: connections go to the address the application dialed. Fits wildcard hosts. */
  NONE = 'NONE',
  /**
   * The host each request names is resolved with DNS by the proxy: for wildcard hosts
   * (`*.googleapis.com`) without addresses or endpoints, on HTTP ports (Istio 1.28 or later), TLS
   * ports (1.29) and gRPC and HTTP2 ports (1.30); refused for older target releases.
   */
  DYNAMIC_DNS = 'DYNAMIC_DNS',
}

/** Whether a service is outside the mesh or part of it. */
export enum ExternalServiceLocation {
  /** Outside the mesh: no mutual TLS to it, and its traffic is reported as external. */
  MESH_EXTERNAL = 'MESH_EXTERNAL',
  /** Part of the mesh, such as VMs with sidecars: reached with mutual TLS. */
  MESH_INTERNAL = 'MESH_INTERNAL',
}

const RESOLUTIONS: Record<ExternalServiceResolution, ServiceEntrySpecResolution> = {
  [ExternalServiceResolution.DNS]: ServiceEntrySpecResolution.DNS,
  [ExternalServiceResolution.DNS_ROUND_ROBIN]: ServiceEntrySpecResolution.DNS_UNDERSCORE_ROUND_UNDERSCORE_ROBIN,
  [ExternalServiceResolution.STATIC]: ServiceEntrySpecResolution.STATIC,
  [ExternalServiceResolution.NONE]: ServiceEntrySpecResolution.NONE,
  [ExternalServiceResolution.DYNAMIC_DNS]: ServiceEntrySpecResolution.DYNAMIC_UNDERSCORE_DNS,
};

const LOCATIONS: Record<ExternalServiceLocation, ServiceEntrySpecLocation> = {
  [ExternalServiceLocation.MESH_EXTERNAL]: ServiceEntrySpecLocation.MESH_UNDERSCORE_EXTERNAL,
  [ExternalServiceLocation.MESH_INTERNAL]: ServiceEntrySpecLocation.MESH_UNDERSCORE_INTERNAL,
};

/** A port of an external service. */
export interface ExternalServicePort {
  /** The port number clients connect to. */
  readonly number: number;

  /**
   * The port's name, unique in the service, such as `http` or `https`.
   * @default - the protocol in lowercase
   */
  readonly name?: string;

  /** The protocol the service speaks on the port. */
  readonly protocol: ExternalServiceProtocol;

  /**
   * The port on the endpoints that receives the traffic.
   * @default - the same as `number`
   */
  readonly targetPort?: number;
}

/** An external service port with every default applied. */
export interface ResolvedExternalServicePort {
  /** The port number clients connect to. */
  readonly number: number;
  /** The port's name. */
  readonly name: string;
  /** The protocol the service speaks on the port. */
  readonly protocol: ExternalServiceProtocol;
  /**
   * The port on the endpoints.
   * @default - the same as `number`
   */
  readonly targetPort?: number;
}

/** One address an external service's traffic can go to. */
export interface ExternalServiceEndpoint {
  /** An IP address (STATIC resolution), or a DNS name or IP address (DNS resolution). */
  readonly address: string;

  /**
   * Endpoint ports by the service port's name, where the endpoint listens elsewhere.
   * @default - the service ports' own numbers
   */
  readonly ports?: { [portName: string]: number };

  /**
   * Labels of the endpoint, for DestinationRule subsets.
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * The endpoint's share of the traffic, relative to the others.
   * @default - an equal share
   */
  readonly weight?: number;
}

/** Props of an `ExternalService`. */
export interface ExternalServiceProps {
  /** The hosts the mesh's workloads call the service by, such as `httpbin.org` or `*.wikipedia.org`. */
  readonly hosts: string[];

  /** The ports the service listens on. */
  readonly ports: ExternalServicePort[];

  /**
   * How the mesh finds the service's addresses.
   * @default - ExternalServiceResolution.NONE when a host is a wildcard (`*.example.com`) and
   * there are no endpoints: the sidecars pass connections to the address the application dialed,
   * as Istio documents for wildcard hosts; else ExternalServiceResolution.DNS
   */
  readonly resolution?: ExternalServiceResolution;

  /**
   * Whether the service is outside the mesh.
   * @default ExternalServiceLocation.MESH_EXTERNAL
   */
  readonly location?: ExternalServiceLocation;

  /**
   * Virtual IP addresses or CIDR ranges of the service, which TCP traffic is matched by.
   * CIDR ranges need NONE or STATIC resolution.
   * @default - none
   */
  readonly addresses?: string[];

  /**
   * The addresses traffic goes to: required with STATIC resolution, not allowed with NONE.
   * @default - none: with DNS resolution the hosts themselves are resolved
   */
  readonly endpoints?: ExternalServiceEndpoint[];

  /**
   * The namespaces the service is visible to: `.` for its own, `*` for all, or namespace names.
   * @default - all namespaces
   */
  readonly exportTo?: string[];

  /**
   * The ServiceEntry's name.
   * @default - the construct id
   */
  readonly name?: string;

  /**
   * The ServiceEntry's namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
}

/** A service outside the mesh that the mesh's workloads call, as routes need to know it. */
export interface IExternalService extends IConstruct {
  /** The hosts the service is called by. */
  readonly hosts: string[];

  /** The service's ports. */
  readonly ports: ResolvedExternalServicePort[];

  /** The name of the ServiceEntry, which Gateway API routes name as their parent. */
  readonly serviceEntryName: string;

  /**
   * The namespace of the service's ServiceEntry.
   * @default - not known: the chart has no namespace
   */
  readonly namespace?: string;

  /**
   * The namespaces the service is visible to, as its ServiceEntry's `exportTo` lists them.
   * @default - every namespace
   */
  readonly exportTo?: string[];

  /**
   * Whether workloads in `namespace` see the service, as its `exportTo` decides.
   *
   * @param namespace a namespace, or `undefined` for one that is not known
   * @returns false only when the service is known not to be exported there
   */
  isExportedTo(namespace?: string): boolean;
}

/**
 * A service outside the mesh, added to Istio's service registry with a ServiceEntry, so that
 * workloads can call it when the mesh's outbound policy is REGISTRY_ONLY, and so that routes
 * and policies can address it by host.
 */
export class ExternalService extends Construct implements IExternalService {
  /** The ServiceEntry (L1). */
  public readonly resource: ApiObject;

  /** The hosts the service is called by. */
  public readonly hosts: string[];

  /** How the mesh finds the service's addresses. */
  public readonly resolution: ExternalServiceResolution;

  /** The namespace of the ServiceEntry, when known. */
  public readonly namespace?: string;

  /** The namespaces the service is visible to, as its ServiceEntry lists them; unset is every namespace. */
  public readonly exportTo?: string[];

  private readonly resolvedPorts: readonly ResolvedExternalServicePort[];

  constructor(scope: Construct, id: string, props: ExternalServiceProps) {
    super(scope, id);
    IstioAnalysis.enable(this);
    this.hosts = [...props.hosts];
    // DNS cannot resolve a wildcard; NONE passes the connection to the address the application dialed.
    const unresolvable = this.hosts.some((host) => host.startsWith('*')) && (props.endpoints ?? []).length === 0;
    this.resolution = props.resolution ?? (unresolvable ? ExternalServiceResolution.NONE : ExternalServiceResolution.DNS);
    this.resolvedPorts = props.ports.map((p) => ({ number: p.number, name: p.name ?? p.protocol.toLowerCase(), protocol: p.protocol, targetPort: p.targetPort }));
    this.exportTo = props.exportTo === undefined ? undefined : [...props.exportTo];
    const metadata = {
      name: validateObjectName(this, 'name', props.name ?? id),
      namespace: validateNamespace(this, 'namespace', props.namespace),
    };
    const spec = {
      hosts: this.hosts,
      addresses: props.addresses,
      ports: this.resolvedPorts.map((p): ServiceEntrySpecPorts => ({ number: p.number, name: p.name, protocol: p.protocol, targetPort: p.targetPort })),
      resolution: RESOLUTIONS[this.resolution],
      location: LOCATIONS[props.location ?? ExternalServiceLocation.MESH_EXTERNAL],
      endpoints: props.endpoints?.map((e, i) => bindEndpoint(this, `endpoints[${i}]`, e)),
      exportTo: this.exportTo,
    };
    rejectRuleErrors(this, { apiVersion: IstioApiVersion.of(this).apiVersion, kind: 'ServiceEntry', metadata, spec }, checkServiceEntry);
    this.resource = createIstioObject(this, 'Resource', 'ServiceEntry', { metadata, spec });
    this.namespace = this.resource.metadata.namespace;
  }

  /** The service's ports. */
  public get ports(): ResolvedExternalServicePort[] {
    return [...this.resolvedPorts];
  }

  public get serviceEntryName(): string {
    return this.resource.metadata.name!;
  }

  public isExportedTo(namespace?: string): boolean {
    return isExportedTo(this.exportTo, this.namespace, namespace);
  }
}

/** The L1 form of an endpoint; the rest of its checks are the ServiceEntry's admission rules. */
function bindEndpoint(scope: IConstruct, field: string, endpoint: ExternalServiceEndpoint): ServiceEntrySpecEndpoints {
  if (endpoint.weight !== undefined && (!Number.isInteger(endpoint.weight) || endpoint.weight < 0)) {
    throw invalidInput(scope, `${field}.weight`, endpoint.weight, 'expected a whole number of at least 0');
  }
  return { address: endpoint.address, ports: endpoint.ports, labels: endpoint.labels, weight: endpoint.weight };
}
