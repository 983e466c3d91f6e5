import { IConstruct } from 'constructs';
import { invalidInput } from './errors';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
// Whole names are matched label by label in one regex rather than split: the library checks
// every name and host it is given, tens of thousands in a large app.
const DNS1123_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?)*$/;
const FQDN = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)*$/;
const MAX_SUBDOMAIN_LENGTH = 253;

/** True when `name` is a DNS-1123 subdomain, the form Kubernetes requires of object names. */
export function isDns1123Subdomain(name: string): boolean {
  return name.length <= MAX_SUBDOMAIN_LENGTH && DNS1123_SUBDOMAIN.test(name);
}

/** True when `name` is a DNS-1123 label, the form Kubernetes requires of namespaces and port names. */
export function isDns1123Label(name: string): boolean {
  return DNS1123_LABEL.test(name);
}

/**
 * True when `host` is a host name Istio accepts in Gateway, VirtualService and ServiceEntry
 * hosts: a fully qualified domain name, optionally with a leading `*.` wildcard, or `*` alone.
 */
export function isValidHost(host: string): boolean {
  if (host === '*') {
    return true;
  }
  const name = host.startsWith('*.') ? host.slice(2) : host;
  return name.length > 0 && name.length <= 255 && FQDN.test(name);
}

/**
 * True when `name` is a DNS-1035 label, the form Kubernetes requires of Service names: like a
 * DNS-1123 label, but starting with a letter.
 */
export function isDns1035Label(name: string): boolean {
  return DNS1035_LABEL.test(name);
}

/** Throws unless `name` can name a Kubernetes object. */
export function validateObjectName(scope: IConstruct, field: string, name: string): string {
  if (!isDns1123Subdomain(name)) {
    throw invalidInput(scope, field, name, 'expected a DNS-1123 name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters');
  }
  return name;
}

/**
 * Throws unless `name` can name a Gateway: Istio requires a DNS-1123 label, since VirtualServices
 * refer to it as `<namespace>/<name>`.
 */
export function validateGatewayName(scope: IConstruct, field: string, name: string): string {
  if (!isDns1123Label(name)) {
    throw invalidInput(scope, field, name, 'expected a DNS-1123 label (Istio requires it of Gateway names): lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters');
  }
  return name;
}

/**
 * Throws unless `name` can name a Kubernetes Service: a DNS-1035 label, which unlike other
 * object names must start with a letter.
 */
export function validateServiceName(scope: IConstruct, field: string, name: string): string {
  if (!isDns1035Label(name)) {
    throw invalidInput(scope, field, name, 'expected a DNS-1035 label (it names a Service): lowercase letters, digits and "-", starting with a letter, ending with a letter or digit, at most 63 characters');
  }
  return name;
}

/** Throws unless `namespace` can name a Kubernetes namespace. */
export function validateNamespace(scope: IConstruct, field: string, namespace: string | undefined): string | undefined {
  if (namespace !== undefined && !isDns1123Label(namespace)) {
    throw invalidInput(scope, field, namespace, 'expected a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters');
  }
  return namespace;
}

/** Throws unless `hosts` is a non-empty list of valid hosts (see `isValidHost`). */
export function validateHosts(scope: IConstruct, field: string, hosts: readonly string[]): string[] {
  if (hosts.length === 0) {
    throw invalidInput(scope, field, hosts, 'expected at least one host');
  }
  hosts.forEach((host, i) => {
    if (!isValidHost(host)) {
      throw invalidInput(scope, `${field}[${i}]`, host, 'expected a DNS name such as "app.example.com", a wildcard such as "*.example.com", or "*"');
    }
  });
  return [...hosts];
}

/** Throws unless `port` is a whole number from 1 to 65535. */
export function validatePortNumber(scope: IConstruct, field: string, port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw invalidInput(scope, field, port, 'expected a whole number from 1 to 65535');
  }
  return port;
}
