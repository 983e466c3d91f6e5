#!/usr/bin/env node
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { analyze, AnalysisOptions } from './rules/analyze';
import { Finding, FindingLevel, findingsToJson, formatFinding, KubeObject } from './rules/finding';
import { ResourceSuppression } from './rules/resource-suppression';

const USAGE = `usage: cdk8s-istio-gateways analyze [options] PATH...

Analyzes Kubernetes manifests (YAML files, or folders of them) the way istioctl analyze does.

options:
  -o, --output FORMAT                  text (default): one finding a line; json: a JSON array
  --no-default-gateway                 do not assume the mesh's default gateways (istio: ingressgateway,
                                       Service istio-system/istio-ingressgateway; istio: egressgateway,
                                       Service istio-system/istio-egressgateway)
  --assume-hosts-and-secrets-exist     take destination hosts, DestinationRule hosts, credential
                                       Secrets and the subsets of hosts the input has no
                                       DestinationRule for, missing from the input, to exist elsewhere
  -S, --suppress CODE=RESOURCE         leave out the findings of CODE about RESOURCE, written as
                                       Kind name.namespace, where * stands for any text
                                       ("IST0132=VirtualService *.shop"); can be repeated
  -h, --help                           print this help

exit status: 0 no error found, 1 an Error finding, 2 unreadable input or bad usage`;

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

/** Input that cannot be read, with the file and line to look at. */
class InputError extends Error {}

interface Command {
  readonly paths: string[];
  readonly json: boolean;
  readonly options: AnalysisOptions;
  readonly suppressions: ResourceSuppression[];
}

/**
 * Runs the CLI on `args` (the arguments after the program name) and returns its exit status.
 */
export function main(args: readonly string[], output: CliOutput): ExitStatus {
  let command: Command;
  try {
    command = parseArgs(args);
  } catch (e) {
    output.err(`${(e as Error).message}\n\n${USAGE}\n`);
    return ExitStatus.BAD_INPUT;
  }
  if (command.paths.length === 0) {
    output.out(`${USAGE}\n`);
    return ExitStatus.OK;
  }
  for (const suppression of command.suppressions.filter((s) => !s.hasKnownCode)) {
    output.err(`Warning: ${suppression.code} is not a message code this analysis reports: --suppress ${suppression.code}=${suppression.resource} has no effect\n`);
  }
  let objects: KubeObject[];
  try {
    objects = command.paths.flatMap(readPath);
  } catch (e) {
    if (e instanceof InputError) {
      output.err(`error: ${e.message}\n`);
      return ExitStatus.BAD_INPUT;
    }
    throw e;
  }
  const findings = analyze(objects, command.options).filter((f) => !command.suppressions.some((s) => s.suppresses(f)));
  if (command.json) {
    output.out(`${findingsToJson(findings)}\n`);
  } else if (findings.length === 0) {
    output.out(`No validation issues found when analyzing ${objects.length} objects.\n`);
  } else {
    output.out(findings.map((f) => `${formatFinding(f)}\n`).join(''));
  }
  return hasError(findings) ? ExitStatus.ERROR_FINDINGS : ExitStatus.OK;
}

function hasError(findings: Finding[]): boolean {
  return findings.some((f) => f.level === FindingLevel.ERROR);
}

/** What `-h` asks for: the usage, and nothing analyzed. */
const HELP: Command = { paths: [], json: false, options: {}, suppressions: [] };

function parseArgs(args: readonly string[]): Command {
  const [verb, ...rest] = args;
  if (verb === undefined || verb === '-h' || verb === '--help') {
    return HELP;
  }
  if (verb !== 'analyze') {
    throw new Error(`unknown command ${JSON.stringify(verb)}: expected "analyze"`);
  }
  const paths: string[] = [];
  let json = false;
  let defaultGateway = true;
  let assumeHostsAndSecretsExist = false;
  const suppressions: ResourceSuppression[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '-o' || arg === '--output' || arg.startsWith('--output=')) {
      const format = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (format !== 'json' && format !== 'text') {
        throw new Error(`invalid --output ${JSON.stringify(format ?? '')}: expected "text" or "json"`);
      }
      json = format === 'json';
    } else if (arg === '--no-default-gateway') {
      defaultGateway = false;
    } else if (arg === '--assume-hosts-and-secrets-exist') {
      assumeHostsAndSecretsExist = true;
    } else if (arg === '-S' || arg === '--suppress' || arg.startsWith('--suppress=')) {
      suppressions.push(ResourceSuppression.parse((arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i]) ?? ''));
    } else if (arg === '-h' || arg === '--help') {
      return HELP;
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option ${JSON.stringify(arg)}`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) {
    throw new Error('no PATH given: name the YAML files or folders to analyze');
  }
  return { paths, json, options: { defaultGateway, assumeHostsAndSecretsExist }, suppressions };
}

/** The objects in a file, or in every YAML file below a folder (in name order). */
function readPath(target: string): KubeObject[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new InputError(`${target}: no such file or folder`);
  }
  if (!stat.isDirectory()) {
    return readFile(target);
  }
  return fs.readdirSync(target).sort().flatMap((entry) => {
    const child = path.join(target, entry);
    return fs.statSync(child).isDirectory() || /\.(ya?ml|json)$/.test(entry) ? readPath(child) : [];
  });
}

function readFile(file: string): KubeObject[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message}`);
  }
  const objects: KubeObject[] = [];
  for (const doc of parseAllDocuments(text, { prettyErrors: true })) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0].line ?? 1;
      const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      throw new InputError(`${file}:${line}: ${message}`);
    }
    objects.push(...kubeObjects(doc.toJS()));
  }
  return objects;
}

/** The Kubernetes objects of one document: the document itself, or the items of a `List`. */
function kubeObjects(value: any): KubeObject[] {
  if (value === null || typeof value !== 'object' || typeof value.kind !== 'string') {
    return [];
  }
  if (value.kind.endsWith('List') && Array.isArray(value.items)) {
    return value.items.flatMap(kubeObjects);
  }
  return [value];
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
