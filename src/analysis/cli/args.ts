import { IstioAnalysisOptions } from '../analysis-options';
import { findingLevelNamed, LEVEL_NAMES } from '../private/option-text';
import { FindingLevel } from '../../rules/finding';
import { IstioRelease } from '../../rules/istio-release';
import { ResourceSuppression } from '../../rules/resource-suppression';

/** The path that names standard input, as for istioctl. */
export const STDIN = '-';

export const USAGE = `usage: cdk8s-istio-gateways analyze [options] [PATH...]
       cdk8s-istio-gateways graph [options] [PATH...]

analyze: analyzes Kubernetes manifests (YAML or JSON files, folders of them, or - for standard
input) the way istioctl analyze does. graph: draws the edge of the mesh they configure (hosts ->
gateway workload and port -> Gateway server -> route -> Service; mesh -> egress gateway ->
external host), with the findings of the analysis marked on the nodes they concern. Without a
PATH, both read standard input.

options:
  -o, --output FORMAT                  analyze: text (default), one finding a line, or json, a JSON
                                       array; graph: mermaid (default), a Mermaid flowchart, html,
                                       a page that renders it offline (needs the mermaid package),
                                       or json, the nodes, edges and findings
  --failure-threshold LEVEL            exit 1 when a finding is LEVEL or more serious: Info,
                                       Warning or Error (default Error)
  --output-threshold LEVEL             print only the findings that are LEVEL or more serious:
                                       Info (default), Warning or Error
  --no-default-gateway                 do not assume the mesh's default gateways (istio: ingressgateway,
                                       Service istio-system/istio-ingressgateway; istio: egressgateway,
                                       Service istio-system/istio-egressgateway)
  --assume-hosts-and-secrets-exist     take destination hosts, DestinationRule hosts, credential
                                       Secrets and the subsets of hosts the input has no
                                       DestinationRule for, missing from the input, to exist elsewhere
  --istio-version VERSION              judge the manifests by the admission rules of this Istio release
                                       (1.10 or later, as 1.22 or 1.22.3; default the newest known)
  --meshConfigFile FILE                read the mesh config from FILE (MeshConfig YAML, the mesh key
                                       of the istio ConfigMap), as istioctl analyze does
  --host-ownership FILE                police the hosts each namespace exposes or sends egress to
                                       (CIG0401): FILE is YAML or JSON, a mapping "namespaces" of
                                       namespace to its hosts ({namespaces: {team-a:
                                       ["*.team-a.example.com"]}}); namespaces it leaves out are
                                       not policed
  -S, --suppress CODE=RESOURCE         leave out the findings of CODE about RESOURCE, written as
                                       Kind name.namespace, where * stands for any text
                                       ("IST0132=VirtualService *.shop"); can be repeated
  -h, --help                           print this help

exit status: 0 no finding at the failure threshold, 1 a finding at it (analyze only: graph draws
the findings and exits 0), 2 unreadable input or bad usage`;

/** What the command line asks to do. */
export enum Verb {
  ANALYZE = 'analyze',
  GRAPH = 'graph',
}

/** How `graph` writes the graph. */
export enum GraphFormat {
  MERMAID = 'mermaid',
  HTML = 'html',
  JSON = 'json',
}

/** What the command line asks for. */
export interface Command {
  readonly verb: Verb;
  /** The files and folders to read, `-` for standard input; empty for `--help`. */
  readonly paths: string[];
  readonly help: boolean;
  /** For `analyze`: findings as JSON rather than text. */
  readonly json: boolean;
  /** For `graph`: the format of the graph. */
  readonly graphFormat: GraphFormat;
  readonly outputThreshold: FindingLevel;
  /** The analysis options the flags give; the CLI's defaults fill in the rest. */
  readonly options: IstioAnalysisOptions;
  /** The MeshConfig YAML file to read, as istioctl's `--meshConfigFile`. */
  readonly meshConfigFile?: string;
  /** The host ownership policy file to read (`--host-ownership`). */
  readonly hostOwnershipFile?: string;
  readonly suppressions: ResourceSuppression[];
}

/**
 * Reads the arguments after the program name.
 * @throws with the reason when they are not a valid command line
 */
export function parseArgs(args: readonly string[]): Command {
  const [verb, ...rest] = args;
  if (verb === undefined || verb === '-h' || verb === '--help') {
    return helpCommand();
  }
  if (verb !== Verb.ANALYZE && verb !== Verb.GRAPH) {
    throw new Error(`unknown command ${JSON.stringify(verb)}: expected "analyze" or "graph"`);
  }
  const paths: string[] = [];
  let json = false;
  let graphFormat = GraphFormat.MERMAID;
  let defaultGateway: boolean | undefined;
  let assumeHostsAndSecretsExist: boolean | undefined;
  let failureThreshold: FindingLevel | undefined;
  let outputThreshold = FindingLevel.INFO;
  let istioRelease: IstioRelease | undefined;
  let meshConfigFile: string | undefined;
  let hostOwnershipFile: string | undefined;
  const suppressions: ResourceSuppression[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const name = arg.includes('=') && arg.startsWith('--') ? arg.slice(0, arg.indexOf('=')) : arg;
    const value = () => (arg.includes('=') && arg.startsWith('--') ? arg.slice(arg.indexOf('=') + 1) : rest[++i]);
    if (name === '-o' || name === '--output') {
      const format = value();
      if (verb === Verb.GRAPH) {
        graphFormat = parseGraphFormat(format);
      } else if (format !== 'json' && format !== 'text') {
        throw new Error(`invalid --output ${JSON.stringify(format ?? '')}: expected "text" or "json"`);
      }
      json = format === 'json';
    } else if (name === '--failure-threshold' || name === '--output-threshold') {
      const level = parseLevel(name, value());
      failureThreshold = name === '--failure-threshold' ? level : failureThreshold;
      outputThreshold = name === '--output-threshold' ? level : outputThreshold;
    } else if (name === '--istio-version') {
      istioRelease = parseRelease(value());
    } else if (name === '--meshConfigFile') {
      meshConfigFile = value();
      if (!meshConfigFile) {
        throw new Error('--meshConfigFile needs a FILE');
      }
    } else if (name === '--host-ownership') {
      hostOwnershipFile = value();
      if (!hostOwnershipFile) {
        throw new Error('--host-ownership needs a FILE');
      }
    } else if (name === '--no-default-gateway') {
      defaultGateway = false;
    } else if (name === '--assume-hosts-and-secrets-exist') {
      assumeHostsAndSecretsExist = true;
    } else if (name === '-S' || name === '--suppress') {
      suppressions.push(ResourceSuppression.parse(value() ?? ''));
    } else if (name === '-h' || name === '--help') {
      return helpCommand();
    } else if (arg.startsWith('-') && arg !== STDIN) {
      throw new Error(`unknown option ${JSON.stringify(arg)}`);
    } else {
      paths.push(arg);
    }
  }
  return {
    verb,
    paths: paths.length === 0 ? [STDIN] : paths,
    help: false,
    json,
    graphFormat,
    outputThreshold,
    options: { defaultGateway, assumeHostsAndSecretsExist, istioRelease, failureThreshold },
    meshConfigFile,
    hostOwnershipFile,
    suppressions,
  };
}

/** A level as istioctl's threshold flags take it: its name in any case. */
function parseLevel(flag: string, text: string | undefined): FindingLevel {
  const level = findingLevelNamed(text ?? '');
  if (level === undefined) {
    throw new Error(`invalid ${flag} ${JSON.stringify(text ?? '')}: expected ${LEVEL_NAMES}`);
  }
  return level;
}

function parseGraphFormat(text: string | undefined): GraphFormat {
  const format = Object.values(GraphFormat).find((f) => f === text);
  if (format === undefined) {
    throw new Error(`invalid --output ${JSON.stringify(text ?? '')} for graph: expected ${Object.values(GraphFormat).map((f) => `"${f}"`).join(', ')}`);
  }
  return format;
}

function parseRelease(text: string | undefined): IstioRelease {
  try {
    return IstioRelease.parse(text ?? '');
  } catch (e) {
    throw new Error(`invalid --istio-version ${JSON.stringify(text ?? '')}: ${(e as Error).message}`);
  }
}

function helpCommand(): Command {
  return { verb: Verb.ANALYZE, paths: [], help: true, json: false, graphFormat: GraphFormat.MERMAID, outputThreshold: FindingLevel.INFO, options: {}, suppressions: [] };
}
