import { Construct } from 'constructs';
import { invalidInput } from '../private/errors';
import { validateNamespace, validateServiceName } from '../private/names';
import { GatewayPort } from './gateway-port';
import { GatewayWorkloadBaseProps } from './gateway-workload-base';
import { resolveGatewayPorts } from './gateway-port';

/** A gateway workload that exists already and that this chart does not own. */
export interface ExistingGatewayProps {
  /** The labels of the workload's pods, for example `{ istio: 'ingressgateway' }`. */
  readonly selector: { [key: string]: string };

  /**
   * The namespace of the workload and its Service.
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /**
   * The name of the workload's Service, needed where traffic is sent to the workload itself
   * (egress routes).
   * @default - not known
   */
  readonly serviceName?: string;

  /**
   * The ports of the workload's Service. Given, they are checked against every route.
   * @default - not known: ports are not checked
   */
  readonly ports?: GatewayPort[];

  /**
   * Whether the workload exists outside the app (installed by Helm, another repository's
   * chart): the synth-time analysis then takes Gateways that select it to select pods, and lists
   * it among what it took on trust. Without it, the selector must match a gateway workload the
   * app defines, or one of the mesh's default gateways, as istioctl requires of a Gateway
   * selector, so that a mistyped label fails synth instead of a Gateway that serves nothing.
   * @default false
   */
  readonly existsOutsideApp?: boolean;
}

/** Checks the props of an existing workload and turns them into what the shared code needs. */
export function existingWorkloadProps(scope: Construct, props: ExistingGatewayProps): GatewayWorkloadBaseProps {
  const labels = Object.keys(props.selector);
  if (labels.length === 0) {
    throw invalidInput(scope, 'selector', props.selector, 'expected at least one label, such as { istio: "ingressgateway" }: an empty selector matches every gateway pod');
  }
  for (const key of labels) {
    if (typeof props.selector[key] !== 'string' || props.selector[key].length === 0) {
      throw invalidInput(scope, `selector["${key}"]`, props.selector[key], 'expected a non-empty label value');
    }
  }
  return {
    selectorLabels: props.selector,
    namespace: validateNamespace(scope, 'namespace', props.namespace),
    serviceName: props.serviceName === undefined ? undefined : validateServiceName(scope, 'serviceName', props.serviceName),
    ports: resolveGatewayPorts(scope, 'ports', props.ports ?? []),
    existsOutsideApp: props.existsOutsideApp ?? false,
  };
}
