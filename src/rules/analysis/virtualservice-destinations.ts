import { KubeObject } from '../finding';
import { arrayOf, namespaceOf, toFqdn } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, list, MESSAGES, quote, Report } from './messages';

interface Destination {
  readonly host: string;
  readonly subset?: string;
  readonly port?: number;
  /** How istioctl names the reference: `host` for routes, `mirror host` for mirrors. */
  readonly refType: string;
}

/**
 * Where a VirtualService sends traffic: each destination host must be a Service or a
 * ServiceEntry host (IST0101), with the port named when the service has several (IST0112) and
 * among its ports (IST0101), and each subset must be defined by a DestinationRule (IST0101).
 */
export function analyzeVirtualServiceDestinations(context: AnalysisContext, report: Report): void {
  const index = context.index;
  for (const vs of index.ofKind('VirtualService')) {
    const namespace = namespaceOf(vs);
    const exportTo: string[] | undefined = Array.isArray(vs.spec?.exportTo) ? vs.spec.exportTo : undefined;
    for (const destination of destinationsOf(vs)) {
      if (destination.subset !== undefined && !subsetExists(context, toFqdn(namespace, destination.host), destination.subset)) {
        report(findingOf(MESSAGES.ReferencedResourceNotFound, vs,
          `Referenced host+subset in destinationrule not found: ${quote(`${destination.host}+${destination.subset}`)}`));
      }
      const entry = index.resolveHost(namespace, exportTo, destination.host);
      if (!entry) {
        if (!context.assumeHostsAndSecretsExist) {
          report(findingOf(MESSAGES.ReferencedResourceNotFound, vs, `Referenced ${destination.refType} not found: ${quote(destination.host)}`));
        }
        continue;
      }
      const portProblem = destinationPortProblem(destination.host, entry.ports.map((p) => p.number), destination.port);
      if (portProblem !== undefined) {
        const message = destination.port === undefined ? MESSAGES.VirtualServiceDestinationPortSelectorRequired : MESSAGES.ReferencedResourceNotFound;
        report(findingOf(message, vs, portProblem));
      }
    }
  }
}

/**
 * Why a destination of `host`, a service with `ports`, cannot name `port` (IST0101), or cannot
 * leave it out because the service has several (IST0112); undefined when it can.
 */
export function destinationPortProblem(host: string, ports: readonly number[], port: number | undefined): string | undefined {
  if (port === undefined) {
    return ports.length > 1
      ? `This VirtualService routes to a service ${quote(host)} that exposes multiple ports ${list(ports)}. Specifying a port in the destination is required to disambiguate.`
      : undefined;
  }
  return ports.includes(port) ? undefined : `Referenced host:port not found: ${quote(`${host}:${port}`)}`;
}

/**
 * True when a DestinationRule of the input defines `subset` for `fqdn`, or, when hosts are assumed
 * to exist elsewhere, when the input has no DestinationRule for `fqdn` at all: the subsets of a
 * host the input owns no rule for are owned elsewhere too. Once the input has a DestinationRule for
 * the host, it is taken to hold them all.
 */
function subsetExists(context: AnalysisContext, fqdn: string, subset: string): boolean {
  if (context.index.hasSubset(fqdn, subset)) {
    return true;
  }
  return context.assumeHostsAndSecretsExist && !context.index.hasDestinationRule(fqdn);
}

function destinationsOf(vs: KubeObject): Destination[] {
  const found: Destination[] = [];
  const add = (destination: any, refType: string) => {
    if (destination && typeof destination.host === 'string') {
      found.push({
        host: destination.host,
        subset: typeof destination.subset === 'string' && destination.subset !== '' ? destination.subset : undefined,
        port: typeof destination.port?.number === 'number' ? destination.port.number : undefined,
        refType,
      });
    }
  };
  for (const kind of ['http', 'tcp', 'tls']) {
    for (const rule of arrayOf(vs.spec?.[kind])) {
      for (const route of arrayOf(rule?.route)) {
        add(route?.destination, 'host');
      }
      if (kind === 'http') {
        add(rule?.mirror, 'mirror host');
        for (const mirror of arrayOf(rule?.mirrors)) {
          add(mirror?.destination, 'mirror host');
        }
      }
    }
  }
  return found;
}
