import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { EgressGateway, EgressMode, EgressRouteOptions, ExternalService, ExternalServiceProtocol, RegistryOnly, ServerVerification } from '../src';

/**
 * HTTPS egress through the mesh's default egress gateway (`istio: egressgateway` in
 * istio-system), in a namespace that may call only registered services:
 * - api.github.com: the application's own TLS, passed through the egress gateway by SNI;
 * - edition.cnn.com: on port 80 the application sends plain HTTP and the egress gateway
 *   originates TLS, verifying the server against the proxy image's public CAs. Its port 443 is
 *   not also passed through this gateway: the DestinationRule that originates TLS there would
 *   wrap the application's own TLS in a second layer.
 */
export class EgressHttpsChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'default', disableResourceNameHashes: true });

    new RegistryOnly(this, 'registry-only');

    const meshEgress = EgressGateway.fromSelector(this, 'mesh-egress', {
      selector: { istio: 'egressgateway' },
      namespace: 'istio-system',
      serviceName: 'istio-egressgateway',
      ports: [{ name: 'http', port: 80 }, { name: 'tls', port: 443 }],
      gatewayName: 'istio-egressgateway',
    });

    routeHttpsEgress(this, meshEgress);
  }
}

/** A gateway that sends the mesh's traffic for an external service, in either traffic API. */
export interface HttpsEgressGateway {
  route(id: string, options: EgressRouteOptions): unknown;
}

/**
 * The external services of the HTTPS egress example and their routes through `gateway`: one
 * definition for the Istio API and the Gateway API forms, which the parity test compares.
 */
export function routeHttpsEgress(scope: Construct, gateway: HttpsEgressGateway): void {
  const github = new ExternalService(scope, 'github-api', {
    hosts: ['api.github.com'],
    ports: [{ number: 443, name: 'tls', protocol: ExternalServiceProtocol.TLS }],
  });
  gateway.route('github-api-egress', { externalService: github });

  const cnn = new ExternalService(scope, 'edition-cnn', {
    hosts: ['edition.cnn.com'],
    ports: [
      { number: 80, name: 'http', protocol: ExternalServiceProtocol.HTTP },
      { number: 443, name: 'https', protocol: ExternalServiceProtocol.HTTPS },
    ],
  });
  gateway.route('edition-cnn-egress', {
    externalService: cnn,
    port: 80,
    mode: EgressMode.originateTls({ verification: ServerVerification.systemCaBundle() }),
  });
}
