import { App } from 'cdk8s';
import { DedicatedIngressGatewayChart } from './dedicated-ingress-gateway';
import { IngressDefaultGatewayChart } from './ingress-default-gateway';
import { RoutingChart } from './routing';

/** The walkthrough, one chart (one file in dist/) per step. */
export function buildWalkthrough(app: App): App {
  new IngressDefaultGatewayChart(app, '01-ingress-default-gateway');
  new DedicatedIngressGatewayChart(app, '02-dedicated-ingress-gateway');
  new RoutingChart(app, '06-routing');
  return app;
}

if (require.main === module) {
  buildWalkthrough(new App()).synth();
}
