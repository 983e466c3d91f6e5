import { Finding, FindingLevel, KubeObject } from '../finding';
import { reportedNamespaceOf } from '../mesh-index';

/** One kind of istioctl analyze message: its code, its name and its level. */
export interface MessageType {
  readonly code: string;
  readonly name: string;
  readonly level: FindingLevel;
  /** How to fix what it reports. */
  readonly fix: string;
}

function type(code: string, name: string, level: FindingLevel, fix: string): MessageType {
  return { code, name, level, fix };
}

/**
 * The messages the cross-object analysis reports: istioctl's, with istioctl's codes and levels,
 * and the project's own for what istioctl does not check. istioctl's codes are `IST` and four
 * digits; the project's are `CIG` (cdk8s-istio-gateways) and four digits, so that they can never
 * collide with a code istioctl adds later.
 */
export const MESSAGES = {
  Deprecated: type('IST0002', 'Deprecated', FindingLevel.WARNING,
    `use the field that replaces the deprecated one, or remove the field that Istio ignores`),
  ReferencedResourceNotFound: type('IST0101', 'ReferencedResourceNotFound', FindingLevel.ERROR,
    `correct the reference, or add the object it names (a workload matching the Gateway selector, the Gateway, a Service or ServiceEntry for the host, a DestinationRule subset, the credential Secret in the gateway workload's namespace)`),
  MisplacedAnnotation: type('IST0107', 'MisplacedAnnotation', FindingLevel.WARNING,
    `move the annotation to the kind of object Istio reads it on (a pod template's annotations, not the Deployment's own), or remove it`),
  UnknownAnnotation: type('IST0108', 'UnknownAnnotation', FindingLevel.WARNING,
    `correct the annotation's name (see istio.io/latest/docs/reference/config/annotations/), or remove it: Istio ignores annotations it does not know`),
  ConflictingMeshGatewayVirtualServiceHosts: type('IST0109', 'ConflictingMeshGatewayVirtualServiceHosts', FindingLevel.ERROR,
    `merge the VirtualServices into one, or narrow their exportTo so that no two export the same host to a namespace (the exportTo option of an exposure or an egress route)`),
  ConflictingSidecarWorkloadSelectors: type('IST0110', 'ConflictingSidecarWorkloadSelectors', FindingLevel.ERROR,
    `give each workload one Sidecar: narrow the workloadSelector labels so that no two Sidecars of a namespace select the same pods, or merge the Sidecars`),
  MultipleSidecarsWithoutWorkloadSelectors: type('IST0111', 'MultipleSidecarsWithoutWorkloadSelectors', FindingLevel.ERROR,
    `keep one Sidecar without workloadSelector per namespace: merge them, or give the others a workloadSelector`),
  VirtualServiceDestinationPortSelectorRequired: type('IST0112', 'VirtualServiceDestinationPortSelectorRequired', FindingLevel.ERROR,
    `set destination.port.number to one of the service's ports`),
  DeploymentAssociatedToMultipleServices: type('IST0116', 'DeploymentAssociatedToMultipleServices', FindingLevel.WARNING,
    `give the Services that select these pods one protocol per port, or select the pods with one Service per port`),
  PortNameIsNotUnderNamingConvention: type('IST0118', 'PortNameIsNotUnderNamingConvention', FindingLevel.INFO,
    `name the Service port <protocol>[-<suffix>] (http, http2, grpc, tcp, tls, ...) or set its appProtocol, so that Istio does not have to detect the protocol`),
  InvalidAnnotation: type('IST0125', 'InvalidAnnotation', FindingLevel.WARNING,
    `give the annotation a value of the form it takes (see the message), or remove it`),
  NoMatchingWorkloadsFound: type('IST0127', 'NoMatchingWorkloadsFound', FindingLevel.WARNING,
    `correct the selector so that it matches the labels of some pod, or add the workload it is meant for`),
  NoServerCertificateVerificationDestinationLevel: type('IST0128', 'NoServerCertificateVerificationDestinationLevel', FindingLevel.WARNING,
    `set trafficPolicy.tls.caCertificates (or, on a rule with a workloadSelector, a credentialName whose Secret holds ca.crt)`),
  NoServerCertificateVerificationPortLevel: type('IST0129', 'NoServerCertificateVerificationPortLevel', FindingLevel.WARNING,
    `set caCertificates in that portLevelSettings entry's tls (or, on a rule with a workloadSelector, a credentialName whose Secret holds ca.crt)`),
  VirtualServiceUnreachableRule: type('IST0130', 'VirtualServiceUnreachableRule', FindingLevel.WARNING,
    `put the catch-all rule (without match) last and give each rule a match no earlier rule has`),
  VirtualServiceIneffectiveMatch: type('IST0131', 'VirtualServiceIneffectiveMatch', FindingLevel.INFO,
    `remove the duplicate match, change it so that it differs from the earlier rule's, or put the match with the longer URI prefix first`),
  VirtualServiceHostNotFoundInGateway: type('IST0132', 'VirtualServiceHostNotFoundInGateway', FindingLevel.WARNING,
    `add the VirtualService's host to a server of the Gateway (visible to the VirtualService's namespace), or bind the VirtualService to the Gateway that serves it`),
  ServiceEntryAddressesRequired: type('IST0134', 'ServiceEntryAddressesRequired', FindingLevel.WARNING,
    `set addresses on the ServiceEntry, or give its ports a protocol other than TCP (HTTP, HTTPS, TLS, ...)`),
  DeprecatedAnnotation: type('IST0135', 'DeprecatedAnnotation', FindingLevel.INFO,
    `use what replaces the deprecated annotation (the sidecar.istio.io/inject label instead of the annotation), or remove it`),
  DeploymentConflictingPorts: type('IST0137', 'DeploymentConflictingPorts', FindingLevel.WARNING,
    `make the Services that send to one targetPort of these pods use the same port for it`),
  GatewayDuplicateCertificate: type('IST0138', 'GatewayDuplicateCertificate', FindingLevel.WARNING,
    `serve all hosts of a certificate from one Gateway, or use a distinct certificate for each Gateway`),
  IngressRouteRulesNotAffected: type('IST0140', 'IngressRouteRulesNotAffected', FindingLevel.WARNING,
    `route the gateway's traffic to the subset itself (set destination.subset in the gateway's VirtualService): the sidecars' VirtualService that picks the subset does not apply to requests coming through a gateway`),
  InvalidApplicationUID: type('IST0144', 'InvalidApplicationUID', FindingLevel.WARNING,
    `run the application as another user: UID 1337 is the sidecar proxy's, whose traffic the sidecar does not capture`),
  ConflictingGateways: type('IST0145', 'ConflictingGateways', FindingLevel.ERROR,
    `serve each host on a workload port from one Gateway only: merge the servers, or use other hosts or ports`),
  ExternalNameServiceTypeInvalidPortName: type('IST0150', 'ExternalNameServiceTypeInvalidPortName', FindingLevel.WARNING,
    `name the ExternalName Service's port after its protocol other than plain tcp (http, https, tls, ...), or set its appProtocol`),
  InvalidGatewayCredential: type('IST0161', 'InvalidGatewayCredential', FindingLevel.ERROR,
    `put a current PEM certificate and its key in the credential Secret, under tls.crt and tls.key (or cert and key)`),
  GatewayPortNotDefinedOnService: type('IST0162', 'GatewayPortNotDefinedOnService', FindingLevel.WARNING,
    `add the port to the gateway workload's Service (a MeshGateway's spec.ports, an IstioMeshGateway's spec.service.ports, or the Service itself), or listen on a port it exposes`),
  ReferencedInternalGateway: type('IST0165', 'ReferencedInternalGateway', FindingLevel.WARNING,
    `bind the VirtualService to an Istio Gateway, or route with an HTTPRoute whose parentRefs name the Kubernetes Gateway, not the Gateway Istio generates from it`),
  NegativeConditionStatus: type('IST0171', 'NegativeConditionStatus', FindingLevel.WARNING,
    `see the condition's reason and message: the controller that wrote it says the object does not take effect as it is`),
  DestinationRuleSubsetNotSelectPods: type('IST0173', 'DestinationRuleSubsetNotSelectPods', FindingLevel.ERROR,
    `change the subset labels to those of existing pods, deploy the pods, or remove the subset`),
  UnknownDestinationRuleHost: type('IST0174', 'UnknownDestinationRuleHost', FindingLevel.WARNING,
    `correct the host (use the fully qualified name for another namespace) or add a ServiceEntry for it`),
  ConflictingServiceEntryProtocol: type('IST0177', 'ConflictingServiceEntryProtocol', FindingLevel.WARNING,
    `give a host and port one protocol in every ServiceEntry that declares it (visible in a namespace), or merge the ServiceEntries`),
  DuplicateObject: type('CIG0001', 'DuplicateObject', FindingLevel.ERROR,
    `give each object of a kind a name of its own in its namespace, or remove the copy`),
  // The Gateway API: istioctl analyze has no checks of routes and listeners (Istio reports them in
  // the objects' status conditions, named here), so these are the project's own.
  GatewayApiNoMatchingListener: type('CIG0101', 'GatewayApiNoMatchingListener', FindingLevel.ERROR,
    `correct the parentRef's sectionName or port to those of a listener of the Gateway, or add the listener (status: Accepted=False, NoMatchingParent)`),
  GatewayApiNoMatchingListenerHostname: type('CIG0102', 'GatewayApiNoMatchingListenerHostname', FindingLevel.ERROR,
    `give the route a hostname that the listener's hostname matches, or attach it to a listener for its hostnames (status: Accepted=False, NoMatchingListenerHostname)`),
  GatewayApiNotAllowedByListeners: type('CIG0103', 'GatewayApiNotAllowedByListeners', FindingLevel.ERROR,
    `let the route's namespace and kind in through the listener's allowedRoutes (namespaces.from, kinds), or attach the route to a listener that allows it (status: Accepted=False, NotAllowedByListeners)`),
  GatewayApiRefNotPermitted: type('CIG0104', 'GatewayApiRefNotPermitted', FindingLevel.ERROR,
    `add a ReferenceGrant in the referenced object's namespace that allows the referring kind and namespace, or move the objects into one namespace (status: ResolvedRefs=False, RefNotPermitted)`),
  GatewayApiInvalidBackend: type('CIG0105', 'GatewayApiInvalidBackend', FindingLevel.ERROR,
    `refer to a Service by its name with a port, or to an external host as kind Hostname of group networking.istio.io with a port and no namespace (status: ResolvedRefs=False, InvalidKind or BackendNotFound)`),
  GatewayApiListenerConflict: type('CIG0106', 'GatewayApiListenerConflict', FindingLevel.ERROR,
    `put TCP listeners on ports of their own: a TCP listener cannot share its port with HTTP, HTTPS or TLS listeners (status: Conflicted=True, ProtocolConflict)`),
  GatewayApiUnsupportedProtocol: type('CIG0107', 'GatewayApiUnsupportedProtocol', FindingLevel.ERROR,
    `use one of the protocols Istio's gateways serve: HTTP, HTTPS, TLS or TCP (status: Accepted=False, UnsupportedProtocol)`),
  GatewayApiInvalidCertificateRef: type('CIG0108', 'GatewayApiInvalidCertificateRef', FindingLevel.ERROR,
    `refer to at most two Secrets (group "", kind Secret) holding tls.crt and tls.key (status: ResolvedRefs=False, InvalidCertificateRef)`),
  EmptyTlsVersionRange: type('CIG0201', 'EmptyTlsVersionRange', FindingLevel.ERROR,
    `give a maxProtocolVersion no older than the minProtocolVersion, or leave the maximum out`),
  TlsModeWithoutEffect: type('CIG0202', 'TlsModeWithoutEffect', FindingLevel.WARNING,
    `remove the tls settings of the plain HTTP server, set httpsRedirect, or serve HTTPS or TLS to use the mode`),
  UnusableCredentialName: type('CIG0203', 'UnusableCredentialName', FindingLevel.ERROR,
    `name the Secret that holds the certificate: a DNS-1123 name, optionally as kubernetes://[<namespace>/]<name>`),
  UnsupportedRedirectCode: type('CIG0204', 'UnsupportedRedirectCode', FindingLevel.ERROR,
    `use a redirect code Envoy has: 301, 302, 303, 307 or 308`),
  RelativeRedirectPath: type('CIG0205', 'RelativeRedirectPath', FindingLevel.ERROR,
    `start the redirect uri with "/"`),
  RelativeRewritePath: type('CIG0206', 'RelativeRewritePath', FindingLevel.WARNING,
    `start the rewrite uri with "/"`),
  UnmatchablePath: type('CIG0207', 'UnmatchablePath', FindingLevel.WARNING,
    `start the exact or prefix uri match with "/"`),
  ForwardingSettingsWithoutEffect: type('CIG0208', 'ForwardingSettingsWithoutEffect', FindingLevel.WARNING,
    `remove timeout, retries and mirrors from a route that redirects or responds directly, or make it forward`),
  EgressNotLockedDown: type('CIG0301', 'EgressNotLockedDown', FindingLevel.WARNING,
    `add a NetworkPolicy that lets the namespace's pods reach only the egress gateway, DNS, istiod and in-cluster addresses (EgressLockdown)`),
  MeshHopTlsMismatch: type('CIG0302', 'MeshHopTlsMismatch', FindingLevel.ERROR,
    `make both ends agree: a DestinationRule subset with ISTIO_MUTUAL and the host as sni for a server with ISTIO_MUTUAL (meshMutualTls on the egress gateway), no mutual TLS for a plain server`),
  AllowListHostNotDeclared: type('CIG0303', 'AllowListHostNotDeclared', FindingLevel.WARNING,
    `declare the host in a ServiceEntry (an ExternalService), or correct the host the allow-list names`),
  HostNotOwned: type('CIG0401', 'HostNotOwned', FindingLevel.ERROR,
    `expose or send egress to a host the namespace owns, move the object to the namespace that owns the host, or have the platform team add the host to the namespace's hosts in the host ownership policy`),
};

/** A finding of `messageType` about `obj`. */
export function findingOf(messageType: MessageType, obj: KubeObject, message: string): Finding {
  return {
    code: messageType.code,
    level: messageType.level,
    kind: obj.kind,
    name: obj.metadata?.name ?? '',
    namespace: reportedNamespaceOf(obj),
    message,
  };
}

/** Go's `%q`: a double-quoted string with escapes, as istioctl prints references. */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/** Go's `%v` of a slice: `[a b c]`. */
export function list(values: ReadonlyArray<string | number>): string {
  return `[${values.join(' ')}]`;
}

/** Receives the findings of an analyzer. */
export type Report = (finding: Finding) => void;

/** Every message a finding can carry: the cross-object ones and those of the per-object rules. */
const ALL_MESSAGES = new Map<string, MessageType>([
  ...Object.values(MESSAGES),
  type('IST0106', 'SchemaValidationError', FindingLevel.ERROR, 'change the field the message names: Istio rejects the object as it is'),
  type('IST0133', 'SchemaWarning', FindingLevel.WARNING, 'change the field the message names: Istio admits the object but warns about it'),
].map((m): [string, MessageType] => [m.code, m]));

/** How to fix a finding of `code`, in a few words. */
export function fixFor(code: string): string {
  return ALL_MESSAGES.get(code)?.fix ?? 'see https://istio.io/latest/docs/reference/config/analysis/';
}

/** istioctl's name of the message `code`, such as `ReferencedResourceNotFound`. */
export function nameOf(code: string): string {
  return ALL_MESSAGES.get(code)?.name ?? code;
}

/** True when a finding can carry the message `code`. */
export function isKnownCode(code: string): boolean {
  return ALL_MESSAGES.has(code);
}
