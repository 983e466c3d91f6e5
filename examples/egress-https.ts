import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { EgressGateway, EgressMode, ExternalService, ExternalServiceProtocol, RegistryOnly, ServerVerification } from '../src';

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

    const github = new ExternalService(this, 'github-api', {
      hosts: ['api.github.com'],
      ports: [{ number: 443, name: 'tls', protocol: ExternalServiceProtocol.TLS }],
    });
    meshEgress.route('github-api-egress', { externalService: github });

    const cnn = new ExternalService(this, 'edition-cnn', {
      hosts: ['edition.cnn.com'],
      ports: [
        { number: 80, name: 'http', protocol: ExternalServiceProtocol.HTTP },
        { number: 443, name: 'https', protocol: ExternalServiceProtocol.HTTPS },
      ],
    });
    meshEgress.route('edition-cnn-egress', {
      externalService: cnn,
      port: 80,
      mode: EgressMode.originateTls({ verification: ServerVerification.systemCaBundle() }),
    });
  }
}
