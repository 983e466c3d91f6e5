import { KubeObject } from '../finding';
import { forEachItem } from './items';
import { checkWorkloadSelector } from './labels';
import { ipSubnetProblem } from './net';
import { Report } from './report';
import { isSet, listAt, objectAt, quote, stringAt } from './values';

/**
 * The admission rules of an AuthorizationPolicy (security.istio.io), as Istio's
 * ValidateAuthorizationPolicy states them: how the policy selects its workloads, what each action
 * needs, and that every source, operation and condition says something and says it in a form
 * Envoy can match.
 */
export function checkAuthorizationPolicy(obj: KubeObject, report: Report): void {
  const spec = objectAt(obj.spec) ?? {};
  checkTargets(report, spec);
  const action = stringAt(spec.action) || 'ALLOW';
  const rulesSet = spec.rules !== undefined && spec.rules !== null;
  if (action === 'CUSTOM') {
    checkCustom(report, spec, rulesSet);
  } else if (isSet(spec.provider)) {
    report.error('spec.provider', `provider must not be set with the non-CUSTOM action ${action}`);
  }
  if (action === 'DENY' && !rulesSet) {
    report.error('spec.rules', 'a DENY policy without rules never applies: add an empty rule {} to deny every request');
  }
  listAt(spec.rules).forEach((rule, index) => checkRule(report, `spec.rules[${index}]`, rule, action));
}

function checkTargets(report: Report, spec: { [key: string]: any }): void {
  const selector = objectAt(spec.selector);
  const chosen = [selector !== undefined, isSet(spec.targetRef), listAt(spec.targetRefs).length > 0].filter(Boolean).length;
  if (chosen > 1) {
    report.error('spec', 'set only one of selector, targetRef and targetRefs');
  }
  if (selector) {
    checkWorkloadSelector(report, 'spec.selector.matchLabels', selector.matchLabels, 'a selector without labels selects every workload in the namespace');
  }
  const targetRef = objectAt(spec.targetRef);
  if (targetRef) {
    checkTargetRef(report, 'spec.targetRef', targetRef);
  }
  forEachItem(report, 'spec.targetRefs', spec.targetRefs, 'a targetRef', (ref, path) => checkTargetRef(report, path, ref));
}

/** The kinds a policy may attach to by reference, by group (`core` for the empty group). */
const TARGET_KINDS = new Set(['core/Service', 'networking.istio.io/ServiceEntry', 'gateway.networking.k8s.io/Gateway', 'gateway.networking.k8s.io/GatewayClass']);

function checkTargetRef(report: Report, path: string, ref: { [key: string]: any }): void {
  if (stringAt(ref.name) === '') {
    report.error(`${path}.name`, 'a targetRef needs a name');
  }
  if (stringAt(ref.namespace) !== '') {
    report.error(`${path}.namespace`, 'a targetRef cannot name a namespace: a policy attaches only within its own');
  }
  const group = stringAt(ref.group) || 'core';
  const kind = stringAt(ref.kind);
  if (!TARGET_KINDS.has(`${group}/${kind}`)) {
    report.error(`${path}.kind`, `a targetRef must name a Service, ServiceEntry, Gateway API Gateway or GatewayClass, not ${quote(`${stringAt(ref.group)}/${kind}`)}`);
  }
}

/** Source fields an external authorizer (CUSTOM) cannot be asked about. */
const CUSTOM_UNSUPPORTED_SOURCES = [
  'namespaces', 'notNamespaces', 'serviceAccounts', 'notServiceAccounts', 'trustDomains', 'notTrustDomains',
  'principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals',
];

function checkCustom(report: Report, spec: { [key: string]: any }, rulesSet: boolean): void {
  if (!rulesSet) {
    report.error('spec.rules', 'a CUSTOM policy without rules never applies: add an empty rule {} to send every request to the provider');
  } else if (stringAt(objectAt(spec.provider)?.name) === '') {
    report.error('spec.provider.name', 'a CUSTOM policy needs the name of its provider');
  }
  listAt(spec.rules).forEach((rule, ruleIndex) => {
    listAt(objectAt(rule)?.from).forEach((from, fromIndex) => {
      const source = objectAt(objectAt(from)?.source);
      for (const field of CUSTOM_UNSUPPORTED_SOURCES) {
        if (listAt(source?.[field]).length > 0) {
          report.error(`spec.rules[${ruleIndex}].from[${fromIndex}].source.${field}`, `${field} is not supported with the CUSTOM action`);
        }
      }
    });
    listAt(objectAt(rule)?.when).forEach((condition, whenIndex) => {
      const key = stringAt(objectAt(condition)?.key);
      if (IDENTITY_KEYS.has(key) || key.startsWith('request.auth.')) {
        report.error(`spec.rules[${ruleIndex}].when[${whenIndex}].key`, `${key} is not supported with the CUSTOM action`);
      }
    });
  });
}

const IDENTITY_KEYS = new Set(['source.namespace', 'source.serviceAccount', 'source.trustDomain', 'source.principal']);

/** What a source can name; a source must name at least one. */
const SOURCE_FIELDS = [
  'principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals', 'namespaces', 'notNamespaces',
  'ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks', 'serviceAccounts', 'notServiceAccounts',
  'trustDomains', 'notTrustDomains',
];
/** Source fields Envoy matches on a TCP connection, without HTTP. */
const TCP_SOURCE_FIELDS = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces', 'ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks', 'serviceAccounts', 'notServiceAccounts'];
const OPERATION_FIELDS = ['ports', 'notPorts', 'methods', 'notMethods', 'paths', 'notPaths', 'hosts', 'notHosts'];

function checkRule(report: Report, path: string, rule: unknown, action: string): void {
  const body = objectAt(rule);
  if (!body) {
    report.error(path, 'a rule cannot be null');
    return;
  }
  const from = checkSources(report, `${path}.from`, body.from);
  const to = checkOperations(report, `${path}.to`, body.to);
  forEachItem(report, `${path}.when`, body.when, 'a condition', (condition, conditionPath) => checkCondition(report, conditionPath, condition));
  const httpOnly = (from.present && !to.present && !from.tcp) || (to.present && !to.tcp);
  if (httpOnly && action === 'DENY') {
    report.warn(path, 'a DENY rule of HTTP attributes only denies all traffic to the TCP ports it applies to: name the ports');
  }
}

interface Presence {
  /** An item with a source (or operation) exists. */
  readonly present: boolean;
  /** Some item names what Envoy can match on plain TCP. */
  readonly tcp: boolean;
}

function checkSources(report: Report, path: string, list: unknown): Presence {
  if (Array.isArray(list) && list.length === 0) {
    report.error(path, 'from must not be empty: leave it out to match every source');
  }
  let present = false;
  let tcp = false;
  forEachItem(report, path, list, 'a from', (from, fromPath) => {
    const source = objectAt(from.source);
    if (!source) {
      report.error(`${fromPath}.source`, 'a from needs a source');
      return;
    }
    present = true;
    tcp ||= TCP_SOURCE_FIELDS.some((field) => source[field] !== undefined && source[field] !== null);
    checkSource(report, `${fromPath}.source`, source);
  });
  return { present, tcp };
}

function checkSource(report: Report, path: string, source: { [key: string]: any }): void {
  const names = (field: string) => listAt(source[field]).length;
  if (names('principals') + names('notPrincipals') + names('namespaces') + names('notNamespaces') > 0 && names('serviceAccounts') + names('notServiceAccounts') > 0) {
    report.error(path, 'serviceAccounts cannot be set together with namespaces or principals');
  }
  if (SOURCE_FIELDS.every((field) => names(field) === 0)) {
    report.error(path, 'a source must name at least one principal, namespace, service account, trust domain or IP block');
  }
  for (const field of ['ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks']) {
    listAt(source[field]).forEach((value, index) => report.errorIf(`${path}.${field}[${index}]`, value === '' ? 'empty value not allowed' : ipSubnetProblem(stringAt(value))));
  }
  for (const field of ['principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals', 'namespaces', 'notNamespaces']) {
    checkNotEmpty(report, `${path}.${field}`, source[field]);
  }
  for (const field of ['serviceAccounts', 'notServiceAccounts']) {
    report.errorIf(`${path}.${field}`, serviceAccountsProblem(listAt(source[field])));
  }
  for (const field of ['trustDomains', 'notTrustDomains']) {
    report.errorIf(`${path}.${field}`, trustDomainsProblem(listAt(source[field])));
  }
}

function checkOperations(report: Report, path: string, list: unknown): Presence {
  if (Array.isArray(list) && list.length === 0) {
    report.error(path, 'to must not be empty: leave it out to match every operation');
  }
  let present = false;
  let tcp = false;
  forEachItem(report, path, list, 'a to', (to, toPath) => {
    const operation = objectAt(to.operation);
    if (!operation) {
      report.error(`${toPath}.operation`, 'a to needs an operation');
      return;
    }
    present = true;
    tcp ||= isListField(operation.ports) || isListField(operation.notPorts);
    const opPath = `${toPath}.operation`;
    if (OPERATION_FIELDS.every((field) => listAt(operation[field]).length === 0)) {
      report.error(opPath, 'an operation must name at least one port, method, path or host');
    }
    for (const field of OPERATION_FIELDS) {
      checkNotEmpty(report, `${opPath}.${field}`, operation[field]);
    }
    for (const field of ['ports', 'notPorts']) {
      listAt(operation[field]).forEach((port, index) => report.errorIf(`${opPath}.${field}[${index}]`, portStringProblem(port)));
    }
    for (const field of ['paths', 'notPaths']) {
      listAt(operation[field]).forEach((value, index) => report.errorIf(`${opPath}.${field}[${index}]`, pathTemplateProblem(stringAt(value))));
    }
  });
  return { present, tcp };
}

function isListField(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function checkNotEmpty(report: Report, path: string, values: unknown): void {
  listAt(values).forEach((value, index) => {
    if (value === '') {
      report.error(`${path}[${index}]`, 'empty value not allowed');
    }
  });
}

function checkCondition(report: Report, path: string, condition: { [key: string]: any }): void {
  const key = stringAt(condition.key);
  if (key === '') {
    report.error(`${path}.key`, 'a condition needs a key');
    return;
  }
  const values = listAt(condition.values);
  const notValues = listAt(condition.notValues);
  if (values.length === 0 && notValues.length === 0) {
    report.error(path, `a condition on ${key} needs values or notValues`);
    return;
  }
  report.errorIf(`${path}.values`, attributeProblem(key, values));
  report.errorIf(`${path}.notValues`, attributeProblem(key, notValues));
}

/** Why `values` cannot be matched against the attribute `key` of a condition, or undefined. */
export function attributeProblem(key: string, values: readonly unknown[]): string | undefined {
  if (values.some((value) => value === '')) {
    return `empty value not allowed for ${key}`;
  }
  const strings = values.map(stringAt);
  if (key.startsWith('request.headers') || key.startsWith('request.auth.claims') || key.startsWith('experimental.envoy.filters.')) {
    return mapKeyProblem(key);
  }
  switch (key) {
    case 'source.ip':
    case 'remote.ip':
    case 'destination.ip':
      return strings.map(ipSubnetProblem).find((problem) => problem !== undefined);
    case 'source.serviceAccount':
      return serviceAccountsProblem(strings);
    case 'source.trustDomain':
      return wildcardProblem(strings);
    case 'destination.port':
      return strings.map(portStringProblem).find((problem) => problem !== undefined);
    case 'source.namespace':
    case 'source.principal':
    case 'request.auth.principal':
    case 'request.auth.audiences':
    case 'request.auth.presenter':
    case 'connection.sni':
      return undefined;
    case 'destination.namespace':
      return `${key} is replaced by the policy's own metadata.namespace`;
    case 'destination.name':
    case 'destination.user':
      return `${key} was only supported in security.istio.io/v1alpha1`;
    default:
      return key.startsWith('destination.labels') ? `${key} is replaced by the policy's selector` : `unknown attribute ${quote(key)}`;
  }
}

/** `request.headers[x-user]`: a map key in brackets after the attribute name. */
function mapKeyProblem(key: string): string | undefined {
  const open = key.indexOf('[');
  return key.endsWith(']') && open > 0 && open < key.length - 2 ? undefined : `bad key ${quote(key)}: expected the form name[key]`;
}

/** A port as a string of digits, at most 65535, as a policy writes it. */
function portStringProblem(port: unknown): string | undefined {
  const text = stringAt(port);
  return /^[0-9]+$/.test(text) && Number(text) <= 65535 ? undefined : `bad port ${quote(port)}: expected a number from 0 to 65535`;
}

const MAX_SERVICE_ACCOUNTS = 16;
const MAX_SERVICE_ACCOUNT_LENGTH = 320;

/** Why `values` are not service accounts written `name` or `namespace/name`, or undefined. */
export function serviceAccountsProblem(values: readonly unknown[]): string | undefined {
  if (values.length > MAX_SERVICE_ACCOUNTS) {
    return `at most ${MAX_SERVICE_ACCOUNTS} service accounts`;
  }
  for (const value of values.map(stringAt)) {
    if (value === '') {
      return 'empty value not allowed';
    }
    if (value.includes('*')) {
      return `wildcard not allowed in service account ${quote(value)}`;
    }
    const parts = value.split('/');
    if (parts.length > 2 || parts.some((part) => part === '')) {
      return `expected a service account as "name" or "namespace/name", found ${quote(value)}`;
    }
    if (value.length > MAX_SERVICE_ACCOUNT_LENGTH) {
      return `a service account has at most ${MAX_SERVICE_ACCOUNT_LENGTH} characters, found ${quote(value)}`;
    }
  }
  return undefined;
}

function wildcardProblem(values: readonly string[]): string | undefined {
  for (const value of values) {
    if (value === '') {
      return 'empty value not allowed';
    }
    const stars = value.split('*').length - 1;
    if (stars > 1) {
      return `at most one wildcard is allowed, found ${quote(value)}`;
    }
    if (stars === 1 && value !== '*' && !value.startsWith('*') && !value.endsWith('*')) {
      return `a wildcard is allowed only at the start or the end, found ${quote(value)}`;
    }
  }
  return undefined;
}

function trustDomainsProblem(values: readonly unknown[]): string | undefined {
  const strings = values.map(stringAt);
  return wildcardProblem(strings) ?? strings.filter((value) => value.includes('/')).map((value) => `a trust domain cannot contain "/", found ${quote(value)}`)[0];
}

const MATCH_ONE = '{*}';
const MATCH_ANY = '{**}';
/** The characters RFC 3986 allows in a path segment, which Envoy's path templates take literally. */
const PATH_LITERAL = /^[a-zA-Z0-9\-._~%!$&'()+,;:@=]+$/;

/**
 * Why `path` is not a path Envoy can match: `{*}` and `{**}` are the only templates, `{**}` only
 * last, and a path with a template has only literal segments otherwise. Undefined when it can.
 */
function pathTemplateProblem(path: string): string | undefined {
  const hasTemplate = path.includes(MATCH_ONE) || path.includes(MATCH_ANY);
  let matchedAny = false;
  for (const segment of path.replace(/^\/+|\/+$/g, '').split('/')) {
    if ((segment === MATCH_ONE || segment === MATCH_ANY) && matchedAny) {
      return `invalid path ${quote(path)}: {**} must be the last operator`;
    }
    if (segment === MATCH_ONE) {
      continue;
    }
    if (segment === MATCH_ANY) {
      matchedAny = true;
      continue;
    }
    if (/[{}]/.test(segment)) {
      return `invalid path ${quote(path)}: "{" and "}" only in the templates {*} and {**}`;
    }
    if (hasTemplate && !PATH_LITERAL.test(segment)) {
      return `invalid path ${quote(path)}: segment ${quote(segment)} is not a valid literal`;
    }
  }
  return undefined;
}
