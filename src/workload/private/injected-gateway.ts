import { ApiObject, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { invalidInput, rejectIf } from '../../private/errors';
import { validateNamespace, validateServiceName } from '../../private/names';
import { externalTrafficPolicyProblem, loadBalancerFieldProblem } from '../../rules/webhook/mesh-gateway-kinds';
import { InjectedGatewayDeploymentOptions } from '../gateway-deployment';
import { GatewayPort, PortProtocol, ResolvedGatewayPort, resolveGatewayPorts } from '../gateway-port';
import { GatewayReplicas } from '../gateway-replicas';
import { GatewayServiceType } from '../gateway-workload-options';
import { CreatedWorkload, WorkloadRequest } from './workload-kind';
import { renderAffinity, renderTolerations, renderTopologySpread, validateDisruptionBudget, validateReplicas } from './pod-settings';
import { rejectReservedLabels, rejectUnsupportedOptions } from './unsupported-options';

const KIND = 'injected gateway';
/** The label and annotation by which Istio's injector turns the pod into a gateway. */
const INJECT_LABEL = 'sidecar.istio.io/inject';
const TEMPLATES_ANNOTATION = 'inject.istio.io/templates';
const GATEWAY_TEMPLATE = 'gateway';
const REVISION_LABEL = 'istio.io/rev';
/** The injector replaces the image `auto` with the proxy image of the control plane. */
const PROXY_CONTAINER = 'istio-proxy';
const AUTO_IMAGE = 'auto';
/** The port cloud load balancers check the gateway's readiness on. */
const STATUS_PORT: ResolvedGatewayPort = { name: 'status-port', port: 15021, targetPort: 15021, protocol: PortProtocol.TCP };
const PROMETHEUS_PORT = { number: 15090, name: 'http-envoy-prom', protocol: kplus.Protocol.TCP };
/** Lets the proxy, which runs as non-root, listen on ports below 1024. */
const UNPRIVILEGED_PORTS_SYSCTL = { name: 'net.ipv4.ip_unprivileged_port_start', value: '0' };
const DEFAULT_PORTS: GatewayPort[] = [{ name: 'http2', port: 80 }, { name: 'https', port: 443 }];
/** The replicas, resources and CPU target of Istio's gateway chart. */
const DEFAULT_REPLICAS = GatewayReplicas.autoscale(1, 5);
const DEFAULT_RESOURCES: kplus.ContainerResources = {
  cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(2000) },
  memory: { request: Size.mebibytes(128), limit: Size.mebibytes(1024) },
};
const TARGET_CPU_UTILIZATION = 80;
const SECRET_VERBS = ['get', 'watch', 'list'];
const UNSUPPORTED = [
  { option: 'runAsRoot', instead: 'it runs as non-root and listens on ports below 1024 through the net.ipv4.ip_unprivileged_port_start sysctl, as Istio\'s gateway chart does: leave runAsRoot out' },
] as const;

/**
 * Creates an upstream Istio gateway by injection under `scope`, as Istio's `gateway` chart lays
 * it out, every object named after the gateway: the Deployment (id `Resource`), its Service,
 * ServiceAccount, the Role and RoleBinding that let it read its TLS Secrets, and the
 * HorizontalPodAutoscaler and PodDisruptionBudget when asked for. Ports forward to the same
 * port, which the sysctl lets the non-root proxy listen on.
 */
export function createInjectedGateway(scope: Construct, request: WorkloadRequest, kindOptions: InjectedGatewayDeploymentOptions): CreatedWorkload {
  const options = request.options;
  rejectUnsupportedOptions(scope, KIND, options, UNSUPPORTED);
  const name = validateServiceName(scope, 'name', options.name ?? scope.node.id);
  const namespace = validateNamespace(scope, 'namespace', options.namespace);
  const ports = resolveGatewayPorts(scope, 'ports', options.ports ?? DEFAULT_PORTS);
  if (ports.length === 0) {
    throw invalidInput(scope, 'ports', [], 'expected at least one port');
  }
  ports.forEach((p, i) => {
    if (p.port === STATUS_PORT.port || p.name === STATUS_PORT.name) {
      throw invalidInput(scope, `ports[${i}]`, p.name, `an injected gateway's Service has its own ${STATUS_PORT.name} on ${STATUS_PORT.port}, for load balancer health checks: use another name and port`);
    }
  });
  const selectorLabels = { app: name, istio: name.replace(/^istio-/, '') };
  rejectReservedLabels(scope, KIND, options.labels, [...Object.keys(selectorLabels), INJECT_LABEL, REVISION_LABEL]);
  const replicas = validateReplicas(scope, options.replicas ?? DEFAULT_REPLICAS);
  const budget = validateDisruptionBudget(scope, options.disruptionBudget);
  const serviceType = options.serviceType ?? request.defaultServiceType;
  if (options.loadBalancerIp !== undefined) {
    rejectIf(scope, 'loadBalancerIp', options.loadBalancerIp, loadBalancerFieldProblem(serviceType));
  }
  if (options.loadBalancerClass !== undefined) {
    rejectIf(scope, 'loadBalancerClass', options.loadBalancerClass, loadBalancerFieldProblem(serviceType));
  }
  if (options.externalTrafficPolicy !== undefined) {
    rejectIf(scope, 'externalTrafficPolicy', options.externalTrafficPolicy, externalTrafficPolicyProblem(serviceType));
  }
  const metadata = { name, namespace };

  const serviceAccount = new kplus.ServiceAccount(scope, 'ServiceAccount', { metadata });
  const role = new kplus.Role(scope, 'Role', { metadata });
  role.allow(SECRET_VERBS, kplus.ApiResource.SECRETS);
  new kplus.RoleBinding(scope, 'RoleBinding', { metadata, role }).addSubjects(serviceAccount);

  const deployment = new kplus.Deployment(scope, 'Resource', {
    metadata,
    select: false,
    replicas: replicas.autoscaled ? undefined : replicas.min,
    serviceAccount,
    automountServiceAccountToken: true,
    podMetadata: {
      labels: {
        ...options.labels,
        ...selectorLabels,
        [INJECT_LABEL]: 'true',
        ...(kindOptions.revision === undefined ? {} : { [REVISION_LABEL]: kindOptions.revision }),
      },
      annotations: { ...options.podAnnotations, [TEMPLATES_ANNOTATION]: GATEWAY_TEMPLATE },
    },
    securityContext: { ensureNonRoot: true, sysctls: [UNPRIVILEGED_PORTS_SYSCTL] },
    containers: [{
      name: PROXY_CONTAINER,
      image: AUTO_IMAGE,
      ports: [PROMETHEUS_PORT],
      resources: options.resources ?? DEFAULT_RESOURCES,
      securityContext: { ensureNonRoot: true, readOnlyRootFilesystem: true, privileged: false, allowPrivilegeEscalation: false },
    }],
  });
  deployment.select(kplus.LabelSelector.of({ labels: selectorLabels }));
  const resource = ApiObject.of(deployment);
  // cdk8s-plus names no capability ALL: drop them as Istio's chart does
  resource.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/securityContext/capabilities', { drop: ['ALL'] }));
  addIfSet(resource, '/spec/template/spec/nodeSelector', options.nodeSelector);
  addIfSet(resource, '/spec/template/spec/tolerations', renderTolerations(scope, options.tolerations));
  addIfSet(resource, '/spec/template/spec/affinity', renderAffinity(scope, options.affinity, selectorLabels));
  addIfSet(resource, '/spec/template/spec/topologySpreadConstraints', renderTopologySpread(scope, options.topologySpread, selectorLabels));

  const service = new kplus.Service(scope, 'Service', {
    metadata: { ...metadata, labels: selectorLabels, annotations: options.serviceAnnotations },
    type: SERVICE_TYPES[serviceType],
    ports: [STATUS_PORT, ...ports].map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort, protocol: PROTOCOLS[p.protocol] })),
  });
  for (const [key, value] of Object.entries(selectorLabels)) {
    service.selectLabel(key, value);
  }
  const serviceObject = ApiObject.of(service);
  // The generated KubeService maps its own field names after patches apply: loadBalancerIp
  // becomes loadBalancerIP, and a field it does not know is dropped.
  addIfSet(serviceObject, '/spec/loadBalancerIp', options.loadBalancerIp);
  addIfSet(serviceObject, '/spec/loadBalancerClass', options.loadBalancerClass);
  addIfSet(serviceObject, '/spec/externalTrafficPolicy', options.externalTrafficPolicy);

  if (replicas.autoscaled) {
    new kplus.HorizontalPodAutoscaler(scope, 'Autoscaler', {
      metadata,
      target: deployment,
      minReplicas: replicas.min,
      maxReplicas: replicas.max,
      metrics: [kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(TARGET_CPU_UTILIZATION))],
    });
  }
  if (budget !== undefined) {
    new kplus.k8s.KubePodDisruptionBudget(scope, 'DisruptionBudget', {
      metadata,
      spec: {
        selector: { matchLabels: selectorLabels },
        minAvailable: budget.minAvailableCount === undefined ? undefined : kplus.k8s.IntOrString.fromNumber(budget.minAvailableCount),
        maxUnavailable: budget.maxUnavailableCount === undefined ? undefined : kplus.k8s.IntOrString.fromNumber(budget.maxUnavailableCount),
      },
    });
  }
  return { resource, name, namespace: resource.metadata.namespace, ports, selectorLabels };
}

const SERVICE_TYPES: Record<GatewayServiceType, kplus.ServiceType> = {
  [GatewayServiceType.CLUSTER_IP]: kplus.ServiceType.CLUSTER_IP,
  [GatewayServiceType.NODE_PORT]: kplus.ServiceType.NODE_PORT,
  [GatewayServiceType.LOAD_BALANCER]: kplus.ServiceType.LOAD_BALANCER,
};

const PROTOCOLS: Record<PortProtocol, kplus.Protocol> = {
  [PortProtocol.TCP]: kplus.Protocol.TCP,
  [PortProtocol.UDP]: kplus.Protocol.UDP,
};

function addIfSet(obj: ApiObject, path: string, value: unknown): void {
  if (value !== undefined) {
    obj.addJsonPatch(JsonPatch.add(path, value));
  }
}
