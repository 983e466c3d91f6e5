import { KubeObject } from '../finding';
import { arrayOf, namespaceOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { GATEWAY_API_GROUP, gatewayApiIndexOf, GatewayApiIndex, groupKindOf } from './gateway-api';
import { findingOf, MESSAGES, quote, Report } from './messages';

/** The protocols Istio's gateways serve on a Gateway API listener. */
const ISTIO_PROTOCOLS = new Set(['HTTP', 'HTTPS', 'TLS', 'TCP']);
/** Gateway classes Istio's controllers own, and so whose listener protocols Istio judges. */
const ISTIO_CLASSES = new Set(['istio', 'istio-remote']);
/** Istio serves at most two certificates on a server (one RSA and one ECDSA). */
const MAX_CERTIFICATES = 2;

/**
 * The listeners of each Gateway API Gateway:
 * - CIG0107 UnsupportedProtocol: a protocol Istio does not serve (UDP; a lowercase name), on a
 *   Gateway of an Istio class;
 * - CIG0106 ListenerConflict: a TCP listener on a port that HTTP, HTTPS or TLS listeners use too
 *   (the CRD's rules already refuse listeners that repeat a name, or a port, protocol and hostname);
 * - for each `certificateRefs` entry of a terminating listener: CIG0108 InvalidCertificateRef for
 *   a reference to anything but a Secret or more than two references; CIG0104 RefNotPermitted for
 *   a Secret in another namespace without a ReferenceGrant; IST0101 for a Secret not in the input,
 *   unless Secrets are assumed to exist elsewhere.
 */
export function analyzeGatewayApiListeners(context: AnalysisContext, report: Report): void {
  const index = gatewayApiIndexOf(context.index);
  for (const gateway of index.ofKind('Gateway')) {
    const listeners = arrayOf(gateway.spec?.listeners);
    if (ISTIO_CLASSES.has(gateway.spec?.gatewayClassName)) {
      for (const listener of listeners.filter((l: any) => !ISTIO_PROTOCOLS.has(l?.protocol))) {
        const upper = String(listener?.protocol ?? '').toUpperCase();
        report(findingOf(MESSAGES.GatewayApiUnsupportedProtocol, gateway, `listener ${quote(String(listener?.name ?? ''))}: protocol ${quote(String(listener?.protocol ?? ''))} is unsupported`
          + (ISTIO_PROTOCOLS.has(upper) && upper !== listener?.protocol ? `. hint: ${quote(upper)} (uppercase) may be supported` : '')));
      }
    }
    for (const tcp of listeners.filter((l: any) => l?.protocol === 'TCP')) {
      const sharing = listeners.filter((l: any) => l !== tcp && l?.port === tcp.port && ['HTTP', 'HTTPS', 'TLS'].includes(l?.protocol));
      if (sharing.length > 0) {
        report(findingOf(MESSAGES.GatewayApiListenerConflict, gateway,
          `TCP listener ${quote(String(tcp.name))} shares port ${tcp.port} with ${sharing.map((l: any) => `${l.protocol} listener ${quote(String(l.name))}`).join(', ')}: none of them is accepted`));
      }
    }
    for (const listener of listeners) {
      checkCertificateRefs(context, index, gateway, listener, report);
    }
  }
}

function checkCertificateRefs(context: AnalysisContext, index: GatewayApiIndex, gateway: KubeObject, listener: any, report: Report): void {
  if ((listener?.tls?.mode ?? 'Terminate') !== 'Terminate') {
    return;
  }
  const refs = arrayOf(listener?.tls?.certificateRefs);
  const name = quote(String(listener?.name ?? ''));
  if (refs.length > MAX_CERTIFICATES) {
    report(findingOf(MESSAGES.GatewayApiInvalidCertificateRef, gateway, `listener ${name}: TLS mode can only support up to ${MAX_CERTIFICATES} server certificates`));
  }
  const gatewayNamespace = namespaceOf(gateway);
  for (const ref of refs) {
    const { group, kind } = groupKindOf(ref, '', 'Secret');
    const namespace = typeof ref?.namespace === 'string' ? ref.namespace : gatewayNamespace;
    const fullName = `${namespace}/${String(ref?.name ?? '')}`;
    if (group !== '' || kind !== 'Secret') {
      report(findingOf(MESSAGES.GatewayApiInvalidCertificateRef, gateway, `listener ${name}: invalid certificate reference ${group}/${kind} ${fullName}, only secret is allowed`));
    } else if (namespace !== gatewayNamespace
      && !index.referenceAllowed({ group: GATEWAY_API_GROUP, kind: 'Gateway', namespace: gatewayNamespace }, { group, kind, namespace, name: String(ref?.name ?? '') })) {
      report(findingOf(MESSAGES.GatewayApiRefNotPermitted, gateway,
        `listener ${name}: certificateRef ${fullName} not accessible to a Gateway in namespace ${quote(gatewayNamespace)} (missing a ReferenceGrant?)`));
    } else if (!context.index.hasSecret(fullName)) {
      if (!context.assumeHostsAndSecretsExist) {
        report(findingOf(MESSAGES.ReferencedResourceNotFound, gateway, `listener ${name}: Referenced certificate Secret not found: ${quote(fullName)}`));
      } else {
        context.assumed.secrets.add(fullName);
      }
    }
  }
}
