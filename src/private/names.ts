import { IConstruct } from 'constructs';
import { invalidInput, rejectIf } from './errors';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain } from '../rules/webhook/kubernetes-names';
import { isDnsLabel } from '../rules/webhook/names';
import { portProblem } from '../rules/webhook/net';

/** Throws unless `name` can name a Kubernetes object. */
export function validateObjectName(scope: IConstruct, field: string, name: string): string {
  if (!isDns1123Subdomain(name)) {
    throw invalidInput(scope, field, name, 'expected a DNS-1123 name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters');
  }
  return name;
}

/**
 * Throws unless `name` can name a Gateway: a Kubernetes object name that is also the DNS label
 * Istio requires of Gateway names, since VirtualServices refer to it as `<namespace>/<name>`.
 */
export function validateGatewayName(scope: IConstruct, field: string, name: string): string {
  if (!isDns1123Subdomain(name) || !isDnsLabel(name)) {
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

/** Throws unless Istio accepts `port` as a port number. */
export function validatePortNumber(scope: IConstruct, field: string, port: number): number {
  rejectIf(scope, field, port, portProblem(port));
  return port;
}
