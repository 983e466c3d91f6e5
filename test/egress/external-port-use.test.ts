import { Chart, Testing } from 'cdk8s';
import { EgressGateway, EgressMode, ExternalService, ExternalServiceProtocol, KubernetesEgressGateway } from '../../src';
import { objectsOfKind } from '../support/objects';

/** edition.cnn.com with a plain HTTP port, an HTTPS port and a TCP port, in namespace `apps`. */
function setup(): { chart: Chart; cnn: ExternalService } {
  const chart = new Chart(Testing.app(), 'test', { namespace: 'apps' });
  const cnn = new ExternalService(chart, 'cnn', {
    hosts: ['edition.cnn.com'],
    ports: [
      { number: 80, name: 'http', protocol: ExternalServiceProtocol.HTTP },
      { number: 443, name: 'https', protocol: ExternalServiceProtocol.HTTPS },
    ],
  });
  return { chart, cnn };
}

function egress(chart: Chart, id: string, namespace: string): EgressGateway {
  return new EgressGateway(chart, id, { namespace, ports: [{ name: 'http', port: 80 }, { name: 'tls', port: 443 }] });
}

const ORIGINATE = EgressMode.originateTls();
const MESSAGE = 'test/egress/cnn-https: invalid mode "no TLS origination": test/egress/cnn-http originates TLS to edition.cnn.com:443 from the egress gateways of namespace egress, and test/egress/cnn-https sends traffic there that is not opened there';

describe('TLS origination and traffic passed through to one external port (found in examples/egress-https.ts)', () => {
  test('passthrough after origination to the same host and port, through one gateway', () => {
    const { chart, cnn } = setup();
    const gateway = egress(chart, 'egress', 'egress');
    gateway.route('cnn-http', { externalService: cnn, port: 80, mode: ORIGINATE });
    expect(() => gateway.route('cnn-https', { externalService: cnn, port: 443, virtualServiceName: 'cnn-http' })).toThrow(MESSAGE);
  });

  test('origination after passthrough', () => {
    const { chart, cnn } = setup();
    const gateway = egress(chart, 'egress', 'egress');
    gateway.route('cnn-https', { externalService: cnn, port: 443 });
    expect(() => gateway.route('cnn-http', { externalService: cnn, port: 80, mode: ORIGINATE, virtualServiceName: 'cnn-https' }))
      .toThrow('test/egress/cnn-http: invalid mode "TLS origination": test/egress/cnn-http originates TLS to edition.cnn.com:443 from the egress gateways of namespace egress, and test/egress/cnn-https sends traffic there');
  });

  test('two gateways of one namespace share the DestinationRule\'s reach', () => {
    const { chart, cnn } = setup();
    egress(chart, 'egress', 'egress').route('cnn-http', { externalService: cnn, port: 80, mode: ORIGINATE });
    expect(() => egress(chart, 'egress-b', 'egress').route('cnn-https', { externalService: cnn, port: 443 })).toThrow(/test\/egress-b\/cnn-https: invalid mode "no TLS origination"/);
  });

  test('gateways in two namespaces may each do one', () => {
    const { chart, cnn } = setup();
    // each route's VirtualService visible to its own gateway only, so that the two do not conflict (IST0109)
    egress(chart, 'egress', 'egress').route('cnn-http', { externalService: cnn, port: 80, mode: ORIGINATE, namespace: 'egress', exportTo: ['.'] });
    egress(chart, 'passthrough', 'egress-passthrough').route('cnn-https', { externalService: cnn, port: 443, namespace: 'egress-passthrough', exportTo: ['.'] });
    expect(objectsOfKind(Testing.synth(chart), 'DestinationRule').map((o) => o.metadata.namespace)).toEqual(['egress']);
  });

  test('the Gateway API form refuses the same', () => {
    const { chart, cnn } = setup();
    const gateway = new KubernetesEgressGateway(chart, 'egress', { namespace: 'egress' });
    gateway.route('cnn-http', { externalService: cnn, port: 80, mode: ORIGINATE });
    expect(() => gateway.route('cnn-https', { externalService: cnn, port: 443 })).toThrow(MESSAGE);
  });
});
