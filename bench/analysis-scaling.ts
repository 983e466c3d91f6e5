import { analyze } from '../src/rules/analyze';
import { KubeObject } from '../src/rules/finding';
import { oneLargeVirtualService, servicePerRoute, sharedGateway } from './analysis-meshes';

/** How long the analysis alone takes on one input shape at two sizes. */
export interface AnalysisScaling {
  readonly shape: string;
  readonly routes: readonly number[];
  readonly objects: readonly number[];
  readonly ms: readonly number[];
}

const SHAPES: ReadonlyArray<{ readonly shape: string; readonly build: (routes: number) => KubeObject[] }> = [
  { shape: 'a Service per route', build: servicePerRoute },
  { shape: 'one shared Gateway', build: sharedGateway },
  { shape: 'one VirtualService of many routes', build: oneLargeVirtualService },
];

function bestTimeMs(objects: KubeObject[], runs: number): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    analyze(objects, { assumeHostsAndSecretsExist: true });
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

/**
 * Times `analyze` on parsed manifests of each shape at each size (best of `runs`), so that a
 * cross-check that compares every object with every other shows as time growing faster than the
 * input. Each input must be clean, or the figures would time the reporting instead.
 */
export function analysisScaling(routes: readonly number[], runs: number): AnalysisScaling[] {
  return SHAPES.map(({ shape, build }) => {
    const inputs = routes.map(build);
    for (const input of inputs) {
      const findings = analyze(input, { assumeHostsAndSecretsExist: true });
      if (findings.length > 0) {
        throw new Error(`analysis bench input "${shape}" (${input.length} objects) is not clean: ${findings[0].code} ${findings[0].message}`);
      }
    }
    return { shape, routes, objects: inputs.map((i) => i.length), ms: inputs.map((i) => bestTimeMs(i, runs)) };
  });
}
