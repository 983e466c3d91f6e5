import { App } from 'cdk8s';
import { DedicatedIngressGatewayChart } from './dedicated-ingress-gateway';
import { EgressGatewayChart } from './egress-gateway';
import { ExternalServiceChart } from './external-service';
import { GatewayDeployment } from '../src';

/** The workload kinds the walkthrough's dedicated gateways are shown in, besides the MeshGateway. */
export const GATEWAY_KINDS: ReadonlyArray<{ readonly name: string; readonly deployment: () => GatewayDeployment }> = [
  { name: 'istio-mesh-gateway', deployment: () => GatewayDeployment.istioMeshGateway({ controlPlane: { name: 'cp-v117x', namespace: 'istio-system' } }) },
  { name: 'injected', deployment: () => GatewayDeployment.injected() },
];

/**
 * Walkthrough steps 2 and 4, with the dedicated gateways deployed as `deployment`, and step 3
 * that step 4 routes. A mesh of its own: each kind's app is synthesized apart from the
 * walkthrough's, since two egress routes for one host in one mesh would conflict (IST0109).
 *
 * @param name the kind's name, which ends each chart id
 */
export function buildGatewayKindExample(app: App, name: string, deployment: GatewayDeployment): App {
  new DedicatedIngressGatewayChart(app, `02-dedicated-ingress-gateway-${name}`, { deployment });
  const step3 = new ExternalServiceChart(app, `03-external-service-${name}`);
  new EgressGatewayChart(app, `04-egress-gateway-${name}`, { httpbin: step3.httpbin, deployment });
  return app;
}

if (require.main === module) {
  for (const kind of GATEWAY_KINDS) {
    buildGatewayKindExample(new App({ outdir: `dist/${kind.name}` }), kind.name, kind.deployment()).synth();
  }
}
