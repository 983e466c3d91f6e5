#!/usr/bin/env node
import * as fs from 'fs';
import { Command, GraphFormat, parseArgs, USAGE, Verb } from './cli/args';
import { InputError, readInputs } from './cli/inputs';
import { attributeSources } from './private/attribute-sources';
import { takenOnTrust } from './private/taken-on-trust';
import { AnalysisDoor, ResolvedAnalysisOptions, resolveAnalysisOptions } from './analysis-options';
import { analyzeWithAssumptions } from '../rules/analyze';
import { findingsToJson, formatFinding, isAtLeast, sortedDistinct } from '../rules/finding';
import { parseHostOwnership } from '../rules/host-ownership';
import { parseMeshConfig } from '../rules/mesh-config';
import { buildTopology } from '../topology/build-graph';
import { TopologyGraph } from '../topology/graph';
import { toHtml } from '../topology/render/html';
import { toMermaid } from '../topology/render/mermaid';
import { MermaidBundle, MermaidMissingError, readMermaidBundle } from '../topology/render/mermaid-bundle';

/** Exit statuses of the CLI. */
export enum ExitStatus {
  OK = 0,
  ERROR_FINDINGS = 1,
  BAD_INPUT = 2,
}

/** Where the CLI writes. */
export interface CliOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/**
 * Runs the CLI on `args` (the arguments after the program name) and returns its exit status.
 * Whatever the input, it ends with a status: a fault of its own is reported as unreadable input
 * rather than thrown, so that a pipeline sees a message, never a stack trace.
 *
 * @param readStdin reads standard input, for the path `-`
 */
export function main(args: readonly string[], output: CliOutput, readStdin: () => string = () => fs.readFileSync(0, 'utf8')): ExitStatus {
  let command: Command;
  try {
    command = parseArgs(args);
  } catch (e) {
    output.err(`${(e as Error).message}\n\n${USAGE}\n`);
    return ExitStatus.BAD_INPUT;
  }
  if (command.help) {
    output.out(`${USAGE}\n`);
    return ExitStatus.OK;
  }
  try {
    return run(command, output, readStdin);
  } catch (e) {
    const message = e instanceof InputError ? e.message : `internal error, please report it: ${(e as Error)?.message ?? String(e)}`;
    output.err(`error: ${message}\n`);
    return ExitStatus.BAD_INPUT;
  }
}

function run(command: Command, output: CliOutput, readStdin: () => string): ExitStatus {
  for (const suppression of command.suppressions.filter((s) => !s.hasKnownCode)) {
    output.err(`Warning: ${suppression.code} is not a message code this analysis reports: --suppress ${suppression.code}=${suppression.resource} has no effect\n`);
  }
  const inputs = readInputs(command.paths, readStdin);
  for (const warning of inputs.warnings) {
    output.err(`Warning: ${warning}\n`);
  }
  const objects = inputs.objects.map((o) => o.object);
  const options = analysisOptions(command);
  const analysis = analyzeWithAssumptions(objects, options);
  const findings = analysis.findings.filter((f) => !command.suppressions.some((s) => s.suppresses(f)));
  const trusted = takenOnTrust(command.verb, 'input', analysis.assumed);
  if (command.verb === Verb.GRAPH) {
    writeGraph(command, buildTopology(objects, findings, options), output);
    if (trusted) {
      output.err(`${trusted}\n`);
    }
    // The findings are drawn, not judged: they do not change the exit status.
    return ExitStatus.OK;
  }
  const located = attributeSources(findings, inputs.objects).map((finding) => ({ finding, line: formatFinding(finding) }));
  const printed = sortedDistinct(located, (p) => p.line)
    .filter((p) => isAtLeast(p.finding.level, command.outputThreshold));
  if (command.json) {
    output.out(`${findingsToJson(printed.map((p) => p.finding))}\n`);
  } else if (printed.length === 0) {
    output.out(`No validation issues found when analyzing ${inputs.objects.length} objects.\n`);
  } else {
    output.out(printed.map((p) => `${p.line}\n`).join(''));
  }
  if (trusted) {
    output.err(`${trusted}\n`);
  }
  // As in istioctl, the output threshold does not change what fails.
  return findings.some((f) => isAtLeast(f.level, options.failureThreshold)) ? ExitStatus.ERROR_FINDINGS : ExitStatus.OK;
}

/** Writes the graph in the command's format. */
function writeGraph(command: Command, graph: TopologyGraph, output: CliOutput): void {
  if (command.graphFormat === GraphFormat.JSON) {
    output.out(`${JSON.stringify(graph, undefined, 2)}\n`);
  } else if (command.graphFormat === GraphFormat.HTML) {
    output.out(toHtml(graph, mermaidBundle()));
  } else {
    output.out(toMermaid(graph));
  }
}

function mermaidBundle(): MermaidBundle {
  try {
    return readMermaidBundle();
  } catch (e) {
    throw e instanceof MermaidMissingError ? new InputError(e.message) : e;
  }
}

/**
 * The command's analysis options, with the mesh config of its `--meshConfigFile`, the policy of
 * its `--host-ownership` and the CLI's defaults.
 */
function analysisOptions(command: Command): ResolvedAnalysisOptions {
  const meshConfig = command.meshConfigFile === undefined ? undefined : readOptionFile(command.meshConfigFile, parseMeshConfig);
  const hostOwnership = command.hostOwnershipFile === undefined ? undefined : readOptionFile(command.hostOwnershipFile, parseHostOwnership);
  return resolveAnalysisOptions({ ...command.options, meshConfig, hostOwnership }, AnalysisDoor.CLI);
}

/** What `parse` reads from `file`, or an InputError naming the file and what is wrong. */
function readOptionFile<T>(file: string, parse: (text: string) => T): T {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message}`);
  }
  try {
    return parse(text);
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message}`);
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }, () => {
    // As istioctl does, say what is awaited when someone types the input.
    if (process.stdin.isTTY) {
      process.stderr.write('Reading from stdin:\n');
    }
    return fs.readFileSync(0, 'utf8');
  });
}
