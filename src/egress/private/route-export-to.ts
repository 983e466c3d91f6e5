import { IConstruct } from 'constructs';
import { invalidInput } from '../../private/errors';
import { rejectPropErrors } from '../../private/release-target';
import { checkExportTo, isExportedTo } from '../../rules/webhook/export-to';
import type { IExternalService } from '../external-service';

/** Where an egress route's VirtualService lives and whom it must reach. */
export interface RouteVisibility {
  /** The VirtualService's namespace, when known. */
  readonly namespace: string | undefined;
  /** The egress gateway workload's namespace, when known: the gateway must see the VirtualService. */
  readonly gatewayNamespace: string | undefined;
  /** The construct path of the egress gateway, for messages. */
  readonly gatewayPath: string;
}

/**
 * The `exportTo` of an egress route's VirtualService. Given, it is checked as Istio admits it
 * and must show the VirtualService to the egress gateway. Not given, it follows the external
 * service's ServiceEntry, plus the gateway's namespace: a VirtualService bound to `mesh` captures
 * the host's traffic in every namespace it is exported to, so one team's egress routing stays
 * with the namespaces that see the host at all.
 *
 * @returns the list, or `undefined` for every namespace (what an unset `exportTo` means)
 */
export function routeExportTo(route: IConstruct, given: readonly string[] | undefined, service: IExternalService, where: RouteVisibility): string[] | undefined {
  if (given !== undefined) {
    rejectPropErrors(route, 'exportTo', given, (report, path) => checkExportTo(report, path, given, where.namespace));
    if (!isExportedTo(given, where.namespace, where.gatewayNamespace)) {
      throw invalidInput(route, 'exportTo', given, `the egress gateway ${where.gatewayPath} runs in namespace ${where.gatewayNamespace}, and would not see the VirtualService: add "${where.gatewayNamespace}" (or "*")`);
    }
    return [...given];
  }
  const serviceExportTo = service.exportTo;
  if (serviceExportTo === undefined || serviceExportTo.length === 0 || serviceExportTo.includes('*')) {
    return undefined;
  }
  const entries: string[] = [];
  const add = (entry: string) => {
    if (!entries.includes(entry)) {
      entries.push(entry);
    }
  };
  for (const entry of serviceExportTo) {
    if (entry === '.') {
      add(ownNamespaceEntry(route, service, where.namespace));
    } else if (entry !== '~') {
      add(entry === where.namespace ? '.' : entry);
    }
  }
  if (!isExportedTo(entries, where.namespace, where.gatewayNamespace)) {
    add(where.gatewayNamespace === where.namespace ? '.' : String(where.gatewayNamespace));
  }
  return entries;
}

/**
 * The service's own namespace as an entry of the VirtualService's list: `.` when the two share
 * a namespace, its name otherwise.
 */
function ownNamespaceEntry(route: IConstruct, service: IExternalService, namespace: string | undefined): string {
  if (service.namespace === namespace) {
    return '.';
  }
  if (service.namespace === undefined) {
    throw invalidInput(route, 'exportTo', undefined, `the external service ${service.node.path} is exported to its own namespace ("."), which is not known, and the VirtualService is in namespace ${namespace}: give the external service a namespace, or give the route an exportTo`);
  }
  return service.namespace;
}
