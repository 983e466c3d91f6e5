/**
 * Name forms as Kubernetes checks them, for what the API server (not Istio) would refuse:
 * object names, namespaces, Service and port names. Unlike Istio's DNS label (see names.ts),
 * these admit lower case only.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
// Whole names are matched label by label in one regex rather than split: the library checks
// every name it is given, tens of thousands in a large app.
const DNS1123_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?)*$/;
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
 * True when `name` is a DNS-1035 label, the form Kubernetes requires of Service names: like a
 * DNS-1123 label, but starting with a letter.
 */
export function isDns1035Label(name: string): boolean {
  return DNS1035_LABEL.test(name);
}
