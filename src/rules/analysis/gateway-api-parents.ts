import { KubeObject } from '../finding';
import { arrayOf, namespaceOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { GATEWAY_API_GROUP, gatewayApiIndexOf, GatewayApiIndex, groupKindOf, ISTIO_GROUP, labelSelectorMatches, readsOnlyNamespaceName, supportedRouteKinds } from './gateway-api';
import { hostsOverlap } from './hosts';
import { findingOf, MESSAGES, quote, Report } from './messages';

/**
 * The parents of each Gateway API route, as Istio attaches a route to them:
 * - IST0101 ReferencedResourceNotFound: the parent Gateway (or, for mesh routes, the Service or
 *   ServiceEntry) is not in the input; a Gateway is taken on trust with `assumeHostsAndSecretsExist`;
 * - CIG0101: no listener of the Gateway has the parentRef's `sectionName` and `port`;
 * - CIG0102: none of the route's `hostnames` intersects the hostname of those listeners;
 * - CIG0103: those listeners' `allowedRoutes` let neither the route's namespace nor its kind in.
 * Checked in that order, as Istio does, and reported once per parentRef. Parents of other kinds
 * are another controller's and are not judged.
 */
export function analyzeGatewayApiParents(context: AnalysisContext, report: Report): void {
  const index = gatewayApiIndexOf(context.index);
  for (const route of index.routes()) {
    for (const parentRef of arrayOf(route.spec?.parentRefs)) {
      const problem = parentProblem(context, index, route, parentRef);
      if (problem) {
        report(problem);
      }
    }
  }
}

function parentProblem(context: AnalysisContext, index: GatewayApiIndex, route: KubeObject, parentRef: any) {
  const { group, kind } = groupKindOf(parentRef, GATEWAY_API_GROUP, 'Gateway');
  const fullName = `${typeof parentRef?.namespace === 'string' ? parentRef.namespace : namespaceOf(route)}/${String(parentRef?.name ?? '')}`;
  if (group === ISTIO_GROUP && kind === 'ServiceEntry') {
    return index.hasServiceEntry(fullName) ? undefined : findingOf(MESSAGES.ReferencedResourceNotFound, route, `Referenced parent ServiceEntry not found: ${quote(fullName)}`);
  }
  if (group === '' && kind === 'Service') {
    return index.servicePorts(fullName) ? undefined : findingOf(MESSAGES.ReferencedResourceNotFound, route, `Referenced parent Service not found: ${quote(fullName)}`);
  }
  if (group !== GATEWAY_API_GROUP || kind !== 'Gateway') {
    return undefined;
  }
  const gateway = index.gateway(fullName);
  if (gateway === undefined && context.assumeHostsAndSecretsExist) {
    context.assumed.gateways.add(fullName);
    return undefined;
  }
  if (gateway === undefined) {
    return findingOf(MESSAGES.ReferencedResourceNotFound, route, `Referenced parent Gateway not found: ${quote(fullName)}`);
  }
  const listeners = arrayOf(gateway.spec?.listeners).filter((l: any) => (parentRef.sectionName === undefined || l?.name === parentRef.sectionName)
    && (parentRef.port === undefined || l?.port === parentRef.port));
  const section = [parentRef.sectionName === undefined ? '' : ` sectionName ${quote(parentRef.sectionName)}`, parentRef.port === undefined ? '' : ` port ${parentRef.port}`].join('');
  if (listeners.length === 0) {
    return findingOf(MESSAGES.GatewayApiNoMatchingListener, route, `Gateway ${fullName} has no listener with${section}`);
  }
  const hostnames: string[] = arrayOf(route.spec?.hostnames).map(String);
  const byHostname = listeners.filter((l: any) => listenerHostnameMatches(l?.hostname, hostnames));
  if (byHostname.length === 0) {
    return findingOf(MESSAGES.GatewayApiNoMatchingListenerHostname, route,
      `no hostname of the route ${quote(hostnames.join(', '))} matches a listener hostname of Gateway ${fullName}${section} (${listeners.map((l: any) => quote(l?.hostname ?? '')).join(', ')})`);
  }
  if (!byHostname.some((l: any) => listenerAllows(index, l, namespaceOf(gateway), route))) {
    return findingOf(MESSAGES.GatewayApiNotAllowedByListeners, route,
      `the listeners of Gateway ${fullName}${section} do not allow kind ${route.kind} from namespace ${quote(namespaceOf(route))}`);
  }
  return undefined;
}

/** A listener without a hostname takes every route; a route without hostnames takes every listener. */
function listenerHostnameMatches(listenerHostname: unknown, routeHostnames: readonly string[]): boolean {
  if (typeof listenerHostname !== 'string' || listenerHostname === '' || routeHostnames.length === 0) {
    return true;
  }
  return routeHostnames.some((hostname) => hostsOverlap(listenerHostname, hostname));
}

/**
 * True when `listener` takes `route` by its `allowedRoutes`: namespaces `Same` (the default),
 * `All` or those a `Selector` selects, and the kinds it lists (else those of its protocol). A
 * selector is judged on the labels of the route's Namespace in the input; without it, only one
 * that needs no more than the namespace's name label can be judged, and any other is trusted.
 */
function listenerAllows(index: GatewayApiIndex, listener: any, gatewayNamespace: string, route: KubeObject): boolean {
  const allowed = listener?.allowedRoutes;
  const kinds = arrayOf(allowed?.kinds).length > 0
    ? arrayOf(allowed.kinds).filter((k: any) => (k?.group ?? GATEWAY_API_GROUP) === GATEWAY_API_GROUP).map((k: any) => String(k?.kind))
    : supportedRouteKinds(listener);
  if (!kinds.includes(route.kind)) {
    return false;
  }
  const routeNamespace = namespaceOf(route);
  switch (allowed?.namespaces?.from ?? 'Same') {
    case 'All':
      return true;
    case 'Selector': {
      const selector = allowed.namespaces.selector;
      const { labels, known } = index.labelsOfNamespace(routeNamespace);
      return labelSelectorMatches(selector, labels) || (!known && !readsOnlyNamespaceName(selector));
    }
    default:
      return routeNamespace === gatewayNamespace;
  }
}
