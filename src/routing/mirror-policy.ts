import { IConstruct } from 'constructs';
import { VirtualServiceSpecHttpMirrors } from '../../imports/networking.istio.io';
import { invalidInput, rejectIf } from '../private/errors';
import { mirrorPercentageProblem } from '../rules/webhook/http-route';
import { renderDestination, RouteDestination } from './route-destination';

/** A copy of a route's requests sent to a second destination, whose responses are dropped. */
export interface MirrorPolicy {
  /** Where the copies go. A share (weight or percent) is not allowed here: use `percent`. */
  readonly destination: RouteDestination;

  /**
   * The share of requests copied, in percent (fractions allowed).
   * @default 100
   */
  readonly percent?: number;
}

/**
 * Checks what can be checked when the route is added: the mirror takes no share of its own, and
 * its percentage is from 0 to 100.
 */
export function validateMirrorPolicy(scope: IConstruct, field: string, mirror: MirrorPolicy): void {
  const share = mirror.destination.options;
  if (share.weight !== undefined || share.percent !== undefined) {
    throw invalidInput(scope, `${field}.destination`, share, 'a mirror destination takes no weight: set the mirror\'s percent instead');
  }
  mirrorPercentage(scope, field, mirror);
}

/**
 * The L1 form of `mirror`, an item of `mirrors`; a route with one `mirror` emits its destination
 * and percentage as `mirror` and `mirrorPercentage`. Called at synth, like destinations.
 */
export function renderMirror(scope: IConstruct, field: string, mirror: MirrorPolicy): VirtualServiceSpecHttpMirrors {
  return {
    destination: renderDestination(scope, `${field}.destination`, mirror.destination),
    percentage: { value: mirrorPercentage(scope, field, mirror) },
  };
}

/** The mirror's percent, by default 100, unless the mirror rule refuses it. */
function mirrorPercentage(scope: IConstruct, field: string, mirror: MirrorPolicy): number {
  const value = mirror.percent ?? 100;
  rejectIf(scope, `${field}.percent`, value, mirrorPercentageProblem(value));
  return value;
}
