import { Chart, Testing, Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import { analyze, AnalysisOptions } from '../../src/rules/analyze';
import { FindingLevel, formatFinding } from '../../src/rules/finding';
import { CrdValidator, expectValidAgainstCrds } from './crds';

/**
 * One seed for every property run, so that a failure reproduces; fast-check prints the seed and
 * the counterexample's path when a property fails. `FC_SEED` explores other inputs.
 */
export const PROPERTY_SEED = Number(process.env.FC_SEED ?? 20261201);

/** fast-check's parameters for `numRuns` runs from the fixed seed. */
export function propertyParameters(numRuns: number): fc.Parameters<unknown> {
  return { seed: PROPERTY_SEED, numRuns };
}

/**
 * Keeps the synth-time check's warnings (printed to stderr) out of the test output for the tests
 * of the calling file: random routes often shadow one another (IST0130), which is no error.
 */
export function silenceSynthWarnings(): void {
  let spy: jest.SpyInstance;
  beforeEach(() => {
    spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => spy.mockRestore());
}

/** Builds an app's objects into `chart`. */
export type AppBuilder = (chart: Chart) => void;

// Written out here rather than taken from src/dns.ts: the test must not share the code it checks.
const LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The objects of a fresh chart (namespace `apps`) that `build` filled, synthesized with the synth-time check. */
export function synthesize(build: AppBuilder): any[] {
  const chart = new Chart(Testing.app(), 'app', { namespace: 'apps' });
  build(chart);
  return Testing.synth(chart);
}

/** The YAML `cdk8s synth` writes for what `build` makes. */
export function synthesizeYaml(build: AppBuilder): string {
  return Yaml.stringify(...synthesize(build));
}

/** The names in `objects` that Kubernetes or Istio requires to be DNS-1123, with what is wrong with each. */
export function invalidNames(objects: readonly any[]): string[] {
  const problems: string[] = [];
  const expect = (where: string, value: unknown, form: RegExp, maxLength: number) => {
    if (typeof value !== 'string' || value.length > maxLength || !form.test(value)) {
      problems.push(`${where}: ${JSON.stringify(value)}`);
    }
  };
  for (const obj of objects) {
    const at = `${obj.kind} ${obj.metadata?.name}`;
    expect(`${at} metadata.name`, obj.metadata?.name, obj.kind === 'Gateway' ? LABEL : SUBDOMAIN, obj.kind === 'Gateway' ? 63 : 253);
    if (obj.metadata?.namespace !== undefined) {
      expect(`${at} metadata.namespace`, obj.metadata.namespace, LABEL, 63);
    }
    for (const subset of obj.kind === 'DestinationRule' ? obj.spec.subsets ?? [] : []) {
      expect(`${at} subset`, subset.name, LABEL, 63);
    }
    for (const port of obj.kind === 'MeshGateway' || obj.kind === 'ServiceEntry' ? obj.spec.ports ?? [] : []) {
      expect(`${at} port`, port.name, LABEL, 63);
    }
  }
  return problems;
}

/**
 * The five properties of an app built from valid props: it synthesizes (the synth-time check
 * included), `analyze` finds no error with `options`, every custom resource is valid against its
 * CRD, a second build is byte-identical, and every name is DNS-1123.
 */
export function expectSoundApp(validator: CrdValidator, build: AppBuilder, options: AnalysisOptions): void {
  const objects = synthesize(build);
  const errors = analyze(objects, options).filter((f) => f.level === FindingLevel.ERROR).map(formatFinding);
  expect(errors).toEqual([]);
  expectValidAgainstCrds(validator, objects);
  expect(synthesizeYaml(build)).toBe(synthesizeYaml(build));
  expect(invalidNames(objects)).toEqual([]);
}

/** A synthesis that failed: the error's message, or `undefined` when it synthesized. */
export function synthesisError(build: AppBuilder): string | undefined {
  try {
    synthesize(build);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * `build`, made from a bad value, fails: either a construct refuses it with an error that names
 * the construct path, the field and the value, or the synth-time check refuses the object with
 * an error finding. It never synthesizes.
 */
export function expectRefused(build: AppBuilder, path: string, field: string, value: unknown): void {
  const message = synthesisError(build);
  expect(message).toBeDefined();
  // Values bound at synth (backends, destinations) fail inside cdk8s's "Failed serializing construct ...".
  const named = message!.includes(`${path}: invalid ${field} ${JSON.stringify(value)}: `);
  const refusedByRules = /Error \[IST\d{4}\]/.test(message!);
  if (!named && !refusedByRules) {
    throw new Error(`expected an error naming ${path}, ${field} and ${JSON.stringify(value)}, or an error finding; got: ${message}`);
  }
}
