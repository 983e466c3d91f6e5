import { IstioAnalysisOptions } from '../analysis-options';
import { FindingLevel } from '../../rules/finding';
import { NamespaceHosts } from '../../rules/host-ownership';
import { IstioRelease } from '../../rules/istio-release';
import { IngressControllerMode, MeshConfig } from '../../rules/mesh-config';
import { DeclaredWorkload } from '../../rules/mesh-index';

const LEVELS = [FindingLevel.INFO, FindingLevel.WARNING, FindingLevel.ERROR];

/** The level named `text` in any case (`warning`, `Warning`), as istioctl's threshold flags take it. */
export function findingLevelNamed(text: string): FindingLevel | undefined {
  return LEVELS.find((level) => level.toUpperCase() === text.toUpperCase());
}

/** The names of the levels, for messages. */
export const LEVEL_NAMES = LEVELS.join(', ');

type Reader = (value: unknown, where: string) => unknown;

const MESH_CONFIG_MODES = Object.values(IngressControllerMode) as string[];

const MESH_CONFIG_FIELDS: { readonly [field in keyof MeshConfig]-?: Reader } = {
  ingressControllerMode: (value, where) => oneOf(value, where, MESH_CONFIG_MODES),
  ingressService: (value, where) => ofType(value, where, 'string'),
  dnsCapture: (value, where) => ofType(value, where, 'boolean'),
  dnsAutoAllocate: (value, where) => ofType(value, where, 'boolean'),
  rootNamespace: (value, where) => ofType(value, where, 'string'),
};

const WORKLOAD_FIELDS: { readonly [field in keyof DeclaredWorkload]-?: Reader } = {
  labels: (value, where) => stringMap(value, where),
  namespace: (value, where) => ofType(value, where, 'string'),
  serviceName: (value, where) => ofType(value, where, 'string'),
  ports: (value, where) => list(value, where, (item, at) => ofType(item, at, 'number')),
};

const NAMESPACE_HOSTS_FIELDS: { readonly [field in keyof NamespaceHosts]-?: Reader } = {
  namespace: (value, where) => ofType(value, where, 'string'),
  hosts: (value, where) => list(value, where, (item, at) => ofType(item, at, 'string')),
};

const OPTION_FIELDS: { readonly [field in keyof IstioAnalysisOptions]-?: Reader } = {
  defaultGateway: (value, where) => ofType(value, where, 'boolean'),
  assumeHostsAndSecretsExist: (value, where) => ofType(value, where, 'boolean'),
  meshConfig: (value, where) => mapping(value, where, MESH_CONFIG_FIELDS),
  istioRelease: release,
  failureThreshold: level,
  now: time,
  workloads: (value, where) => list(value, where, (item, at) => required(mapping(item, at, WORKLOAD_FIELDS), at, 'labels')),
  hostOwnership: (value, where) => list(value, where, (item, at) => required(required(mapping(item, at, NAMESPACE_HOSTS_FIELDS), at, 'namespace'), at, 'hosts')),
};

/**
 * The analysis options that a mapping of YAML (the plugin's `properties:` in `cdk8s.yaml`) gives:
 * the same fields, with `istioRelease` written as a version (`"1.22"`) and `failureThreshold` as
 * a level's name in any case. Values already of the options' types are kept.
 *
 * @throws naming the property, the value and what is valid
 */
export function optionsFromYaml(properties: unknown): IstioAnalysisOptions {
  return mapping(properties ?? {}, 'properties', OPTION_FIELDS) as IstioAnalysisOptions;
}

function mapping(value: unknown, where: string, fields: { readonly [field: string]: Reader }): object {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${where}: ${JSON.stringify(value)} is not a mapping`);
  }
  const read: { [field: string]: unknown } = {};
  for (const [field, fieldValue] of Object.entries(value)) {
    const reader = fields[field];
    if (!reader) {
      throw new Error(`${where}.${field}: unknown property: expected one of ${Object.keys(fields).join(', ')}`);
    }
    if (fieldValue !== undefined && fieldValue !== null) {
      read[field] = reader(fieldValue, `${where}.${field}`);
    }
  }
  return read;
}

function list(value: unknown, where: string, item: Reader): unknown[] {
  if (!Array.isArray(value)) {
    throw new Error(`${where}: ${JSON.stringify(value)} is not a list`);
  }
  return value.map((v, i) => item(v, `${where}[${i}]`));
}

function stringMap(value: unknown, where: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${where}: ${JSON.stringify(value)} is not a mapping`);
  }
  for (const [key, item] of Object.entries(value)) {
    ofType(item, `${where}.${key}`, 'string');
  }
  return value;
}

function required(value: object, where: string, field: string): object {
  if (!(field in value)) {
    throw new Error(`${where}: ${field} is required`);
  }
  return value;
}

function ofType(value: unknown, where: string, type: 'string' | 'boolean' | 'number'): unknown {
  if (typeof value !== type) {
    throw new Error(`${where}: ${JSON.stringify(value)} is not a ${type}`);
  }
  return value;
}

function oneOf(value: unknown, where: string, valid: readonly string[]): unknown {
  if (typeof value !== 'string' || !valid.includes(value)) {
    throw new Error(`${where}: ${JSON.stringify(value)} is not one of ${valid.join(', ')}`);
  }
  return value;
}

function release(value: unknown, where: string): IstioRelease {
  if (value instanceof IstioRelease) {
    return value;
  }
  // YAML reads an unquoted 1.22 as a number; 1.20 would be 1.2, which the parse then refuses
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new Error(`${where}: ${JSON.stringify(value)} is not an Istio version such as "1.22"`);
  }
  try {
    return IstioRelease.parse(String(value));
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
}

function time(value: unknown, where: string): Date {
  // YAML 1.1 reads an unquoted timestamp as a date; a quoted one is a string
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw new Error(`${where}: ${JSON.stringify(value)} is not a time such as "2026-01-01T00:00:00Z"`);
  }
  return date;
}

function level(value: unknown, where: string): FindingLevel {
  const found = typeof value === 'string' ? findingLevelNamed(value) : undefined;
  if (found === undefined) {
    throw new Error(`${where}: ${JSON.stringify(value)} is not a finding level: expected ${LEVEL_NAMES}`);
  }
  return found;
}
