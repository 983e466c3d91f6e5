import { KubeObject } from './finding';
import { DEFAULT_INGRESS_SERVICE, hasIngressController, MeshConfig } from './mesh-config';
import { sortedKeys } from './sorted-keys';
import { appendTo } from './multimap';

/** Labels, as on a pod or in a selector. */
export type Labels = { readonly [key: string]: string };

/** The namespace objects without one are read in, as istioctl does. */
export const DEFAULT_NAMESPACE = 'default';

const CLUSTER_DOMAIN = 'svc.cluster.local';
const EXPORT_TO_ALL = '*';
const EXPORT_TO_OWN_NAMESPACE = '.';
const EXPORT_TO_ANNOTATION = 'networking.istio.io/exportTo';

/** The labels Istio gives the endpoint of a pod from the Node it runs on. */
const NODE_NAME_LABEL = 'kubernetes.io/hostname';
const NODE_REGION_LABEL = 'topology.kubernetes.io/region';
const NODE_ZONE_LABEL = 'topology.kubernetes.io/zone';
const NODE_SUBZONE_LABEL = 'topology.istio.io/subzone';

/** Kinds whose pod template (`spec.template.metadata.labels`) is a workload. */
export const POD_TEMPLATE_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']);

/**
 * The kinds the analysis reads: the Istio networking kinds, the gateway operators' kinds, and the
 * Kubernetes and cert-manager kinds that workloads (and the Nodes they run on), Services and
 * Secrets come from. Objects of other kinds yield no finding and change none.
 */
export const ANALYZED_KINDS: ReadonlySet<string> = new Set([
  'Gateway', 'VirtualService', 'ServiceEntry', 'DestinationRule', 'Sidecar',
  'MeshGateway', 'IstioMeshGateway', 'AuthorizationPolicy',
  'Namespace', 'NetworkPolicy', 'Pod', 'Node', 'Service', 'Secret', 'Certificate',
  ...POD_TEMPLATE_KINDS,
]);

/**
 * The namespaces of Kubernetes' own components (and kind's storage provisioner), whose objects
 * istioctl analyze leaves out of its input, as the sidecar injector leaves them alone.
 */
const IGNORED_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

/** True when istioctl analyze reads `obj`: it is not in (nor, as a Namespace, one of) the ignored namespaces. */
export function isAnalyzedNamespace(obj: KubeObject): boolean {
  return !IGNORED_NAMESPACES.has(obj.kind === 'Namespace' ? String(obj.metadata?.name ?? '') : namespaceOf(obj));
}

/** The pods an object makes, as the analysis reads them: their metadata and their spec. */
export interface PodTemplate {
  readonly labels: Labels;
  readonly annotations: { readonly [key: string]: string };
  /** The pod spec (`containers`, `securityContext`, ...), as written: it may be malformed. */
  readonly spec: any;
}

/**
 * The pods `obj` makes: a Pod's own metadata and spec, the pod template of the kinds that have one
 * (`spec.template`); undefined for other kinds.
 */
export function podTemplateOf(obj: KubeObject): PodTemplate | undefined {
  if (obj.kind === 'Pod') {
    return { labels: obj.metadata?.labels ?? {}, annotations: obj.metadata?.annotations ?? {}, spec: obj.spec };
  }
  if (!POD_TEMPLATE_KINDS.has(obj.kind)) {
    return undefined;
  }
  const template = obj.spec?.template;
  return { labels: template?.metadata?.labels ?? {}, annotations: template?.metadata?.annotations ?? {}, spec: template?.spec };
}

/** The namespace `obj` lives in: its own, else `default`. */
export function namespaceOf(obj: KubeObject): string {
  return obj.metadata?.namespace ?? DEFAULT_NAMESPACE;
}

/** The kinds whose objects belong to no namespace. */
const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set(['Namespace', 'Node']);

/** The namespace a finding about `obj` names: none for a cluster-scoped object, else `namespaceOf`. */
export function reportedNamespaceOf(obj: KubeObject): string | undefined {
  return CLUSTER_SCOPED_KINDS.has(obj.kind) ? undefined : namespaceOf(obj);
}

/** `namespace/name` of `obj`, as istioctl names objects. */
export function fullNameOf(obj: KubeObject): string {
  return `${namespaceOf(obj)}/${obj.metadata?.name ?? ''}`;
}

/**
 * A host as Istio resolves it from a rule in `namespace`: a short name becomes the cluster-local
 * name of a Service in that namespace; names with a dot and wildcards stay as they are.
 */
export function toFqdn(namespace: string, host: string): string {
  if (host.startsWith('*') || host.includes('.')) {
    return host;
  }
  return `${host}.${namespace}.${CLUSTER_DOMAIN}`;
}

const selectorKeys = new WeakMap<Labels, string>();

/** A selector in Kubernetes' text form, keys sorted: `app=echo,version=v1`. */
export function selectorKey(selector: Labels | undefined): string {
  if (selector === undefined || selector === null || typeof selector !== 'object') {
    return '';
  }
  // Several analyzers read each Gateway's selector: compute its text once per selector object.
  let key = selectorKeys.get(selector);
  if (key === undefined) {
    key = sortedKeys(selector).map((k) => `${k}=${selector[k]}`).join(',');
    selectorKeys.set(selector, key);
  }
  return key;
}

/** True when every label of `selector` is on `labels`. */
export function selects(selector: Labels, labels: Labels): boolean {
  return Object.keys(selector).every((k) => labels[k] === selector[k]);
}

/** A set of pods: what a Gateway selector or a DestinationRule subset can select. */
export interface Workload {
  readonly namespace: string;
  readonly labels: Labels;
  /** True when the Services in front of these pods are not known, so neither are their ports. */
  readonly servicesUnknown?: boolean;
}

/** A gateway workload that exists outside the input, known only by what its owner declares. */
export interface DeclaredWorkload {
  /** The labels of its pods. */
  readonly labels: { readonly [key: string]: string };
  /**
   * Its namespace.
   * @default "default"
   */
  readonly namespace?: string;
  /**
   * The name of its Service.
   * @default - not known
   */
  readonly serviceName?: string;
  /**
   * The ports of its Service.
   * @default - not known: Gateway server ports are not checked against them
   */
  readonly ports?: number[];
}

/** A port of a Service or a ServiceEntry. */
export interface ServicePort {
  readonly number: number;
  readonly name?: string;
  /** The protocol as written; Service ports default to TCP. */
  readonly protocol?: string;
  /**
   * The port of the pods a Service port forwards to, when it is a number (or a string of
   * digits); a named one is not known.
   */
  readonly targetPort?: number;
}

/** A Kubernetes Service, given or implied by a MeshGateway, an IstioMeshGateway or the default gateway. */
export interface ServiceInfo {
  readonly namespace: string;
  readonly name: string;
  /** Pods the Service selects; a Service without a selector selects none. */
  readonly selector?: Labels;
  readonly ports: ServicePort[];
  /** The Service object, when the input holds it (not one implied by a gateway workload). */
  readonly object?: KubeObject;
}

/** What a host resolves to: a Service or a ServiceEntry, with its ports and the selector of its pods. */
export interface HostEntry {
  readonly ports: ServicePort[];
  /** The labels of the pods behind the host, when known. */
  readonly workloadSelector?: Labels;
}

/** Options of the index. */
export interface MeshIndexOptions {
  /**
   * Whether to assume the mesh's default ingress and egress gateways (`DEFAULT_GATEWAYS`), each
   * unless the input defines its Service.
   */
  readonly defaultGateway: boolean;

  /** Gateway workloads that exist outside the input. */
  readonly workloads: readonly DeclaredWorkload[];

  /**
   * The mesh config, which decides whether there is a default ingress gateway and names its
   * Service, as istioctl reads it.
   * @default - Istio's default mesh config
   */
  readonly meshConfig?: MeshConfig;
}

/** A gateway workload and Service that an Istio installation provides. */
interface DefaultGateway {
  readonly namespace: string;
  readonly serviceName: string;
  readonly labels: Labels;
  readonly ports: ServicePort[];
}

/**
 * The mesh's default gateways: the ingress gateway, as `istioctl analyze --use-kube=false` assumes
 * it, and the egress gateway of Istio's installation profiles that have one, which the egress
 * constructs route through unless given another.
 */
export const DEFAULT_GATEWAYS: readonly DefaultGateway[] = [
  {
    namespace: 'istio-system',
    serviceName: 'istio-ingressgateway',
    labels: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
    ports: [
      { number: 80, name: 'http2', protocol: 'TCP' },
      { number: 443, name: 'https', protocol: 'TCP' },
      { number: 31400, name: 'tcp', protocol: 'TCP' },
      { number: 15443, name: 'tls', protocol: 'TCP' },
    ],
  },
  {
    namespace: 'istio-system',
    serviceName: 'istio-egressgateway',
    labels: { app: 'istio-egressgateway', istio: 'egressgateway' },
    ports: [
      { number: 80, name: 'http2', protocol: 'TCP' },
      { number: 443, name: 'https', protocol: 'TCP' },
    ],
  },
];

/**
 * The default gateways of a mesh with `meshConfig`: the ingress gateway only when the mesh has an
 * ingress controller, its Service named as the mesh config says.
 */
function defaultGatewaysOf(meshConfig: MeshConfig): DefaultGateway[] {
  const [ingress, egress] = DEFAULT_GATEWAYS;
  if (!hasIngressController(meshConfig)) {
    return [egress];
  }
  return [{ ...ingress, serviceName: meshConfig.ingressService ?? DEFAULT_INGRESS_SERVICE }, egress];
}

/**
 * Items found by label: an index from each `key=value` to the items that carry it, so that a
 * selector is answered from its rarest label instead of by scanning every item.
 */
class LabelIndex<T> {
  private readonly all: T[] = [];
  private readonly postings = new Map<string, T[]>();
  private readonly cache = new Map<string, T[]>();

  constructor(private readonly labelsOf: (item: T) => Labels) {}

  public add(item: T): void {
    this.all.push(item);
    const labels = this.labelsOf(item);
    for (const key of Object.keys(labels)) {
      appendTo(this.postings, `${key}=${labels[key]}`, item);
    }
  }

  /** The items whose labels `selector` selects; an empty selector selects every item. */
  public select(selector: Labels): T[] {
    const key = selectorKey(selector);
    const cached = this.cache.get(key);
    if (cached) {
      return cached;
    }
    const pairs = Object.keys(selector).map((k) => `${k}=${selector[k]}`);
    let candidates = this.all;
    for (const pair of pairs) {
      const items = this.postings.get(pair) ?? [];
      if (items.length < candidates.length) {
        candidates = items;
      }
    }
    const found = candidates.filter((item) => selects(selector, this.labelsOf(item)));
    this.cache.set(key, found);
    return found;
  }
}

/**
 * Everything the cross-object analysis looks up, built in one pass over the objects: objects by
 * kind and full name, workloads by label, Services by the labels they select, hosts by scope and
 * name, DestinationRule subsets and Secrets. No check compares every object with every other.
 */
export class MeshIndex {
  /** The objects of each kind, in input order. */
  private readonly byKind = new Map<string, KubeObject[]>();
  private readonly gateways = new Map<string, KubeObject>();
  /** The Istio Gateways in input order: the kind Gateway of the Gateway API is another object. */
  private readonly istioGatewayList: KubeObject[] = [];
  private readonly kubernetesGateways = new Map<string, KubeObject>();
  private readonly workloads = new LabelIndex<Workload>((w) => w.labels);
  /** The pods of `workloads` that name the node they run on, with the node's name. */
  private readonly podNodes = new Map<Workload, string>();
  /** Node labels by node name. */
  private readonly nodeLabels = new Map<string, Labels>();
  /** The pods of `podNodes` with the labels their endpoints get from their node. */
  private readonly podEndpoints = new LabelIndex<Workload>((w) => w.labels);
  private readonly services: ServiceInfo[] = [];
  /** Services by `namespace key=value` of each label of their selector. */
  private readonly servicesBySelectorLabel = new Map<string, ServiceInfo[]>();
  private readonly hosts = new Map<string, HostEntry>();
  private readonly wildcardHosts = new Map<string, HostEntry>();
  private readonly subsets = new Set<string>();
  /** The fully qualified hosts some DestinationRule is for. */
  private readonly destinationRuleHosts = new Set<string>();
  private readonly secrets = new Set<string>();
  private readonly secretObjects = new Map<string, KubeObject>();
  /** The names of the Secrets in `secrets`, whatever their namespace. */
  private readonly secretNames = new Set<string>();
  /** The Namespace objects of the input, by name. */
  private readonly namespaces = new Map<string, KubeObject>();

  constructor(objects: readonly KubeObject[], options: MeshIndexOptions) {
    for (const obj of objects) {
      this.add(obj);
    }
    // Nodes may come after their pods in the input: label the endpoints once all are read.
    for (const [pod, nodeName] of this.podNodes) {
      this.podEndpoints.add({ namespace: pod.namespace, labels: { ...pod.labels, ...nodeEndpointLabels(nodeName, this.nodeLabels.get(nodeName)) } });
    }
    if (options.defaultGateway) {
      const services = new Set(this.services.map((s) => `${s.namespace}/${s.name}`));
      for (const gateway of defaultGatewaysOf(options.meshConfig ?? {}).filter((g) => !services.has(`${g.namespace}/${g.serviceName}`))) {
        this.addWorkloadWithService(gateway.namespace, gateway.serviceName, gateway.labels, gateway.ports);
      }
    }
    for (const declared of options.workloads) {
      this.addDeclaredWorkload(declared);
    }
  }

  /** The objects of `kind`, in input order. */
  public ofKind(kind: string): readonly KubeObject[] {
    return this.byKind.get(kind) ?? [];
  }

  /** The kinds of the objects, in the order they first occur. */
  public kinds(): string[] {
    return [...this.byKind.keys()];
  }

  /** The Namespace object named `name`, when the input holds it. */
  public namespace(name: string): KubeObject | undefined {
    return this.namespaces.get(name);
  }

  /** The Secret named `namespace/name`, when the input holds it (not one a Certificate makes). */
  public secret(fullName: string): KubeObject | undefined {
    return this.secretObjects.get(fullName);
  }

  /** The Istio Gateway named `namespace/name`. */
  public gateway(fullName: string): KubeObject | undefined {
    return this.gateways.get(fullName);
  }

  /** The Istio Gateways (networking.istio.io), in input order. */
  public istioGateways(): readonly KubeObject[] {
    return this.istioGatewayList;
  }

  /** The Kubernetes Gateway API Gateway (gateway.networking.k8s.io) named `namespace/name`. */
  public kubernetesGateway(fullName: string): KubeObject | undefined {
    return this.kubernetesGateways.get(fullName);
  }

  /** The workloads `selector` selects, in any namespace (as Istio does for Gateways). */
  public selectWorkloads(selector: Labels): Workload[] {
    return this.workloads.select(selector);
  }

  /**
   * The workloads whose endpoints a DestinationRule subset's `selector` selects: as
   * `selectWorkloads`, except that a pod scheduled on a node also carries the node's name and its
   * region, zone and subzone, which Istio adds to the labels of the pod's endpoints. Gateways
   * select by the pods' own labels, as istioctl compares them.
   */
  public selectEndpoints(selector: Labels): Workload[] {
    const found = this.workloads.select(selector);
    if (this.podNodes.size === 0) {
      return found;
    }
    return [...found.filter((w) => !this.podNodes.has(w)), ...this.podEndpoints.select(selector)];
  }

  /** The Services that select `workload`: same namespace, selector a subset of its labels. */
  public servicesOf(workload: Workload): ServiceInfo[] {
    const found = new Set<ServiceInfo>();
    for (const key of Object.keys(workload.labels)) {
      for (const service of this.servicesBySelectorLabel.get(`${workload.namespace} ${key}=${workload.labels[key]}`) ?? []) {
        if (selects(service.selector!, workload.labels)) {
          found.add(service);
        }
      }
    }
    return [...found];
  }

  /** True when a Secret (or a cert-manager Certificate's `secretName`) `namespace/name` is in the input. */
  public hasSecret(fullName: string): boolean {
    return this.secrets.has(fullName);
  }

  /** True when the input holds a Secret (or a cert-manager Certificate's `secretName`) named `name`, in any namespace. */
  public hasSecretNamed(name: string): boolean {
    return this.secretNames.has(name);
  }

  /** True when a DestinationRule for the fully qualified `host` defines `subset`. */
  public hasSubset(fqdn: string, subset: string): boolean {
    return this.subsets.has(`${fqdn}|${subset}`);
  }

  /** True when some DestinationRule, with or without subsets, is for the fully qualified `host`. */
  public hasDestinationRule(fqdn: string): boolean {
    return this.destinationRuleHosts.has(fqdn);
  }

  /**
   * What `host`, named by a rule in `namespace` whose `exportTo` is given, resolves to among the
   * Services and ServiceEntries visible there; exact names first, then wildcard ServiceEntries.
   */
  public resolveHost(namespace: string, exportTo: readonly string[] | undefined, host: string): HostEntry | undefined {
    const fqdn = toFqdn(namespace, host);
    const exported = this.hosts.get(`${EXPORT_TO_ALL}|${fqdn}`);
    if (exported) {
      return exported;
    }
    const scopes = exportTo === undefined || exportTo.length === 0 ? [namespace] : exportTo.map((e) => (e === EXPORT_TO_OWN_NAMESPACE ? namespace : e));
    for (const scope of scopes) {
      const entry = this.hosts.get(`${scope}|${fqdn}`);
      if (entry) {
        return entry;
      }
    }
    if (this.wildcardHosts.size === 0) {
      return undefined;
    }
    // A wildcard entry covers the hosts strictly below its domain: start at the domain of a
    // wildcard host, at the parent of an exact one.
    const isWildcard = fqdn.startsWith('*.');
    const labels = (isWildcard ? fqdn.slice(2) : fqdn).split('.');
    for (const scope of [EXPORT_TO_ALL, namespace]) {
      for (let i = isWildcard ? 0 : 1; i <= labels.length; i++) {
        const entry = this.wildcardHosts.get(`${scope}|${labels.slice(i).join('.')}`);
        if (entry) {
          return entry;
        }
      }
    }
    return undefined;
  }

  private add(obj: KubeObject): void {
    if (!obj || typeof obj.kind !== 'string') {
      return;
    }
    const ofKind = this.byKind.get(obj.kind);
    if (ofKind) {
      ofKind.push(obj);
    } else {
      this.byKind.set(obj.kind, [obj]);
    }
    const namespace = namespaceOf(obj);
    switch (obj.kind) {
      case 'Gateway':
        if (apiGroupOf(obj) === 'networking.istio.io') {
          this.gateways.set(fullNameOf(obj), obj);
          this.istioGatewayList.push(obj);
        } else if (apiGroupOf(obj) === 'gateway.networking.k8s.io') {
          this.kubernetesGateways.set(fullNameOf(obj), obj);
        }
        break;
      case 'Pod': {
        const pod: Workload = { namespace, labels: obj.metadata?.labels ?? {} };
        this.workloads.add(pod);
        if (typeof obj.spec?.nodeName === 'string' && obj.spec.nodeName !== '') {
          this.podNodes.set(pod, obj.spec.nodeName);
        }
        break;
      }
      case 'Node':
        this.nodeLabels.set(obj.metadata?.name ?? '', obj.metadata?.labels ?? {});
        break;
      case 'Namespace':
        this.namespaces.set(String(obj.metadata?.name ?? ''), obj);
        break;
      case 'Service':
        this.addService({ namespace, name: obj.metadata?.name ?? '', selector: obj.spec?.selector, ports: servicePorts(obj.spec?.ports), object: obj }, exportToAnnotation(obj));
        break;
      case 'ServiceEntry':
        this.addServiceEntry(obj, namespace);
        break;
      case 'DestinationRule': {
        const fqdn = toFqdn(namespace, String(obj.spec?.host ?? ''));
        this.destinationRuleHosts.add(fqdn);
        for (const subset of arrayOf(obj.spec?.subsets)) {
          this.subsets.add(`${fqdn}|${subset?.name}`);
        }
        break;
      }
      case 'Secret': {
        const fullName = fullNameOf(obj);
        this.addSecret(namespace, String(obj.metadata?.name ?? ''));
        this.secretObjects.set(fullName, obj);
        break;
      }
      case 'Certificate':
        if (apiGroupOf(obj) === 'cert-manager.io' && typeof obj.spec?.secretName === 'string') {
          this.addSecret(namespace, obj.spec.secretName);
        }
        break;
      case 'MeshGateway':
        this.addMeshGateway(obj, namespace, obj.spec?.labels, obj.spec?.ports);
        break;
      case 'IstioMeshGateway':
        this.addMeshGateway(obj, namespace, {
          ...obj.spec?.deployment?.metadata?.labels,
          ...obj.spec?.deployment?.podMetadata?.labels,
        }, obj.spec?.service?.ports);
        break;
      default:
        if (POD_TEMPLATE_KINDS.has(obj.kind) && obj.spec?.template?.metadata?.labels) {
          this.workloads.add({ namespace, labels: podTemplateOf(obj)!.labels });
        }
    }
  }

  /**
   * The operators (Banzai Cloud MeshGateway, Cisco IstioMeshGateway) label the gateway pods
   * `gateway-name: <name>` and `gateway-type: <spec.type>` on top of the labels asked for, and
   * create a Service named after the gateway with the ports of the spec.
   */
  private addMeshGateway(obj: KubeObject, namespace: string, extraLabels: Labels | undefined, ports: any): void {
    const name = obj.metadata?.name ?? '';
    const labels: Labels = { ...extraLabels, 'gateway-name': name, 'gateway-type': String(obj.spec?.type ?? '') };
    this.addWorkloadWithService(namespace, name, labels, servicePorts(ports));
  }

  private addSecret(namespace: string, name: string): void {
    this.secrets.add(`${namespace}/${name}`);
    this.secretNames.add(name);
  }

  private addDeclaredWorkload(declared: DeclaredWorkload): void {
    const namespace = declared.namespace ?? DEFAULT_NAMESPACE;
    if (declared.ports === undefined) {
      this.workloads.add({ namespace, labels: declared.labels, servicesUnknown: true });
      return;
    }
    const ports = declared.ports.map((number) => ({ number, protocol: 'TCP' }));
    if (declared.serviceName === undefined) {
      this.workloads.add({ namespace, labels: declared.labels });
      this.addService({ namespace, name: '', selector: declared.labels, ports }, []);
      return;
    }
    this.addWorkloadWithService(namespace, declared.serviceName, declared.labels, ports);
  }

  private addWorkloadWithService(namespace: string, name: string, labels: Labels, ports: ServicePort[]): void {
    this.workloads.add({ namespace, labels });
    this.addService({ namespace, name, selector: labels, ports }, [EXPORT_TO_ALL]);
  }

  private addService(service: ServiceInfo, exportTo: string[]): void {
    this.services.push(service);
    const selector = service.selector ?? {};
    for (const key of Object.keys(selector)) {
      appendTo(this.servicesBySelectorLabel, `${service.namespace} ${key}=${selector[key]}`, service);
    }
    const entry: HostEntry = { ports: service.ports, workloadSelector: service.selector };
    for (const scope of exportTo) {
      this.hosts.set(`${scope}|${service.name}.${service.namespace}.${CLUSTER_DOMAIN}`, entry);
    }
  }

  private addServiceEntry(obj: KubeObject, namespace: string): void {
    const entry: HostEntry = {
      ports: arrayOf(obj.spec?.ports).map((p: any) => ({ number: Number(p?.number), name: p?.name, protocol: p?.protocol })),
      workloadSelector: obj.spec?.workloadSelector?.labels,
    };
    const exportTo: string[] = arrayOf(obj.spec?.exportTo);
    const scopes = exportTo.length === 0 || exportTo.includes(EXPORT_TO_ALL)
      ? [EXPORT_TO_ALL]
      : exportTo.map((e) => (e === EXPORT_TO_OWN_NAMESPACE ? namespace : e));
    for (const host of arrayOf(obj.spec?.hosts).map(String)) {
      for (const scope of scopes) {
        if (host === '*' || host.startsWith('*.')) {
          this.wildcardHosts.set(`${scope}|${host === '*' ? '' : host.slice(2)}`, entry);
        } else {
          this.hosts.set(`${scope}|${toFqdn(namespace, host)}`, entry);
        }
      }
    }
  }
}

/**
 * The labels Istio gives the endpoint of a pod on node `nodeName` whose labels are `node`: the
 * node's name, and its region, zone and subzone where set. A subzone counts only below a zone:
 * Istio reads them through a `region/zone/subzone` locality, which ends at the first empty part
 * after the region.
 */
function nodeEndpointLabels(nodeName: string, node: Labels | undefined): Labels {
  const labels: { [key: string]: string } = { [NODE_NAME_LABEL]: nodeName };
  const region = node?.[NODE_REGION_LABEL] ?? '';
  const zone = node?.[NODE_ZONE_LABEL] ?? '';
  const subzone = node?.[NODE_SUBZONE_LABEL] ?? '';
  if (region !== '') {
    labels[NODE_REGION_LABEL] = region;
  }
  if (zone !== '') {
    labels[NODE_ZONE_LABEL] = zone;
    if (subzone !== '') {
      labels[NODE_SUBZONE_LABEL] = subzone;
    }
  }
  return labels;
}

/** The API group of `obj`: `networking.istio.io` of `networking.istio.io/v1`, `` for the core group. */
export function apiGroupOf(obj: KubeObject): string {
  const apiVersion = String(obj.apiVersion ?? '');
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function exportToAnnotation(obj: KubeObject): string[] {
  const value = obj.metadata?.annotations?.[EXPORT_TO_ANNOTATION];
  if (typeof value !== 'string' || value.trim() === '') {
    return [EXPORT_TO_ALL];
  }
  return value.split(',').map((e) => e.trim()).map((e) => (e === EXPORT_TO_OWN_NAMESPACE ? namespaceOf(obj) : e));
}

function servicePorts(ports: any): ServicePort[] {
  return arrayOf(ports).map((p: any) => ({ number: Number(p?.port), name: p?.name, protocol: p?.protocol ?? 'TCP', targetPort: targetPortNumber(p?.targetPort) }));
}

/** A Kubernetes `targetPort` (a number, or a name) as a number, when it is one. */
function targetPortNumber(targetPort: unknown): number | undefined {
  if (typeof targetPort === 'number') {
    return targetPort;
  }
  return typeof targetPort === 'string' && /^[0-9]+$/.test(targetPort) ? Number(targetPort) : undefined;
}

/** `value` when it is an array, else an empty one: the rules read input that may be malformed. */
export function arrayOf(value: any): any[] {
  return Array.isArray(value) ? value : [];
}
