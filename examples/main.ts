import { App } from 'cdk8s';
import { DedicatedIngressGatewayChart } from './dedicated-ingress-gateway';
import { EgressGatewayChart } from './egress-gateway';
import { EgressHttpsChart } from './egress-https';
import { ExternalServiceChart } from './external-service';
import { DedicatedIngressGatewayApiChart, EgressGatewayApiChart, EgressHttpsGatewayApiChart, IngressDefaultGatewayApiChart, RoutingGatewayApiChart } from './gateway-api';
import { IngressDefaultGatewayChart } from './ingress-default-gateway';
import { RoutingChart } from './routing';
import { SecureEgressChart } from './secure-egress';

/** The walkthrough, one chart (one file in dist/) per step. */
export function buildWalkthrough(app: App): App {
  new IngressDefaultGatewayChart(app, '01-ingress-default-gateway');
  new DedicatedIngressGatewayChart(app, '02-dedicated-ingress-gateway');
  const step3 = new ExternalServiceChart(app, '03-external-service');
  new EgressGatewayChart(app, '04-egress-gateway', { httpbin: step3.httpbin });
  new EgressHttpsChart(app, '05-egress-https');
  new RoutingChart(app, '06-routing');
  new SecureEgressChart(app, '07-secure-egress');
  return app;
}

/**
 * Walkthrough steps 1, 2, 4 and 5 and the routing example in Kubernetes Gateway API form, beside the
 * Istio API ones in dist/: each chart is named after its Istio form, with `-gateway-api`. They
 * are another app: each form is the whole configuration of its example, and the two are not
 * applied together (they hold the same Services).
 */
export function buildGatewayApiExamples(app: App): App {
  new IngressDefaultGatewayApiChart(app, '01-ingress-default-gateway-gateway-api');
  new DedicatedIngressGatewayApiChart(app, '02-dedicated-ingress-gateway-gateway-api');
  new EgressGatewayApiChart(app, '04-egress-gateway-gateway-api');
  new EgressHttpsGatewayApiChart(app, '05-egress-https-gateway-api');
  new RoutingGatewayApiChart(app, '06-routing-gateway-api');
  return app;
}

if (require.main === module) {
  buildWalkthrough(new App()).synth();
  buildGatewayApiExamples(new App()).synth();
}
