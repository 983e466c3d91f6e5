import { Testing } from 'cdk8s';
import { EgressMode, EgressModeBindOptions, ExternalService, ExternalServiceProtocol, ServerProtocol, ServerVerification } from '../../src';
import { findServicePort } from '../../src/egress/private/service-ports';

/** A route's view of an external service with ports 80 (HTTP), 443 (TLS), 8443 (HTTPS) and 5432 (TCP). */
function bindOptions(port: number): { scope: ExternalService; options: EgressModeBindOptions } {
  const chart = Testing.chart();
  const externalService = new ExternalService(chart, 'ext', {
    hosts: ['api.example.com'],
    addresses: ['240.0.0.1'],
    ports: [
      { number: 80, protocol: ExternalServiceProtocol.HTTP, name: 'http' },
      { number: 443, protocol: ExternalServiceProtocol.TLS, name: 'tls' },
      { number: 8443, protocol: ExternalServiceProtocol.HTTPS, name: 'https' },
      { number: 5432, protocol: ExternalServiceProtocol.TCP, name: 'tcp' },
    ],
  });
  return { scope: externalService, options: { externalService, host: 'api.example.com', port: findServicePort(externalService, externalService, 'port', port) } };
}

describe('EgressMode binds to what the route needs', () => {
  test.each([
    ['http', EgressMode.http(), 80, ServerProtocol.HTTP],
    ['tlsPassthrough', EgressMode.tlsPassthrough(), 443, ServerProtocol.TLS],
    ['tcp', EgressMode.tcp(), 5432, ServerProtocol.TCP],
  ])('%s: the server protocol and the same external port, no TLS origination', (_name, mode, port, serverProtocol) => {
    const { scope, options } = bindOptions(port);
    expect(mode.bind(scope, options)).toStrictEqual({ serverProtocol, externalPort: port });
  });

  test('originateTls: an HTTP server, the TLS port 443 and the routed host as SNI, verified against the system CAs', () => {
    const { scope, options } = bindOptions(80);
    expect(EgressMode.originateTls().bind(scope, options)).toStrictEqual({
      serverProtocol: ServerProtocol.HTTP,
      externalPort: 443,
      tlsOrigination: { sni: 'api.example.com', verification: { caCertificates: '/etc/ssl/certs/ca-certificates.crt' }, subjectAltNames: undefined },
    });
  });

  test('originateTls keeps the port, SNI, verification and names given', () => {
    const { scope, options } = bindOptions(80);
    const mode = EgressMode.originateTls({ port: 8443, sni: 'edge.example.com', verification: ServerVerification.credentialName('api-ca'), subjectAltNames: ['api.example.com'] });
    expect(mode.bind(scope, options)).toStrictEqual({
      serverProtocol: ServerProtocol.HTTP,
      externalPort: 8443,
      tlsOrigination: { sni: 'edge.example.com', verification: { credentialName: 'api-ca' }, subjectAltNames: ['api.example.com'] },
    });
  });
});

describe('ServerVerification binds to the TLS settings that verify the server', () => {
  test.each([
    ['systemCaBundle', ServerVerification.systemCaBundle(), { caCertificates: ServerVerification.SYSTEM_CA_BUNDLE }],
    ['caCertificates', ServerVerification.caCertificates('/etc/egress-ca/ca.pem'), { caCertificates: '/etc/egress-ca/ca.pem' }],
    ['credentialName', ServerVerification.credentialName('api-ca'), { credentialName: 'api-ca' }],
    ['insecure', ServerVerification.insecure(), { insecureSkipVerify: true }],
  ])('%s', (_name, verification, config) => {
    expect(verification.bind(Testing.chart())).toStrictEqual(config);
  });
});
