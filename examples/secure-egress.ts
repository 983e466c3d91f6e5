import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { EgressGateway, EgressLockdown, EgressMode, ExternalService, ExternalServiceProtocol, WorkloadIdentity } from '../src';

/**
 * Egress a platform team can rely on, as Istio's security guidance lays it out:
 * - a dedicated egress gateway in `egress` that the sidecars reach over the mesh's mutual TLS
 *   (`meshMutualTls`), so that it knows which workload calls;
 * - an allow-list: api.payments.example may be called only by the `shop/checkout` service account
 *   and by the workloads of namespace `billing` (the gateway originates TLS to it); the
 *   application's own TLS to files.partner.example passes through the gateway, open to every
 *   caller of the mesh;
 * - a lockdown of `shop` and `billing`: their pods can reach only the egress gateway, the
 *   cluster's DNS, istiod and each other, so that a pod that skips its sidecar cannot leave;
 * - a wildcard host, `*.googleapis.com`, which no egress gateway can route: namespace `analytics`
 *   (not locked down) reaches it straight from its sidecars, TLS passed through by SNI with
 *   resolution NONE.
 */
export class SecureEgressChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'egress', disableResourceNameHashes: true });

    const egress = new EgressGateway(this, 'egress', {
      meshMutualTls: true,
      ports: [{ name: 'https', port: 443, targetPort: 8443 }, { name: 'tls', port: 9443, targetPort: 9443 }],
    });

    const payments = new ExternalService(this, 'payments', {
      hosts: ['api.payments.example'],
      ports: [
        { number: 80, name: 'http', protocol: ExternalServiceProtocol.HTTP },
        { number: 443, name: 'tls', protocol: ExternalServiceProtocol.TLS },
      ],
    });
    egress.route('payments-egress', {
      externalService: payments,
      port: 80,
      mode: EgressMode.originateTls(),
      allowFrom: [WorkloadIdentity.serviceAccount('shop', 'checkout'), WorkloadIdentity.namespace('billing')],
    });

    const files = new ExternalService(this, 'files', {
      hosts: ['files.partner.example'],
      ports: [{ number: 443, name: 'tls', protocol: ExternalServiceProtocol.TLS }],
    });
    egress.route('files-egress', { externalService: files, gatewayPort: 9443 });

    new EgressLockdown(this, 'egress-lockdown', { egressGateway: egress, namespaces: ['shop', 'billing'] });

    new ExternalService(this, 'googleapis', {
      hosts: ['*.googleapis.com'],
      namespace: 'analytics',
      ports: [{ number: 443, name: 'tls', protocol: ExternalServiceProtocol.TLS }],
    });
  }
}
