import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { invalidInput } from '../errors';

/**
 * The Istio form of `duration` for `field`: seconds with an `s` suffix, such as `"1.5s"` or
 * `"0.25s"`, the protobuf JSON form every Istio version parses.
 *
 * @throws when `duration` is shorter than one millisecond or not a whole number of them: Envoy
 * works in milliseconds and Istio rejects durations under 1ms
 */
export function istioDuration(scope: IConstruct, field: string, duration: Duration): string {
  const millis = duration.toMilliseconds({ integral: false });
  if (!Number.isInteger(millis) || millis < 1) {
    throw invalidInput(scope, field, duration.toHumanString(), 'expected a whole number of milliseconds, at least 1ms');
  }
  return `${millis / 1000}s`;
}
