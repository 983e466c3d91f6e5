import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { AnalysisOptions, analyze } from '../../../src/rules/analyze';
import { KubeObject } from '../../../src/rules/finding';
import { MeshConfig, parseMeshConfig } from '../../../src/rules/mesh-config';
import { ApplicableCase } from './cases';

const FIXTURES = path.join(__dirname, 'fixtures');
const MESH_CONFIGS = path.join(__dirname, 'mesh-configs');

/**
 * The options that make `analyze` see what istioctl sees in TestAnalyzers: the test adds the
 * default ingress gateway (a pod labelled `istio: ingressgateway` and the Service
 * `istio-system/istio-ingressgateway`, as `AddDefaultResources` does without a mesh config that
 * turns it off), so `defaultGateway` is on (it also assumes the default egress gateway, which no
 * applicable case selects); and it analyzes only its input files, so a host or
 * Secret the input does not hold is missing, not assumed to exist elsewhere.
 */
export const ISTIOCTL_TEST_OPTIONS: AnalysisOptions = { defaultGateway: true, assumeHostsAndSecretsExist: false };

/** The objects of a fixture, with the items of a `List` read as objects, as istioctl and the CLI read files. */
export function fixtureObjects(fixture: string): KubeObject[] {
  const text = fs.readFileSync(path.join(FIXTURES, `${fixture}.yaml`), 'utf8');
  return parseAllDocuments(text).map((doc) => doc.toJS()).flatMap(itemsOf);
}

function itemsOf(value: any): KubeObject[] {
  if (value === null || typeof value !== 'object') {
    return [];
  }
  return value.kind === 'List' && Array.isArray(value.items) ? value.items.flatMap(itemsOf) : [value];
}

/**
 * The findings of the case's codes on its fixture, as a sorted set of `CODE Kind namespace/name`
 * (`CODE Kind name` for a cluster-scoped object, as istioctl names it):
 * upstream compares message type and resource, and repeats a message once per offending field,
 * which the project reports once per object or per field as its rules do.
 */
export function actualFindings(parityCase: ApplicableCase): string[] {
  const codes = new Set(parityCase.codes);
  const found = analyze(fixtureObjects(parityCase.fixture), { ...ISTIOCTL_TEST_OPTIONS, meshConfig: meshConfigOf(parityCase) })
    .filter((f) => codes.has(f.code))
    .map((f) => `${f.code} ${f.kind} ${f.namespace === undefined ? f.name : `${f.namespace}/${f.name}`}`);
  return asSet(found);
}

/** The case's mesh config, as `istioctl analyze --meshConfigFile` would read it. */
export function meshConfigOf(parityCase: ApplicableCase): MeshConfig | undefined {
  return parityCase.meshConfig === undefined ? undefined : parseMeshConfig(fs.readFileSync(path.join(MESH_CONFIGS, `${parityCase.meshConfig}.yaml`), 'utf8'));
}

/** The findings upstream expects, as a sorted set. */
export function expectedFindings(parityCase: ApplicableCase): string[] {
  return asSet(parityCase.expected);
}

function asSet(lines: readonly string[]): string[] {
  return [...new Set(lines)].sort();
}
