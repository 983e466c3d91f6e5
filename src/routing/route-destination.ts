import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpRoute, VirtualServiceSpecHttpRouteDestination } from '../../imports/networking.istio.io';
import { FieldError, inField, invalidInput } from '../private/errors';
import { splitProblem } from '../rules/webhook/destination';
import { IstioAnalysis } from '../analysis/istio-analysis';
import { Backend } from './backend';
import { IServiceSubsets } from './service-subsets';

/** Where a route destination sends traffic: a host, a port and perhaps a subset. */
export interface RouteDestinationConfig {
  /** The destination host, for example `echo.default.svc.cluster.local`. */
  readonly host: string;
  /** The destination port. */
  readonly port: number;
  /**
   * The subset of the host's pods, as a DestinationRule defines it.
   * @default - every pod of the host
   */
  readonly subset?: string;
}

/** The share of traffic a destination receives when a route splits traffic. */
export interface RouteDestinationOptions {
  /**
   * The destination's weight relative to the route's other destinations (Istio 1.15 and later
   * normalize weights): `3` and `1` send three quarters and a quarter. Whole numbers, not
   * negative, not all zero. Istio before 1.15 (such as the 1.10 of the MeshGateway operator)
   * rejects weights that do not sum to 100, and so does the route when the app targets such a
   * release (`IstioAnalysis.enable(app, { istioRelease })`): use `percent` there.
   * @default - required when the route has several destinations; give `weight` or `percent`
   */
  readonly weight?: number;

  /**
   * The destination's share in percent, where that reads better than weights: a route whose
   * destinations give `percent` must give it on every one, summing to 100.
   * @default - required when the route has several destinations; give `weight` or `percent`
   */
  readonly percent?: number;
}

/** Where a route sends (a share of) its traffic: a service, or one subset of a service. */
export class RouteDestination {
  /** The service `backend`, every pod of it. */
  public static to(backend: Backend, options: RouteDestinationOptions = {}): RouteDestination {
    return new RouteDestination(backend, undefined, undefined, options);
  }

  /**
   * The subset `subsetName` of a service, as `subsets` defines it. Fails at synth unless
   * `subsets` defines that name.
   */
  public static toSubset(subsets: IServiceSubsets, subsetName: string, options: RouteDestinationOptions = {}): RouteDestination {
    return new RouteDestination(subsets.backend, subsets, subsetName, options);
  }

  private constructor(
    private readonly backend: Backend,
    private readonly subsets: IServiceSubsets | undefined,
    private readonly subsetName: string | undefined,
    /** The share options given. */
    public readonly options: RouteDestinationOptions,
  ) {}

  /**
   * Resolves the destination's host, port and subset. Called at synth, when the backend's ports
   * and the subsets are complete.
   *
   * @param scope the construct whose route sends traffic here
   * @throws when the subset is not one that the DestinationRule defines
   */
  public bind(scope: IConstruct): RouteDestinationConfig {
    const target = this.backend.bind(scope);
    if (this.subsets !== undefined && this.subsetName !== undefined && !this.subsets.hasSubset(this.subsetName)) {
      const defined = this.subsets.subsetNames;
      throw new FieldError('subset', this.subsetName, `no DestinationRule defines it for ${target.host}: ${this.subsets.node.path} defines ${defined.length === 0 ? 'no subsets' : defined.join(', ')}`);
    }
    return { host: target.host, port: target.port, subset: this.subsetName };
  }
}

/** The L1 form of `destination`, which `scope` holds in its prop `field`, named in errors. */
export function renderDestination(scope: IConstruct, field: string, destination: RouteDestination): VirtualServiceSpecHttpRouteDestination {
  const { host, port, subset } = inField(scope, field, () => destination.bind(scope));
  return { host, port: { number: port }, subset };
}

/**
 * The L1 route of `destinations`, in order, with the `weights` that `resolveWeights` gave them.
 * Called at synth.
 */
export function renderRoute(scope: IConstruct, field: string, destinations: readonly RouteDestination[], weights: ReadonlyArray<number | undefined>): VirtualServiceSpecHttpRoute[] {
  return destinations.map((d, i) => ({ destination: renderDestination(scope, `${field}[${i}]`, d), weight: weights[i] }));
}

/**
 * The weights to emit for a route's destinations, in order: none for a lone destination, else
 * one each. Istio 1.15+ reads weights as relative, so they are emitted as given; the app's
 * target release (see `IstioAnalysis.targetReleaseOf`) decides whether relative weights are
 * accepted.
 *
 * @throws on a negative or fractional weight, an all-zero split, a missing share where there are
 * several destinations, a mix of weights and percentages, percentages that do not sum to 100, or
 * weights that do not sum to 100 for a target before Istio 1.15
 */
export function resolveWeights(scope: IConstruct, field: string, destinations: readonly RouteDestination[]): Array<number | undefined> {
  if (destinations.length === 0) {
    throw invalidInput(scope, field, [], 'expected at least one destination');
  }
  const shares = destinations.map((d, i) => share(scope, `${field}[${i}]`, d.options));
  if (destinations.length === 1) {
    if (shares[0]?.value === 0) {
      throw invalidInput(scope, `${field}[0].${shares[0].kind}`, 0, 'a lone destination with no share would receive no traffic: leave the share out');
    }
    return [undefined];
  }
  shares.forEach((s, i) => {
    if (s === undefined) {
      throw invalidInput(scope, `${field}[${i}]`, undefined, 'a route with several destinations needs a weight or percent on each');
    }
    if (s.kind !== shares[0]!.kind) {
      throw invalidInput(scope, `${field}[${i}].${s.kind}`, s.value, `expected ${shares[0]!.kind} like the route's first destination: do not mix weights and percentages`);
    }
  });
  const values = shares.map((s) => s!.value);
  const total = values.reduce((a, b) => a + b, 0);
  if (total === 0) {
    throw invalidInput(scope, field, values, 'an all-zero split sends traffic nowhere: give at least one destination a positive share');
  }
  if (shares[0]!.kind === 'percent' && total !== 100) {
    throw invalidInput(scope, field, values, `percentages must sum to 100, these sum to ${total}`);
  }
  const problem = splitProblem(total, IstioAnalysis.targetReleaseOf(scope));
  if (problem !== undefined) {
    throw invalidInput(scope, field, values, `${problem}: give percent instead of weight`);
  }
  return values;
}

function share(scope: IConstruct, field: string, options: RouteDestinationOptions): { kind: string; value: number } | undefined {
  if (options.weight !== undefined && options.percent !== undefined) {
    throw invalidInput(scope, `${field}.percent`, options.percent, 'give weight or percent, not both');
  }
  if (options.weight !== undefined) {
    if (!Number.isInteger(options.weight) || options.weight < 0) {
      throw invalidInput(scope, `${field}.weight`, options.weight, 'expected a whole number of at least 0');
    }
    return { kind: 'weight', value: options.weight };
  }
  if (options.percent !== undefined) {
    if (!Number.isInteger(options.percent) || options.percent < 0 || options.percent > 100) {
      throw invalidInput(scope, `${field}.percent`, options.percent, 'expected a whole number from 0 to 100');
    }
    return { kind: 'percent', value: options.percent };
  }
  return undefined;
}
