import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Backend, IngressGateway } from '../src';

/**
 * Walkthrough step 1: expose a service through the mesh's default ingress gateway, which the
 * mesh already runs (pods labelled `istio: ingressgateway`) and this chart does not own.
 */
export class IngressDefaultGatewayChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'backyards-demo', disableResourceNameHashes: true });

    const meshIngress = IngressGateway.fromSelector(this, 'mesh-ingress', {
      selector: { istio: 'ingressgateway' },
      namespace: 'istio-system',
      serviceName: 'istio-ingressgateway',
    });

    meshIngress.expose('frontpage', {
      hosts: ['frontpage.example.com'],
      port: 80,
      backend: Backend.fromHost('frontpage.backyards-demo.svc.cluster.local', 8080),
    });
  }
}
