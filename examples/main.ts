import { App } from 'cdk8s';
import { DedicatedIngressGatewayChart } from './dedicated-ingress-gateway';
import { IngressDefaultGatewayChart } from './ingress-default-gateway';

/** The walkthrough, one chart (one file in dist/) per step. */
export function buildWalkthrough(app: App): App {
  new IngressDefaultGatewayChart(app, '01-ingress-default-gateway');
  new DedicatedIngressGatewayChart(app, '02-dedicated-ingress-gateway');
  return app;
}

if (require.main === module) {
  buildWalkthrough(new App()).synth();
}
