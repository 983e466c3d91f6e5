import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { servicePerRoute } from './analysis-meshes';
import { IstioAnalyzer } from '../src/analysis/istio-analyzer';
import { IstioTopology } from '../src/analysis/istio-topology';

/** The compiled CLI, as the package's bin runs it, whether this runs compiled (lib/bench) or from source (bench). */
const CLI = path.join(packageRoot(__dirname), 'lib', 'src', 'analysis', 'cli.js');
/** The input is clean only with its Secrets and hosts taken on trust: time drawing, not reporting. */
const OPTIONS = { assumeHostsAndSecretsExist: true };

/** `graph` against `analyze` on one input, best of the runs, in milliseconds. */
export interface GraphVersusAnalyze {
  readonly routes: number;
  readonly cli: { readonly graph: number; readonly analyze: number };
  readonly inProcess: { readonly graph: number; readonly analyze: number };
}

function packageRoot(dir: string): string {
  return fs.existsSync(path.join(dir, 'package.json')) ? dir : packageRoot(path.dirname(dir));
}

function best(runs: number, time: () => number): number {
  let fastest = Infinity;
  for (let run = 0; run < runs; run++) {
    fastest = Math.min(fastest, time());
  }
  return fastest;
}

function timeMs(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function runCli(verb: string, file: string): void {
  const result = spawnSync(process.execPath, [CLI, verb, '--assume-hosts-and-secrets-exist', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) {
    throw new Error(`${verb} ${file} ended with status ${result.status}:\n${result.stdout.slice(0, 2000)}${result.stderr}`);
  }
}

/**
 * Times the CLI's `graph` (Mermaid) against its `analyze` on one manifest of `routes` exposures
 * (a Service per route), and `IstioTopology.graph` against `IstioAnalyzer.analyze` on the same
 * objects in process: drawing should cost less than a second analysis.
 *
 * @param dir where the manifest is written
 */
export function graphVersusAnalyze(routes: number, runs: number, dir: string): GraphVersusAnalyze {
  const objects = servicePerRoute(routes);
  const file = path.join(dir, `graph-${routes}.yaml`);
  fs.writeFileSync(file, objects.map((o) => stringify(o)).join('---\n'));
  return {
    routes,
    cli: {
      graph: best(runs, () => timeMs(() => runCli('graph', file))),
      analyze: best(runs, () => timeMs(() => runCli('analyze', file))),
    },
    inProcess: {
      graph: best(runs, () => timeMs(() => IstioTopology.graph(objects, OPTIONS))),
      analyze: best(runs, () => timeMs(() => IstioAnalyzer.analyze(objects, OPTIONS))),
    },
  };
}
