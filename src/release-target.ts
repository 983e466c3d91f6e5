import { IConstruct } from 'constructs';
import { invalidInput } from './errors';
import { featureProblem, ReleaseFeature } from './rules/webhook/release-history';
import { IstioAnalysis } from './synth-check';

/**
 * Throws when the Istio release the app of `scope` targets lacks `feature`, with the rule's
 * own message (the synth-time check reports the same for L1 objects).
 *
 * @param field the prop that asks for the feature, named in the error
 * @param value the prop's value, named in the error
 */
export function requireFeature(scope: IConstruct, field: string, value: unknown, feature: ReleaseFeature): void {
  const problem = featureProblem(feature, IstioAnalysis.targetReleaseOf(scope));
  if (problem !== undefined) {
    throw invalidInput(scope, field, value, problem);
  }
}
