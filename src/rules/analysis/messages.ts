import { Finding, FindingLevel, KubeObject } from '../finding';
import { namespaceOf } from '../mesh-index';

/** One kind of istioctl analyze message: its code, its name and its level. */
export interface MessageType {
  readonly code: string;
  readonly name: string;
  readonly level: FindingLevel;
}

function type(code: string, name: string, level: FindingLevel): MessageType {
  return { code, name, level };
}

/** The istioctl analyze messages the cross-object analysis reports, with istioctl's codes and levels. */
export const MESSAGES = {
  ReferencedResourceNotFound: type('IST0101', 'ReferencedResourceNotFound', FindingLevel.ERROR),
  ConflictingMeshGatewayVirtualServiceHosts: type('IST0109', 'ConflictingMeshGatewayVirtualServiceHosts', FindingLevel.ERROR),
  VirtualServiceDestinationPortSelectorRequired: type('IST0112', 'VirtualServiceDestinationPortSelectorRequired', FindingLevel.ERROR),
  NoServerCertificateVerificationDestinationLevel: type('IST0128', 'NoServerCertificateVerificationDestinationLevel', FindingLevel.WARNING),
  NoServerCertificateVerificationPortLevel: type('IST0129', 'NoServerCertificateVerificationPortLevel', FindingLevel.WARNING),
  VirtualServiceUnreachableRule: type('IST0130', 'VirtualServiceUnreachableRule', FindingLevel.WARNING),
  VirtualServiceIneffectiveMatch: type('IST0131', 'VirtualServiceIneffectiveMatch', FindingLevel.INFO),
  VirtualServiceHostNotFoundInGateway: type('IST0132', 'VirtualServiceHostNotFoundInGateway', FindingLevel.WARNING),
  ServiceEntryAddressesRequired: type('IST0134', 'ServiceEntryAddressesRequired', FindingLevel.WARNING),
  GatewayDuplicateCertificate: type('IST0138', 'GatewayDuplicateCertificate', FindingLevel.WARNING),
  ConflictingGateways: type('IST0145', 'ConflictingGateways', FindingLevel.ERROR),
  GatewayPortNotDefinedOnService: type('IST0162', 'GatewayPortNotDefinedOnService', FindingLevel.WARNING),
  DestinationRuleSubsetNotSelectPods: type('IST0173', 'DestinationRuleSubsetNotSelectPods', FindingLevel.ERROR),
  UnknownDestinationRuleHost: type('IST0174', 'UnknownDestinationRuleHost', FindingLevel.WARNING),
};

/** A finding of `messageType` about `obj`. */
export function findingOf(messageType: MessageType, obj: KubeObject, message: string): Finding {
  return {
    code: messageType.code,
    level: messageType.level,
    kind: obj.kind,
    name: obj.metadata?.name ?? '',
    namespace: namespaceOf(obj),
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
