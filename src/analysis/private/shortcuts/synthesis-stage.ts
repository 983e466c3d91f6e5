/** Where in cdk8s's synthesis a validation runs. */
export enum SynthesisStage {
  /** The validation `App.synth` (or `synthYaml`) runs first, before it serializes every chart. */
  APP,
  /**
   * The validation `Chart.toJson` runs again for each chart during `App.synth`, after the first
   * one passed: the app has not changed since.
   */
  REVALIDATION,
  /** Any other: `Testing.synth(chart)`, or a validation called directly. */
  OTHER,
}

/**
 * A stack frame of cdk8s's own `App.synth` or `App.synthYaml`, named by the class of the app (a
 * subclass of `App` shows as `MyApp.synth`) and located in cdk8s's `lib/app.js` (or `src/app.ts`
 * where source maps are applied, as under jest or `node --enable-source-maps`).
 */
const CDK8S_APP_SYNTH = / at \S+\.synth(Yaml)? \(.*[\\/]cdk8s[\\/](lib[\\/]app\.js|src[\\/]app\.ts):/;
/** A stack frame of cdk8s's `App._synthChart` (static: named `App` or `Function`), which `Chart.toJson` calls. */
const CDK8S_SYNTH_CHART = / at \S+\._synthChart \(.*[\\/]cdk8s[\\/](lib[\\/]app\.js|src[\\/]app\.ts):/;

/**
 * The stage of the validation running now, read from the call stack. The assumptions: nothing
 * changes the app between the validations of one `App.synth`, and a stack that does not show
 * these frames (renamed methods, a bundled cdk8s) is `OTHER`, so that the validation is analyzed
 * in full: slower, never wrong.
 */
export function synthesisStage(): SynthesisStage {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  if (!CDK8S_APP_SYNTH.test(stack)) {
    return SynthesisStage.OTHER;
  }
  return CDK8S_SYNTH_CHART.test(stack) ? SynthesisStage.REVALIDATION : SynthesisStage.APP;
}
