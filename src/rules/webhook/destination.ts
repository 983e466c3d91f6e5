import { IstioRelease } from '../istio-release';
import { isDnsLabel, fqdnProblem, wildcardDomainProblem } from './names';
import { portProblem } from './net';
import { forEachItem } from './items';
import { Report } from './report';
import { checkHeaderOperations } from './headers';
import { RELATIVE_WEIGHTS } from './release-history';
import { isSet, listAt, numberAt, objectAt, stringAt } from './values';

/** Reports a destination Istio rejects: `*` or an invalid host, an invalid subset name or port. */
export function checkDestination(report: Report, path: string, destination: { [key: string]: any }): void {
  report.errorIf(`${path}.host`, destinationHostProblem(stringAt(destination.host)));
  if (destination.subset !== undefined && destination.subset !== null) {
    report.errorIf(`${path}.subset`, subsetNameProblem(stringAt(destination.subset)));
  }
  const port = objectAt(destination.port);
  if (port) {
    report.errorIf(`${path}.port.number`, portProblem(port.number));
  }
}

/** Why `host` cannot be the host of a route destination, or undefined. */
export function destinationHostProblem(host: string): string | undefined {
  return host === '*' ? 'invalid destination host "*": name a service' : wildcardDomainProblem(host);
}

/** Why `name` cannot name a DestinationRule subset, or undefined. */
export function subsetNameProblem(name: string): string | undefined {
  if (name === '') {
    return 'subset name cannot be empty';
  }
  return isDnsLabel(name) ? undefined : `invalid subset name "${name}": expected a DNS-1123 label`;
}

/**
 * Reports the weighted destinations of a route: each needs a destination and a non-negative
 * weight, and a split over several destinations cannot weigh nothing in total.
 * @param withHeaders HTTP destinations may also manipulate headers
 */
export function checkRouteDestinations(report: Report, path: string, routes: unknown, withHeaders: boolean): void {
  const list = listAt(routes);
  let total = 0;
  forEachItem(report, path, list, 'a route destination', (route, where) => {
    const destination = objectAt(route.destination);
    if (destination) {
      checkDestination(report, `${where}.destination`, destination);
    } else {
      report.error(`${where}.destination`, 'a destination is required');
    }
    if (withHeaders && isSet(route.headers)) {
      checkHeaderOperations(report, `${where}.headers`, route.headers);
    }
    const weight = numberAt(route.weight);
    report.errorIf(`${where}.weight`, weightProblem(weight, report.release));
    total += weight;
  });
  if (list.length > 1) {
    report.errorIf(path, splitProblem(total, report.release));
  }
}

/** Why `release` refuses a destination's weight, or undefined: never negative, and before 1.15 at most 100. */
export function weightProblem(weight: number, release: IstioRelease): string | undefined {
  if (weight < 0) {
    return `weight ${weight} cannot be negative`;
  }
  if (weight > 100 && !release.isAtLeast(RELATIVE_WEIGHTS)) {
    return `weight ${weight} must be at most 100 for Istio ${release} (1.15 and later read weights as relative)`;
  }
  return undefined;
}

/**
 * Why `release` refuses the weights of a route with several destinations, which add up to
 * `total`, or undefined: from 1.15 weights are relative and only cannot all be 0; before, they
 * are percentages that must add up to 100.
 */
export function splitProblem(total: number, release: IstioRelease): string | undefined {
  if (!release.isAtLeast(RELATIVE_WEIGHTS)) {
    return total === 100 ? undefined : `the destinations' weights add up to ${total}, and Istio ${release} requires 100 when a route has several destinations (1.15 and later read weights as relative)`;
  }
  return total === 0 ? 'the destinations\' weights add up to 0: give at least one destination a weight' : undefined;
}

/** Reports gateway references that are neither `namespace/name` nor a plain name (or `mesh`). */
export function checkGatewayNames(report: Report, path: string, gateways: unknown): void {
  listAt(gateways).forEach((value, i) => {
    const where = `${path}[${i}]`;
    const gateway = stringAt(value);
    const slash = gateway.indexOf('/');
    if (slash < 0) {
      if (gateway.includes('.')) {
        const [name, namespace] = gateway.split('.');
        report.warn(where, `"${gateway}" uses the legacy gateway name format: prefer namespace/name, "${namespace}/${name}"`);
      }
      report.errorIf(where, fqdnProblem(gateway));
      return;
    }
    const namespace = gateway.slice(0, slash);
    const name = gateway.slice(slash + 1);
    if (namespace === '' || name === '') {
      report.error(where, `gateway "${gateway}": neither the namespace nor the name can be empty`);
    }
    if (!isDnsLabel(namespace)) {
      report.error(where, `invalid namespace "${namespace}" in gateway "${gateway}"`);
    }
    if (!isDnsLabel(name)) {
      report.error(where, `invalid gateway name "${name}" in gateway "${gateway}"`);
    }
  });
}
