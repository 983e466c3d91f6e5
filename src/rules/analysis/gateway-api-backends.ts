import { Finding, KubeObject } from '../finding';
import { arrayOf, namespaceOf, toFqdn } from '../mesh-index';
import { AnalysisContext } from './context';
import { GATEWAY_API_GROUP, gatewayApiIndexOf, GatewayApiIndex, groupKindOf, ISTIO_GROUP } from './gateway-api';
import { findingOf, MESSAGES, quote, Report } from './messages';

/**
 * The backends of each Gateway API route (`backendRefs` of its rules and the backends its
 * `RequestMirror` filters send copies to), resolved as Istio resolves them:
 * - CIG0104 RefNotPermitted: a backend in another namespace that no ReferenceGrant there allows;
 * - CIG0105 InvalidBackend: a kind Istio does not route to (a ServiceEntry is reached as kind
 *   `Hostname` of `networking.istio.io`), a Service named by its host name, a `Hostname` with a
 *   namespace, or any backend without a port (the CRD requires one for a Service only; Istio for all);
 * - IST0101 ReferencedResourceNotFound: a Service that is neither in the input nor deployed by Istio
 *   for a Gateway of class `istio` (`<gateway>-istio`), or a `Hostname` no Service or ServiceEntry
 *   defines; unless hosts are assumed to exist elsewhere (`assumeHostsAndSecretsExist`).
 */
export function analyzeGatewayApiBackends(context: AnalysisContext, report: Report): void {
  const index = gatewayApiIndexOf(context.index);
  for (const route of index.routes()) {
    for (const backendRef of backendRefsOf(route)) {
      const problem = backendProblem(context, index, route, backendRef);
      if (problem) {
        report(problem);
      }
    }
  }
}

/** The backends a route sends requests, or copies of them, to. */
function backendRefsOf(route: KubeObject): any[] {
  const refs: any[] = [];
  const mirrors = (filters: unknown) => arrayOf(filters).map((f: any) => f?.requestMirror?.backendRef).filter((ref: any) => ref !== undefined);
  for (const rule of arrayOf(route.spec?.rules)) {
    refs.push(...mirrors(rule?.filters));
    for (const backendRef of arrayOf(rule?.backendRefs)) {
      refs.push(backendRef, ...mirrors(backendRef?.filters));
    }
  }
  return refs;
}

function backendProblem(context: AnalysisContext, index: GatewayApiIndex, route: KubeObject, ref: any): Finding | undefined {
  const { group, kind } = groupKindOf(ref, '', 'Service');
  const routeNamespace = namespaceOf(route);
  const name = String(ref?.name ?? '');
  const namespace = typeof ref?.namespace === 'string' ? ref.namespace : routeNamespace;
  const invalid = (message: string) => findingOf(MESSAGES.GatewayApiInvalidBackend, route, message);
  if (namespace !== routeNamespace && !index.referenceAllowed({ group: GATEWAY_API_GROUP, kind: route.kind, namespace: routeNamespace }, { group, kind, namespace, name })) {
    return findingOf(MESSAGES.GatewayApiRefNotPermitted, route,
      `backendRef ${name}/${namespace} not accessible to a ${route.kind} in namespace ${quote(routeNamespace)} (missing a ReferenceGrant?)`);
  }
  let notFound: string | undefined;
  if (group === '' && kind === 'Service') {
    if (name.includes('.')) {
      return invalid(`backendRef ${quote(name)}: service name invalid; the name of the Service must be used, not the hostname`);
    }
    if (index.servicePorts(`${namespace}/${name}`) === undefined) {
      notFound = toFqdn(namespace, name);
    }
  } else if (group === ISTIO_GROUP && kind === 'Hostname') {
    if (typeof ref?.namespace === 'string') {
      return invalid(`backendRef ${quote(name)}: namespace may not be set with Hostname type`);
    }
    if (context.index.resolveHost(routeNamespace, undefined, name) === undefined) {
      notFound = name;
    }
  } else {
    return invalid(`referencing unsupported backendRef: group ${quote(group)} kind ${quote(kind)}${kind === 'ServiceEntry' ? ' (refer to a host of the ServiceEntry as kind "Hostname")' : ''}`);
  }
  if (ref?.port === undefined) {
    return invalid(`backendRef ${quote(name)}: port is required in backendRef`);
  }
  if (notFound !== undefined) {
    if (!context.assumeHostsAndSecretsExist) {
      return findingOf(MESSAGES.ReferencedResourceNotFound, route, `Referenced backend not found: ${quote(notFound)}`);
    }
    context.assumed.hosts.add(notFound);
  }
  return undefined;
}
