import { Finding, FindingLevel } from '../rules/finding';

/** What a node of the topology stands for. */
export enum TopologyNodeKind {
  /** A host clients ask an ingress gateway for. */
  HOST = 'Host',
  /** The sidecars of the mesh, where traffic to an egress gateway starts. */
  MESH = 'Mesh',
  /** A gateway workload (its Service, or its pod selector) and one of its ports. */
  GATEWAY_PORT = 'GatewayPort',
  /** A server of an Istio Gateway: its port, protocol and TLS mode. */
  SERVER = 'Server',
  /** One rule of a VirtualService bound to a Gateway: its matches and what it does. */
  ROUTE = 'Route',
  /** A host of the mesh a route sends traffic to (a Service, or one of its subsets). */
  SERVICE = 'Service',
  /** A host outside the mesh (a ServiceEntry that is not MESH_INTERNAL) a route sends traffic to. */
  EXTERNAL_HOST = 'ExternalHost',
}

/** A node of the topology. */
export interface TopologyNode {
  /** Its id: made of letters, digits and underscores, stable for the same input. */
  readonly id: string;
  /** What it stands for. */
  readonly kind: TopologyNodeKind;
  /** Its first line: a host, a Gateway's or VirtualService's name, a gateway workload. */
  readonly label: string;
  /** The lines below the label: port and protocol, TLS mode, rule and matches, subset. */
  readonly details: string[];
  /** The objects it is drawn from, as `Kind namespace/name`. */
  readonly objects: string[];
  /** The findings of the analysis about those objects, ordered by level, code and message. */
  readonly findings: Finding[];
  /**
   * The level of its most serious finding.
   * @default - none: no finding concerns it
   */
  readonly level?: FindingLevel;
}

/** An edge of the topology: traffic from one node to another. */
export interface TopologyEdge {
  /** The id of the node traffic comes from. */
  readonly from: string;
  /** The id of the node traffic goes to. */
  readonly to: string;
  /**
   * What the traffic is: a weight, a port, the egress mode.
   * @default - none
   */
  readonly label?: string;
}

/**
 * The edge of a mesh, drawn from its objects: client hosts -> gateway workload and port ->
 * Gateway server -> route -> Service (or subset); mesh -> egress gateway workload and port ->
 * server -> route -> external host. Nodes and edges are sorted, so that the same objects give
 * the same graph.
 */
export interface TopologyGraph {
  /** The nodes, by kind (hosts first, destinations last), then id. */
  readonly nodes: TopologyNode[];
  /** The edges, in the order of the nodes they leave and reach, then by label. */
  readonly edges: TopologyEdge[];
  /** Every finding of the analysis, also those about objects no node is drawn from, in the CLI's order. */
  readonly findings: Finding[];
}
