import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analysisScaling } from './analysis-scaling';
import { graphVersusAnalyze } from './graph-versus-analyze';

const ROOT = path.resolve(__dirname, '..', '..');
const CASE = path.join(__dirname, 'case.js');
/** Runs of each analysis input: the best is kept, as garbage collection slows some runs. */
const ANALYSIS_RUNS = 5;

interface Sample {
  readonly ms: number;
  readonly rssKb: number;
}

interface Options {
  readonly sizes: number[];
  readonly runs: number;
  readonly coldRuns: number;
  readonly analysisRoutes: number[];
  /** The routes of the input `graph` and `analyze` are timed on. */
  readonly graphRoutes: number;
  /** The two variants compared: the Istio API chart's, or with `--traffic-api gateway-api` the Gateway API chart's. */
  readonly variants: { readonly library: string; readonly l1: string };
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string, fallback: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  return {
    sizes: value('--sizes', '100,1000,10000').split(',').map(Number),
    runs: Number(value('--runs', '5')),
    coldRuns: Number(value('--cold-runs', '7')),
    analysisRoutes: value('--analysis-routes', '10000,40000').split(',').map(Number),
    graphRoutes: Number(value('--graph-routes', '10000')),
    variants: value('--traffic-api', 'istio') === 'gateway-api' ? { library: 'gateway-api-library', l1: 'gateway-api-l1' } : { library: 'library', l1: 'l1' },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function runCase(variant: string, n: number, out?: string): Sample {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [CASE, variant, String(n), ...(out ? [out] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${variant} N=${n} failed:\n${result.stderr}`);
  }
  return { ms, rssKb: JSON.parse(result.stdout.trim().split('\n').pop()!).rssKb };
}

/** Both variants must synthesize byte-identical YAML, or the comparison means nothing. */
function checkSameYaml(n: number, dir: string, variants: Options['variants']): void {
  const library = path.join(dir, `library-${n}.yaml`);
  const l1 = path.join(dir, `l1-${n}.yaml`);
  runCase(variants.library, n, library);
  runCase(variants.l1, n, l1);
  if (!fs.readFileSync(library).equals(fs.readFileSync(l1))) {
    throw new Error(`N=${n}: the library and L1 variants synthesize different YAML (${library} vs ${l1})`);
  }
}

function timeCommand(command: string, args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  execFileSync(command, args, { cwd, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A cdk8s app holding one ApiObject, synthesized by the same `npm run synth` as the examples. */
function minimalApp(dir: string): string {
  const app = path.join(dir, 'minimal-app');
  fs.mkdirSync(app);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'));
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'minimal', private: true, scripts: { synth: 'cdk8s synth --no-check-upgrade' } }));
  fs.writeFileSync(path.join(app, 'cdk8s.yaml'), 'language: typescript\napp: node main.js\n');
  fs.writeFileSync(path.join(app, 'main.js'), [
    "const { App, Chart, ApiObject } = require('cdk8s');",
    'const app = new App();',
    "const chart = new Chart(app, 'minimal');",
    "new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config' } });",
    'app.synth();',
    '',
  ].join('\n'));
  return app;
}

function coldSynthRatio(options: Options, dir: string): { examples: number; minimal: number } {
  const minimal = minimalApp(dir);
  const examples: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < options.coldRuns; i++) {
    examples.push(timeCommand('npm', ['run', '--silent', 'synth'], ROOT));
    baseline.push(timeCommand('npm', ['run', '--silent', 'synth'], minimal));
  }
  return { examples: median(examples), minimal: median(baseline) };
}

function format(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const medians = new Map<number, { library: Sample; l1: Sample }>();
  try {
    console.log(`bench: node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${options.runs} runs per case; variants ${options.variants.library} and ${options.variants.l1}`);
    console.log('N       library ms  l1 ms     ratio  library RSS MB  l1 RSS MB  RSS ratio');
    for (const n of options.sizes) {
      checkSameYaml(n, dir, options.variants);
      const library: Sample[] = [];
      const l1: Sample[] = [];
      for (let run = 0; run < options.runs; run++) {
        library.push(runCase(options.variants.library, n));
        l1.push(runCase(options.variants.l1, n));
      }
      const m = {
        library: { ms: median(library.map((s) => s.ms)), rssKb: median(library.map((s) => s.rssKb)) },
        l1: { ms: median(l1.map((s) => s.ms)), rssKb: median(l1.map((s) => s.rssKb)) },
      };
      medians.set(n, m);
      console.log([
        String(n).padEnd(7), format(m.library.ms, 0).padStart(10), format(m.l1.ms, 0).padStart(7), format(m.library.ms / m.l1.ms, 3).padStart(8),
        format(m.library.rssKb / 1024, 0).padStart(15), format(m.l1.rssKb / 1024, 0).padStart(10), format(m.library.rssKb / m.l1.rssKb, 3).padStart(10),
      ].join(' '));
    }
    console.log(`analysis alone (analyze() on parsed manifests, best of ${ANALYSIS_RUNS}):`);
    for (const { shape, routes, objects, ms } of analysisScaling(options.analysisRoutes, ANALYSIS_RUNS)) {
      const sizes = routes.map((r, i) => `${r} routes (${objects[i]} objects) ${format(ms[i], 0)} ms`).join(', ');
      const growth = routes[routes.length - 1] / routes[0];
      console.log(`  ${shape}: ${sizes}; ${format(ms[ms.length - 1] / ms[0], 2)}x the time for ${format(growth, 1)}x the routes (quadratic: ${format(growth * growth, 0)}x)`);
    }
    const graph = graphVersusAnalyze(options.graphRoutes, ANALYSIS_RUNS, dir);
    console.log(`graph vs analyze, ${graph.routes} routes (a Service per route, best of ${ANALYSIS_RUNS}):`
      + ` CLI graph ${format(graph.cli.graph, 0)} ms, analyze ${format(graph.cli.analyze, 0)} ms (${format(graph.cli.graph / graph.cli.analyze, 2)}x);`
      + ` in process IstioTopology.graph ${format(graph.inProcess.graph, 0)} ms, IstioAnalyzer.analyze ${format(graph.inProcess.analyze, 0)} ms`
      + ` (${format(graph.inProcess.graph / graph.inProcess.analyze, 2)}x)`);
    const cold = coldSynthRatio(options, dir);
    console.log(`cold synth: examples ${format(cold.examples, 0)} ms, minimal app ${format(cold.minimal, 0)} ms (median of ${options.coldRuns})`);
    const at10k = medians.get(10000);
    const at1k = medians.get(1000);
    const overhead = at10k ? at10k.library.ms / at10k.l1.ms : undefined;
    const scaling = at10k && at1k ? at10k.library.ms / at1k.library.ms : undefined;
    console.log(`bench: overhead_vs_l1=${format(overhead, 3)} scaling_10x=${format(scaling, 3)} cold_synth_ratio=${format(cold.examples / cold.minimal, 3)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
