import { KubeObject } from '../finding';
import { apiGroupOf, arrayOf, Labels, MeshIndex, namespaceOf, ServicePort } from '../mesh-index';
import { appendTo } from '../multimap';

/** The Kubernetes Gateway API's group. */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
/** Istio's group, which Gateway API references name for a ServiceEntry or a `Hostname`. */
export const ISTIO_GROUP = 'networking.istio.io';
/** The route kinds of the Gateway API's standard channel. */
export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute'] as const;

/** The classes of the Gateways Istio deploys itself (automated deployment). */
const MANAGED_CLASS = 'istio';
/** The label the API server gives every Namespace, so that selectors can name one. */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** A reference's group and kind with the Gateway API's defaults for when they are not set. */
export function groupKindOf(ref: any, defaultGroup: string, defaultKind: string): { group: string; kind: string } {
  return {
    group: typeof ref?.group === 'string' ? ref.group : defaultGroup,
    kind: typeof ref?.kind === 'string' && ref.kind !== '' ? ref.kind : defaultKind,
  };
}

/** The route kinds a listener takes by its protocol, as Istio lists them in its `supportedKinds`. */
export function supportedRouteKinds(listener: any): string[] {
  switch (listener?.protocol) {
    case 'HTTP':
    case 'HTTPS':
      return ['HTTPRoute', 'GRPCRoute'];
    case 'TCP':
      return ['TCPRoute'];
    case 'TLS':
      return (listener.tls?.mode ?? 'Terminate') === 'Terminate' ? ['TLSRoute', 'TCPRoute'] : ['TLSRoute'];
    default:
      return [];
  }
}

/**
 * What the Gateway API analyzers look up, built once per analysis from the objects of the
 * Gateway API and the Services, ServiceEntries and Namespaces of the input.
 */
export class GatewayApiIndex {
  /** Each kind of the Gateway API group, in input order. */
  private readonly byKind = new Map<string, KubeObject[]>();
  /** `namespace/name` of the Services, given or deployed by Istio for a Gateway of class `istio`, with their ports. */
  private readonly services = new Map<string, ServicePort[]>();
  private readonly serviceEntries = new Set<string>();
  private readonly namespaceLabels = new Map<string, Labels>();
  /** `fromGroup|fromKind|fromNamespace|toNamespace|toGroup|toKind` to the names a ReferenceGrant allows ('' for all). */
  private readonly grants = new Map<string, string[]>();

  constructor(private readonly mesh: MeshIndex) {
    for (const kind of ['Gateway', ...ROUTE_KINDS, 'ReferenceGrant']) {
      this.byKind.set(kind, mesh.ofKind(kind).filter((obj) => apiGroupOf(obj) === GATEWAY_API_GROUP));
    }
    for (const service of mesh.ofKind('Service')) {
      if (apiGroupOf(service) === '') {
        this.services.set(`${namespaceOf(service)}/${service.metadata?.name ?? ''}`, arrayOf(service.spec?.ports).map((p: any) => ({ number: Number(p?.port) })));
      }
    }
    for (const gateway of this.ofKind('Gateway')) {
      if (gateway.spec?.gatewayClassName === MANAGED_CLASS && !arrayOf(gateway.spec?.addresses).some((a: any) => a?.type === 'Hostname')) {
        const key = `${namespaceOf(gateway)}/${gateway.metadata?.name ?? ''}-${MANAGED_CLASS}`;
        if (!this.services.has(key)) {
          this.services.set(key, arrayOf(gateway.spec?.listeners).map((l: any) => ({ number: Number(l?.port) })));
        }
      }
    }
    for (const entry of mesh.ofKind('ServiceEntry')) {
      if (apiGroupOf(entry) === ISTIO_GROUP) {
        this.serviceEntries.add(`${namespaceOf(entry)}/${entry.metadata?.name ?? ''}`);
      }
    }
    for (const namespace of mesh.ofKind('Namespace')) {
      const name = namespace.metadata?.name ?? '';
      this.namespaceLabels.set(name, { ...namespace.metadata?.labels, [NAMESPACE_NAME_LABEL]: name });
    }
    for (const grant of this.ofKind('ReferenceGrant')) {
      for (const from of arrayOf(grant.spec?.from)) {
        for (const to of arrayOf(grant.spec?.to)) {
          const key = grantKey(String(from?.group ?? ''), String(from?.kind ?? ''), String(from?.namespace ?? ''), namespaceOf(grant), String(to?.group ?? ''), String(to?.kind ?? ''));
          appendTo(this.grants, key, typeof to?.name === 'string' ? to.name : '');
        }
      }
    }
  }

  /** The objects of a Gateway API kind, in input order. */
  public ofKind(kind: string): readonly KubeObject[] {
    return this.byKind.get(kind) ?? [];
  }

  /** The routes of every kind, in input order by kind. */
  public routes(): KubeObject[] {
    return ROUTE_KINDS.flatMap((kind) => this.ofKind(kind));
  }

  /** The Gateway API Gateway `namespace/name`. */
  public gateway(fullName: string): KubeObject | undefined {
    return this.mesh.kubernetesGateway(fullName);
  }

  /** The ports of the Service `namespace/name`, when the input holds it or Istio deploys it for a Gateway. */
  public servicePorts(fullName: string): readonly ServicePort[] | undefined {
    return this.services.get(fullName);
  }

  /** True when the input holds the ServiceEntry `namespace/name`. */
  public hasServiceEntry(fullName: string): boolean {
    return this.serviceEntries.has(fullName);
  }

  /**
   * The labels of `namespace`: those of its Namespace object in the input, else only the name
   * label the API server gives it; `known` says which.
   */
  public labelsOfNamespace(namespace: string): { labels: Labels; known: boolean } {
    const labels = this.namespaceLabels.get(namespace);
    return labels ? { labels, known: true } : { labels: { [NAMESPACE_NAME_LABEL]: namespace }, known: false };
  }

  /** True when a ReferenceGrant in `to.namespace` lets objects of `from` refer to the object `to`. */
  public referenceAllowed(from: { group: string; kind: string; namespace: string }, to: { group: string; kind: string; namespace: string; name: string }): boolean {
    const names = this.grants.get(grantKey(from.group, from.kind, from.namespace, to.namespace, to.group, to.kind)) ?? [];
    return names.includes('') || names.includes(to.name);
  }
}

function grantKey(fromGroup: string, fromKind: string, fromNamespace: string, toNamespace: string, toGroup: string, toKind: string): string {
  return `${fromGroup}|${fromKind}|${fromNamespace}|${toNamespace}|${toGroup}|${toKind}`;
}

const indexes = new WeakMap<MeshIndex, GatewayApiIndex>();

/** The Gateway API index of `mesh`, built the first time an analyzer asks for it. */
export function gatewayApiIndexOf(mesh: MeshIndex): GatewayApiIndex {
  let index = indexes.get(mesh);
  if (index === undefined) {
    index = new GatewayApiIndex(mesh);
    indexes.set(mesh, index);
  }
  return index;
}

/** True when `selector` reads no label but the name label every Namespace has. */
export function readsOnlyNamespaceName(selector: any): boolean {
  return Object.keys(selector?.matchLabels ?? {}).every((key) => key === NAMESPACE_NAME_LABEL)
    && arrayOf(selector?.matchExpressions).every((expression: any) => expression?.key === NAMESPACE_NAME_LABEL);
}

/**
 * True when `selector` (a LabelSelector: matchLabels and matchExpressions) selects `labels`.
 * An empty selector selects everything.
 */
export function labelSelectorMatches(selector: any, labels: Labels): boolean {
  const matchLabels = selector?.matchLabels ?? {};
  if (Object.keys(matchLabels).some((key) => labels[key] !== matchLabels[key])) {
    return false;
  }
  return arrayOf(selector?.matchExpressions).every((expression: any) => {
    const value = labels[expression?.key];
    const values: string[] = arrayOf(expression?.values);
    switch (expression?.operator) {
      case 'In':
        return value !== undefined && values.includes(value);
      case 'NotIn':
        return value === undefined || !values.includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
}
