import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { rejectIf } from '../private/errors';
import { durationProblem } from '../rules/webhook/duration';

/**
 * The Istio form of `duration` for `field`: seconds with an `s` suffix, such as `"1.5s"` or
 * `"0.25s"`, the protobuf JSON form every Istio version parses.
 *
 * @throws when the rule set's duration check refuses it: Istio rejects durations under 1ms or
 * finer than a millisecond
 */
export function istioDuration(scope: IConstruct, field: string, duration: Duration): string {
  const text = `${duration.toMilliseconds({ integral: false }) / 1000}s`;
  rejectIf(scope, field, duration.toHumanString(), durationProblem(text));
  return text;
}
