import { ApiObject } from 'cdk8s';
import { copyWithSharedShapes } from './json-shapes';
import { serveOnce } from './serve-once';
import { SynthesisStage, synthesisStage } from './synthesis-stage';
import { KubeObject } from '../../../rules/finding';

/**
 * The environment variable that switches the synth-time check's shortcuts through cdk8s's
 * synthesis: `off` takes the plain path, unset or `on` the shortcuts. Why they exist and what they
 * save: docs/design.md, "Synthesis shortcuts". CI runs the synth-time tests both ways.
 */
export const SHORTCUTS_SWITCH = 'CDK8S_ISTIO_GATEWAYS_SHORTCUTS';

/**
 * How the synth-time check reads the app's objects during cdk8s's synthesis. The plain path reads
 * them as any validation would; the shortcuts path saves what the benchmark showed to be dear,
 * with the same findings and the same YAML.
 */
export interface SynthesisPath {
  /**
   * Called first by each validation: true when it repeats the validation that `App.synth` ran
   * before it for the same, unchanged app (cdk8s validates the whole app again for each chart it
   * serializes), whose verdict then still holds: the caller returns no errors and prints nothing.
   */
  repeatsValidation(): boolean;

  /** The JSON of `apiObject`, for the analysis to read. */
  serialize(apiObject: ApiObject): KubeObject;

  /** Called once a validation has analyzed the app, with the objects it serialized and their JSON. */
  analyzed(apiObjects: readonly ApiObject[], objects: readonly KubeObject[]): void;
}

/** The path the switch selects, for one `IstioAnalysis`. */
export function synthesisPath(): SynthesisPath {
  const value = process.env[SHORTCUTS_SWITCH];
  if (value === 'off') {
    return new PlainPath();
  }
  if (value === undefined || value === '' || value === 'on') {
    return new ShortcutsPath();
  }
  throw new Error(`invalid environment variable ${SHORTCUTS_SWITCH}=${JSON.stringify(value)}: expected "on" or "off"`);
}

/** Every validation analyzes the whole app, from JSON that the synthesis serializes again. */
class PlainPath implements SynthesisPath {
  public repeatsValidation(): boolean {
    return false;
  }

  public serialize(apiObject: ApiObject): KubeObject {
    return apiObject.toJson();
  }

  public analyzed(): void {}
}

/**
 * Three shortcuts. The call stack tells `App.synth`'s first validation from its revalidations,
 * which are skipped. Each object's JSON is copied key by key, so that the copies share V8's hidden
 * classes and the analysis reads them twice as fast. Once the whole app passed, the synthesis is
 * handed those copies instead of serializing every object a second time.
 */
class ShortcutsPath implements SynthesisPath {
  /** The stage of the validation running now. */
  private stage = SynthesisStage.OTHER;

  /**
   * The objects as the first validation of `App.synth` serialized them, until the synthesis
   * serializes them for output (or the current tick ends).
   */
  private serialized?: { readonly apiObjects: readonly ApiObject[]; readonly objects: readonly KubeObject[] };

  public repeatsValidation(): boolean {
    this.stage = synthesisStage();
    if (this.stage !== SynthesisStage.REVALIDATION) {
      return false;
    }
    // Only once the whole app passed does App.synth go on to serialize every object at once:
    // each object serves its copy to the next toJson() call only, and only until the tick ends.
    if (this.serialized) {
      serveOnce(this.serialized.apiObjects, this.serialized.objects);
    }
    this.serialized = undefined;
    return true;
  }

  public serialize(apiObject: ApiObject): KubeObject {
    return copyWithSharedShapes(apiObject.toJson()) as KubeObject;
  }

  public analyzed(apiObjects: readonly ApiObject[], objects: readonly KubeObject[]): void {
    if (this.stage !== SynthesisStage.APP) {
      return;
    }
    this.serialized = { apiObjects, objects };
    process.nextTick(() => {
      this.serialized = undefined;
    });
  }
}
