import { App } from 'cdk8s';
import { DedicatedIngressGatewayChart } from './dedicated-ingress-gateway';
import { EgressGatewayChart } from './egress-gateway';
import { EgressHttpsChart } from './egress-https';
import { ExternalServiceChart } from './external-service';
import { IngressDefaultGatewayChart } from './ingress-default-gateway';
import { RoutingChart } from './routing';

/** The walkthrough, one chart (one file in dist/) per step. */
export function buildWalkthrough(app: App): App {
  new IngressDefaultGatewayChart(app, '01-ingress-default-gateway');
  new DedicatedIngressGatewayChart(app, '02-dedicated-ingress-gateway');
  const step3 = new ExternalServiceChart(app, '03-external-service');
  new EgressGatewayChart(app, '04-egress-gateway', { httpbin: step3.httpbin });
  new EgressHttpsChart(app, '05-egress-https');
  new RoutingChart(app, '06-routing');
  return app;
}

if (require.main === module) {
  buildWalkthrough(new App()).synth();
}
