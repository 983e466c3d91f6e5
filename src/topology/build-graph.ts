import { HostIndex, withoutNamespace } from '../rules/analysis/hosts';
import { analyze, AnalysisOptions } from '../rules/analyze';
import { Finding, formatFinding, KubeObject, sortedDistinct } from '../rules/finding';
import { appendTo } from '../rules/multimap';
import { arrayOf, fullNameOf, Labels, MeshIndex, MeshIndexOptions, namespaceOf, selectorKey, ServiceInfo, toFqdn } from '../rules/mesh-index';
import { TopologyEdge, TopologyGraph, TopologyNode, TopologyNodeKind } from './graph';
import { describeMatches, describeRule, RouteSection, ROUTE_SECTIONS, serverSection } from './routes';

const MESH_GATEWAY = 'mesh';
const KIND_ORDER: readonly TopologyNodeKind[] = [
  TopologyNodeKind.HOST, TopologyNodeKind.MESH, TopologyNodeKind.GATEWAY_PORT, TopologyNodeKind.SERVER,
  TopologyNodeKind.ROUTE, TopologyNodeKind.SERVICE, TopologyNodeKind.EXTERNAL_HOST,
];
const KIND_RANK: { readonly [kind: string]: number } = Object.fromEntries(KIND_ORDER.map((kind, i) => [kind, i]));
const ID_PREFIX: { readonly [kind: string]: string } = {
  [TopologyNodeKind.HOST]: 'host',
  [TopologyNodeKind.MESH]: 'mesh',
  [TopologyNodeKind.GATEWAY_PORT]: 'gw',
  [TopologyNodeKind.SERVER]: 'server',
  [TopologyNodeKind.ROUTE]: 'route',
  [TopologyNodeKind.SERVICE]: 'svc',
  [TopologyNodeKind.EXTERNAL_HOST]: 'ext',
};

/** A node while the graph is built: keyed by what it stands for, its id given at the end. */
interface DraftNode {
  readonly key: string;
  readonly kind: TopologyNodeKind;
  readonly label: string;
  readonly details: string[];
  readonly objects: string[];
}

interface DraftEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

/** The workload a Gateway selects, as the graph names it. */
interface GatewayWorkload {
  /** What tells it from other workloads: its Services, else its selector. */
  readonly id: string;
  readonly label: string;
  readonly services: readonly ServiceInfo[];
}

/** A server of a Gateway, found by the hosts it serves. */
interface IndexedServer {
  readonly key: string;
  readonly server: any;
  /** The namespace whose VirtualServices may bind to the host (`*` for all). */
  readonly scope: string;
}

/**
 * The graph of `objects` with the findings of their analysis by `options` marked on it: the
 * graph draws what the analysis reads, default gateways and declared workloads included.
 */
export function topologyOf(objects: readonly KubeObject[], options: AnalysisOptions = {}): TopologyGraph {
  return buildTopology(objects, analyze(objects, options), options);
}

/**
 * Draws the edge of the mesh that `objects` configure (see `TopologyGraph`), marking each node
 * with the `findings` about the objects it is drawn from; `options` say which gateways the mesh
 * provides, as for the analysis. It reads what the analysis reads,
 * through the same index, and looks everything up by key: the graph of ten thousand routes
 * costs about what their analysis does.
 */
export function buildTopology(objects: readonly KubeObject[], findings: readonly Finding[], options: AnalysisOptions): TopologyGraph {
  const indexOptions: MeshIndexOptions = { defaultGateway: options.defaultGateway ?? true, workloads: options.workloads ?? [], meshConfig: options.meshConfig };
  return new TopologyBuilder(objects, indexOptions).build(findings);
}

class TopologyBuilder {
  private readonly index: MeshIndex;
  private readonly nodes = new Map<string, DraftNode>();
  private readonly edges = new Map<string, DraftEdge>();
  private readonly present = new Set<string>();
  /** Gateway workload ids by the host of each of their Services. */
  private readonly gatewayServices = new Map<string, GatewayWorkload>();
  /** The server hosts of each gateway port node, for the host nodes drawn in front of ingress gateways. */
  private readonly serverHosts = new Map<string, string[]>();
  /** The gateway port nodes the sidecars send traffic to: egress gateways, which no client host reaches. */
  private readonly meshTargets = new Set<string>();
  private readonly serversByGateway = new Map<KubeObject, HostIndex<IndexedServer>>();
  private readonly destinationRules = new Map<string, KubeObject[]>();
  private readonly serviceEntries = new HostIndex<KubeObject>();

  constructor(objects: readonly KubeObject[], indexOptions: MeshIndexOptions) {
    const valid = objects.filter((o) => o && typeof o.kind === 'string');
    this.index = new MeshIndex(valid, indexOptions);
    for (const obj of valid) {
      this.present.add(objectName(obj.kind, namespaceOf(obj), obj.metadata?.name ?? ''));
    }
    for (const rule of this.index.ofKind('DestinationRule')) {
      appendTo(this.destinationRules, toFqdn(namespaceOf(rule), String(rule.spec?.host ?? '')), rule);
    }
    for (const entry of this.index.ofKind('ServiceEntry')) {
      for (const host of arrayOf(entry.spec?.hosts).map(String)) {
        this.serviceEntries.add(toFqdn(namespaceOf(entry), host), entry);
      }
    }
  }

  public build(findings: readonly Finding[]): TopologyGraph {
    for (const gateway of this.index.istioGateways()) {
      this.addGateway(gateway);
    }
    for (const vs of this.index.ofKind('VirtualService')) {
      this.addVirtualService(vs);
    }
    for (const [gatewayPort, hosts] of this.serverHosts) {
      if (!this.meshTargets.has(gatewayPort)) {
        for (const host of hosts) {
          this.addEdge(this.addNode(`host|${host}`, TopologyNodeKind.HOST, host, [], []), gatewayPort);
        }
      }
    }
    return this.finish(findings);
  }

  private addGateway(gateway: KubeObject): void {
    const workload = this.workloadOf(gateway);
    for (const service of workload.services) {
      this.gatewayServices.set(`${service.name}.${service.namespace}.svc.cluster.local`, workload);
    }
    const servers = new HostIndex<IndexedServer>();
    this.serversByGateway.set(gateway, servers);
    // Servers of one Gateway that look alike (port, protocol, TLS mode) are one node, as Istio
    // merges them into one listener: a Gateway with a server per exposed host draws one box, and
    // a wildcard VirtualService bound to it finds one server, not one per host.
    const alike = new Map<string, string>();
    const indexed = new Map<string, IndexedServer>();
    arrayOf(gateway.spec?.servers).forEach((server: any, i: number) => {
      const port = Number(server?.port?.number);
      const gatewayPort = this.addGatewayPort(workload, port);
      const protocol = String(server?.port?.protocol ?? '').toUpperCase();
      const mode = server?.tls?.mode;
      const redirects = server?.tls?.httpsRedirect === true;
      const details = [`port ${port} ${protocol}`, ...(mode === undefined ? [] : [`TLS ${String(mode)}`]), ...(redirects ? ['redirects to HTTPS'] : [])];
      const looks = details.join('\n');
      let key = alike.get(looks);
      if (key === undefined) {
        key = this.addNode(`server|${fullNameOf(gateway)}|${i}`, TopologyNodeKind.SERVER, `Gateway ${fullNameOf(gateway)}`, details,
          [objectName('Gateway', namespaceOf(gateway), gateway.metadata?.name ?? '')]);
        alike.set(looks, key);
        this.addEdge(gatewayPort, key);
      }
      for (const serverHost of arrayOf(server?.hosts).map(String)) {
        const host = withoutNamespace(serverHost);
        appendTo(this.serverHosts, gatewayPort, host);
        // The gateway answers every request on such a server with a redirect: no route applies.
        if (!redirects) {
          const scope = hostScope(serverHost, namespaceOf(gateway));
          const entry = `${key}\n${scope}`;
          if (!indexed.has(entry)) {
            indexed.set(entry, { key, server, scope });
          }
          servers.add(host, indexed.get(entry)!);
        }
      }
    });
  }

  private addVirtualService(vs: KubeObject): void {
    const namespace = namespaceOf(vs);
    const declared: string[] = arrayOf(vs.spec?.gateways).map(String);
    const gateways = declared.length === 0 ? [MESH_GATEWAY] : declared;
    const hosts: string[] = arrayOf(vs.spec?.hosts).map(String);
    for (const section of ROUTE_SECTIONS) {
      arrayOf(vs.spec?.[section]).forEach((rule: any, i: number) => {
        const matches = arrayOf(rule?.match);
        const targets = matches.length === 0
          ? gateways.map((gateway) => ({ gateway, port: undefined as number | undefined }))
          : matches.flatMap((m: any) => {
            const own: string[] = arrayOf(m?.gateways).map(String);
            return (own.length === 0 ? gateways : own).map((gateway) => ({ gateway, port: typeof m?.port === 'number' ? m.port : undefined }));
          });
        if (targets.some((t) => t.gateway === MESH_GATEWAY)) {
          this.addMeshHop(rule, namespace);
        }
        const bound = targets.filter((t) => t.gateway !== MESH_GATEWAY);
        if (bound.length === 0) {
          return;
        }
        const route = this.addNode(`route|${fullNameOf(vs)}|${section}|${i}`, TopologyNodeKind.ROUTE, `VirtualService ${fullNameOf(vs)}`,
          [describeRule(section, i, rule), describeMatches(section, matches)], [objectName('VirtualService', namespace, vs.metadata?.name ?? '')]);
        for (const target of bound) {
          const gateway = this.index.gateway(target.gateway.includes('/') ? target.gateway : `${namespace}/${target.gateway}`);
          for (const server of gateway ? this.serversFor(gateway, hosts, namespace, section, target.port) : []) {
            this.addEdge(server, route);
          }
        }
        this.addDestinations(route, rule, namespace, section);
      });
    }
  }

  /** A rule of the sidecars that sends traffic to a gateway's Service: the first hop of egress. */
  private addMeshHop(rule: any, namespace: string): void {
    for (const destination of arrayOf(rule?.route).map((r: any) => r?.destination)) {
      const workload = this.gatewayServices.get(toFqdn(namespace, String(destination?.host ?? '')));
      const port = destination?.port?.number;
      if (workload && typeof port === 'number') {
        const gatewayPort = this.addGatewayPort(workload, port);
        this.meshTargets.add(gatewayPort);
        this.addEdge(this.addNode(MESH_GATEWAY, TopologyNodeKind.MESH, 'mesh', ['sidecars'], []), gatewayPort);
      }
    }
  }

  /** The servers of `gateway` a rule of `section` on `port` (any, when undefined) of a VirtualService for `hosts` in `namespace` applies to. */
  private serversFor(gateway: KubeObject, hosts: readonly string[], namespace: string, section: RouteSection, port: number | undefined): string[] {
    const found = new Set<string>();
    for (const host of hosts) {
      for (const server of this.serversByGateway.get(gateway)?.overlapping(host) ?? []) {
        if ((server.scope === '*' || server.scope === namespace)
          && serverSection(server.server) === section
          && (port === undefined || Number(server.server?.port?.number) === port)) {
          found.add(server.key);
        }
      }
    }
    return [...found];
  }

  private addDestinations(route: string, rule: any, namespace: string, section: RouteSection): void {
    for (const entry of arrayOf(rule?.route)) {
      const destination = entry?.destination;
      const fqdn = toFqdn(namespace, String(destination?.host ?? ''));
      const port: number | undefined = typeof destination?.port?.number === 'number' ? destination.port.number : undefined;
      const weight = typeof entry?.weight === 'number' ? [`weight ${entry.weight}`] : [];
      const portLabel = port === undefined ? [] : [`port ${port}`];
      const rules = this.destinationRules.get(fqdn) ?? [];
      const entries = this.serviceEntries.overlapping(fqdn);
      const ruleNames = rules.map((r) => objectName('DestinationRule', namespaceOf(r), r.metadata?.name ?? ''));
      const entryNames = [...new Set(entries)].map((e) => objectName('ServiceEntry', namespaceOf(e), e.metadata?.name ?? ''));
      if (entries.some((e) => e.spec?.location !== 'MESH_INTERNAL')) {
        const key = this.addNode(`ext|${fqdn}`, TopologyNodeKind.EXTERNAL_HOST, fqdn, [], [...entryNames, ...ruleNames]);
        this.addEdge(route, key, [egressMode(section, rules, port), ...portLabel, ...weight].join(', '));
        continue;
      }
      const subset = destination?.subset === undefined ? '' : String(destination.subset);
      const key = this.addNode(`svc|${fqdn}|${subset}`, TopologyNodeKind.SERVICE, fqdn, subset === '' ? [] : [`subset ${subset}`],
        [...serviceNames(fqdn), ...entryNames, ...ruleNames]);
      this.addEdge(route, key, [...portLabel, ...weight].join(', '));
    }
  }

  private workloadOf(gateway: KubeObject): GatewayWorkload {
    const selector: Labels = gateway.spec?.selector && typeof gateway.spec.selector === 'object' ? gateway.spec.selector : {};
    const workloads = this.index.selectWorkloads(selector);
    const services = new Map<string, ServiceInfo>();
    for (const workload of workloads) {
      for (const service of this.index.servicesOf(workload).filter((s) => s.name !== '')) {
        services.set(`${service.namespace}/${service.name}`, service);
      }
    }
    const names = [...services.keys()].sort();
    if (names.length > 0) {
      return { id: names.join(','), label: names.join(', '), services: names.map((n) => services.get(n)!) };
    }
    const key = selectorKey(selector);
    return { id: `selector ${key}`, label: workloads.length > 0 ? `pods ${key}` : `${key} (no workload found)`, services: [] };
  }

  private addGatewayPort(workload: GatewayWorkload, port: number): string {
    const key = `gw|${workload.id}|${port}`;
    // Every server of every Gateway on this workload and port comes here: build the node once.
    if (this.nodes.has(key)) {
      return key;
    }
    const objects = workload.services.flatMap((s) => ['Service', 'MeshGateway', 'IstioMeshGateway'].map((kind) => objectName(kind, s.namespace, s.name)));
    return this.addNode(key, TopologyNodeKind.GATEWAY_PORT, workload.label, [`port ${port}`], objects);
  }

  private addNode(key: string, kind: TopologyNodeKind, label: string, details: string[], objects: string[]): string {
    if (!this.nodes.has(key)) {
      const present = objects.filter((o) => this.present.has(o));
      this.nodes.set(key, { key, kind, label, details, objects: present.length < 2 ? present : [...new Set(present)].sort() });
    }
    return key;
  }

  private addEdge(from: string, to: string, label = ''): void {
    this.edges.set(`${from}\n${to}\n${label}`, { from, to, label });
  }

  private finish(findings: readonly Finding[]): TopologyGraph {
    const ordered = sortedDistinct(findings.map((finding) => ({ finding })), (f) => formatFinding(f.finding)).map((f) => f.finding);
    const byObject = new Map<string, Finding[]>();
    for (const finding of ordered) {
      appendTo(byObject, objectName(finding.kind, finding.namespace, finding.name), finding);
    }
    const drafts = [...this.nodes.values()].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || compare(a.key, b.key));
    const ids = new Map<string, string>();
    const taken = new Set<string>();
    for (const draft of drafts) {
      const base = `${ID_PREFIX[draft.kind]}${draft.key.includes('|') ? `_${draft.key.slice(draft.key.indexOf('|') + 1)}` : ''}`.replace(/[^A-Za-z0-9]+/g, '_').replace(/_$/, '');
      let id = base;
      for (let n = 2; taken.has(id); n++) {
        id = `${base}_${n}`;
      }
      taken.add(id);
      ids.set(draft.key, id);
    }
    const nodes: TopologyNode[] = drafts.map((draft) => {
      const about = draft.objects.flatMap((o) => byObject.get(o) ?? []);
      const nodeFindings = about.length < 2 ? about : sortedDistinct(about.map((finding) => ({ finding })), (f) => formatFinding(f.finding)).map((f) => f.finding);
      return {
        id: ids.get(draft.key)!,
        kind: draft.kind,
        label: draft.label,
        details: draft.details,
        objects: draft.objects,
        findings: nodeFindings,
        ...(nodeFindings.length > 0 ? { level: nodeFindings[0].level } : {}),
      };
    });
    const position = new Map(drafts.map((d, i) => [d.key, i]));
    // the positions looked up once per edge, not once per comparison
    const edges: TopologyEdge[] = [...this.edges.values()]
      .map((edge) => ({ edge, from: position.get(edge.from)!, to: position.get(edge.to)! }))
      .sort((a, b) => a.from - b.from || a.to - b.to || compare(a.edge.label, b.edge.label))
      .map(({ edge: e }) => ({ from: ids.get(e.from)!, to: ids.get(e.to)!, ...(e.label === '' ? {} : { label: e.label }) }));
    return { nodes, edges, findings: ordered };
  }
}

/** How an egress route reaches its external host: by the section of its rule, and TLS origination by a DestinationRule. */
function egressMode(section: RouteSection, rules: readonly KubeObject[], port: number | undefined): string {
  if (section === 'tcp') {
    return 'TCP';
  }
  if (section === 'tls') {
    return 'TLS passthrough';
  }
  return rules.some((rule) => originatesTls(rule, port)) ? 'TLS origination' : 'HTTP';
}

/** True when `rule` makes the sidecar or gateway that applies it open TLS to the host on `port`. */
function originatesTls(rule: KubeObject, port: number | undefined): boolean {
  const policy = rule.spec?.trafficPolicy;
  const portLevel = arrayOf(policy?.portLevelSettings).find((p: any) => port !== undefined && Number(p?.port?.number) === port);
  const mode = (portLevel?.tls ?? policy?.tls)?.mode;
  return mode === 'SIMPLE' || mode === 'MUTUAL';
}

/** The Service a cluster-local host names: `Service ns/name` for `name.ns.svc.cluster.local`. */
function serviceNames(fqdn: string): string[] {
  const match = /^([^.]+)\.([^.]+)\.svc\.cluster\.local$/.exec(fqdn);
  return match ? [objectName('Service', match[2], match[1])] : [];
}

/** The namespace whose VirtualServices a server host `ns/host` is for (`*` for every namespace). */
function hostScope(serverHost: string, gatewayNamespace: string): string {
  const slash = serverHost.indexOf('/');
  if (slash < 0) {
    return '*';
  }
  const scope = serverHost.slice(0, slash);
  return scope === '.' ? gatewayNamespace : scope;
}

/** An object as nodes name it: `Kind namespace/name`. */
function objectName(kind: string, namespace: string | undefined, name: string): string {
  return namespace === undefined ? `${kind} ${name}` : `${kind} ${namespace}/${name}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
