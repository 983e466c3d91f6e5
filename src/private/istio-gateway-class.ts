import type { GatewayWorkloadBaseProps } from '../workload/gateway-workload-base';

/** The class of the Gateway API Gateways whose workload Istio deploys itself (Istio's automated deployment). */
export const ISTIO_GATEWAY_CLASS = 'istio';

/** The label Istio puts on the pods it deploys for a Gateway. */
const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

/** What the shared workload code knows of the workload Istio deploys for the Gateway API Gateway `name`. */
export function istioDeployedWorkload(name: string, namespace: string | undefined): GatewayWorkloadBaseProps {
  // Istio names the Deployment and the Service it creates for a Gateway `<name>-<class>`.
  return { selectorLabels: { [GATEWAY_NAME_LABEL]: name }, namespace, serviceName: `${name}-${ISTIO_GATEWAY_CLASS}`, ports: [] };
}
