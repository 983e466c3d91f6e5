import { Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  EgressGateway, GatewayDeployment, GatewayDisruptionBudget, GatewayExternalTrafficPolicy, GatewayServiceType, GatewayWorkloadOptions,
  IngressGateway, TaintEffect, TolerationOperator, WhenUnsatisfiable,
} from '../../src';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject } from '../support/objects';

type Kind = 'MeshGateway' | 'IstioMeshGateway' | 'injected gateway';

const DEPLOYMENTS: Record<Kind, () => GatewayDeployment> = {
  'MeshGateway': () => GatewayDeployment.meshGateway(),
  'IstioMeshGateway': () => GatewayDeployment.istioMeshGateway({ controlPlane: { name: 'cp-v117x' } }),
  'injected gateway': () => GatewayDeployment.injected(),
};

function synthGateway(kind: Kind, options: GatewayWorkloadOptions): any[] {
  const chart = Testing.chart();
  new IngressGateway(chart, 'edge', { ...options, deployment: DEPLOYMENTS[kind]() });
  return Testing.synth(chart);
}

/** Where each kind writes an option: a field of its main object, or of another object it adds. */
function fieldOf(kind: Kind, objects: any[], path: string): unknown {
  const [object, ...keys] = path.split('.');
  const found = object === 'main'
    ? findObject(objects, kind === 'injected gateway' ? 'Deployment' : kind, 'edge')
    : findObject(objects, object, 'edge');
  return keys.reduce<any>((value, key) => value?.[key], found);
}

const resources: kplus.ContainerResources = {
  cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(1500) },
  memory: { request: Size.mebibytes(256), limit: Size.gibibytes(1) },
};
const tolerations = [
  { key: 'dedicated', value: 'gateways', effect: TaintEffect.NO_SCHEDULE },
  { key: 'spot', operator: TolerationOperator.EXISTS, effect: TaintEffect.NO_EXECUTE, tolerationSeconds: 30 },
];
const gatewayPods = { 'gateway-name': 'edge', 'gateway-type': 'ingress' };
const injectedPods = { app: 'edge', istio: 'edge' };
const POD = { 'MeshGateway': 'main.spec', 'IstioMeshGateway': 'main.spec.deployment', 'injected gateway': 'main.spec.template.spec' };

interface OptionCase {
  readonly option: keyof GatewayWorkloadOptions;
  readonly options: GatewayWorkloadOptions;
  /** Per kind: the path of the field and the value the option sets there, or the error it raises. */
  readonly expected: Record<Kind, { path: string; value: (kind: Kind) => unknown } | { error: string }>;
}

const pod = (field: string, value: (kind: Kind) => unknown) => ({
  'MeshGateway': { path: `${POD.MeshGateway}.${field}`, value },
  'IstioMeshGateway': { path: `${POD.IstioMeshGateway}.${field}`, value },
  'injected gateway': { path: `${POD['injected gateway']}.${field}`, value },
});
const selected = (kind: Kind) => (kind === 'injected gateway' ? injectedPods : gatewayPods);

const CASES: OptionCase[] = [
  {
    option: 'resources',
    options: { resources },
    expected: {
      'MeshGateway': { path: 'main.spec.resources', value: () => ({ requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1500m', memory: '1024Mi' } }) },
      'IstioMeshGateway': { path: 'main.spec.deployment.resources', value: () => ({ requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1500m', memory: '1024Mi' } }) },
      'injected gateway': { path: 'main.spec.template.spec.containers.0.resources', value: () => ({ requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1500m', memory: '1024Mi' } }) },
    },
  },
  {
    option: 'nodeSelector',
    options: { nodeSelector: { 'node-role.kubernetes.io/edge': 'true' } },
    expected: pod('nodeSelector', () => ({ 'node-role.kubernetes.io/edge': 'true' })),
  },
  {
    option: 'tolerations',
    options: { tolerations },
    expected: pod('tolerations', () => [
      { key: 'dedicated', operator: 'Equal', value: 'gateways', effect: 'NoSchedule' },
      { key: 'spot', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 },
    ]),
  },
  {
    option: 'affinity',
    options: { affinity: { nodeLabels: { 'topology.kubernetes.io/zone': ['eu-west-1a', 'eu-west-1b'] }, spreadAcross: 'kubernetes.io/hostname' } },
    expected: pod('affinity', (kind) => ({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['eu-west-1a', 'eu-west-1b'] }] }] } },
      podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: selected(kind) }, topologyKey: 'kubernetes.io/hostname' } }] },
    })),
  },
  {
    option: 'topologySpread',
    options: { topologySpread: [{ topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: WhenUnsatisfiable.SCHEDULE_ANYWAY }] },
    expected: {
      'MeshGateway': { error: 'test/edge: invalid topologySpread [{"topologyKey":"topology.kubernetes.io/zone","whenUnsatisfiable":"ScheduleAnyway"}]: a MeshGateway cannot express topologySpread: use affinity.spreadAcross, or GatewayDeployment.istioMeshGateway() or .injected()' },
      'IstioMeshGateway': { path: 'main.spec.deployment.topologySpreadConstraints', value: () => [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: gatewayPods } }] },
      'injected gateway': { path: 'main.spec.template.spec.topologySpreadConstraints', value: () => [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: injectedPods } }] },
    },
  },
  {
    option: 'disruptionBudget',
    options: { disruptionBudget: GatewayDisruptionBudget.maxUnavailable(1) },
    expected: {
      'MeshGateway': { error: 'test/edge: invalid disruptionBudget {"maxUnavailableCount":1}: a MeshGateway cannot express disruptionBudget: use GatewayDeployment.istioMeshGateway() or .injected()' },
      'IstioMeshGateway': { path: 'main.spec.deployment.podDisruptionBudget', value: () => ({ maxUnavailable: 1 }) },
      'injected gateway': { path: 'PodDisruptionBudget.spec.maxUnavailable', value: () => 1 },
    },
  },
  {
    option: 'loadBalancerIp',
    options: { loadBalancerIp: '203.0.113.7' },
    expected: {
      'MeshGateway': { path: 'main.spec.loadBalancerIP', value: () => '203.0.113.7' },
      'IstioMeshGateway': { path: 'main.spec.service.loadBalancerIP', value: () => '203.0.113.7' },
      'injected gateway': { path: 'Service.spec.loadBalancerIP', value: () => '203.0.113.7' },
    },
  },
  {
    option: 'loadBalancerClass',
    options: { loadBalancerClass: 'service.k8s.aws/nlb' },
    expected: {
      'MeshGateway': { error: 'test/edge: invalid loadBalancerClass "service.k8s.aws/nlb": a MeshGateway cannot express loadBalancerClass: use GatewayDeployment.injected()' },
      'IstioMeshGateway': { error: 'test/edge: invalid loadBalancerClass "service.k8s.aws/nlb": an IstioMeshGateway cannot express loadBalancerClass: the operator\'s Service has no load balancer class; use GatewayDeployment.injected()' },
      'injected gateway': { path: 'Service.spec.loadBalancerClass', value: () => 'service.k8s.aws/nlb' },
    },
  },
  {
    option: 'externalTrafficPolicy',
    options: { externalTrafficPolicy: GatewayExternalTrafficPolicy.LOCAL },
    expected: {
      'MeshGateway': { path: 'main.spec.serviceExternalTrafficPolicy', value: () => 'Local' },
      'IstioMeshGateway': { path: 'main.spec.service.externalTrafficPolicy', value: () => 'Local' },
      'injected gateway': { path: 'Service.spec.externalTrafficPolicy', value: () => 'Local' },
    },
  },
  {
    option: 'serviceAnnotations',
    options: { serviceAnnotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' } },
    expected: {
      'MeshGateway': { path: 'main.spec.serviceAnnotations', value: () => ({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' }) },
      'IstioMeshGateway': { path: 'main.spec.service.metadata.annotations', value: () => ({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' }) },
      'injected gateway': { path: 'Service.metadata.annotations', value: () => ({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' }) },
    },
  },
  {
    option: 'labels',
    options: { labels: { team: 'edge' } },
    expected: {
      'MeshGateway': { path: 'main.spec.labels', value: () => ({ team: 'edge' }) },
      'IstioMeshGateway': { path: 'main.spec.deployment.podMetadata.labels', value: () => ({ team: 'edge' }) },
      'injected gateway': { path: 'main.spec.template.metadata.labels.team', value: () => 'edge' },
    },
  },
  {
    option: 'podAnnotations',
    options: { podAnnotations: { 'proxy.istio.io/config': '{"holdApplicationUntilProxyStarts": true}' } },
    expected: {
      'MeshGateway': { path: 'main.spec.podAnnotations', value: () => ({ 'proxy.istio.io/config': '{"holdApplicationUntilProxyStarts": true}' }) },
      'IstioMeshGateway': { path: 'main.spec.deployment.podMetadata.annotations', value: () => ({ 'proxy.istio.io/config': '{"holdApplicationUntilProxyStarts": true}' }) },
      'injected gateway': { path: 'main.spec.template.metadata.annotations', value: () => ({ 'proxy.istio.io/config': '{"holdApplicationUntilProxyStarts": true}', 'inject.istio.io/templates': 'gateway' }) },
    },
  },
  {
    option: 'runAsRoot',
    options: { runAsRoot: true },
    expected: {
      'MeshGateway': { path: 'main.spec.runAsRoot', value: () => true },
      'IstioMeshGateway': { path: 'main.spec.runAsRoot', value: () => true },
      'injected gateway': { error: 'test/edge: invalid runAsRoot true: an injected gateway cannot express runAsRoot: it runs as non-root and listens on ports below 1024 through the net.ipv4.ip_unprivileged_port_start sysctl, as Istio\'s gateway chart does: leave runAsRoot out' },
    },
  },
];

const ROWS = CASES.flatMap((c) => (Object.keys(c.expected) as Kind[]).map((kind) => [c.option, kind, c] as const));

describe('production options, in the words of each kind', () => {
  test.each(ROWS)('%s on a %s', (_option, kind, c) => {
    const expected = c.expected[kind];
    if ('error' in expected) {
      expect(() => synthGateway(kind, c.options)).toThrow(expected.error);
    } else {
      expect(fieldOf(kind, synthGateway(kind, c.options), expected.path)).toStrictEqual(expected.value(kind));
    }
  });

  test('every option of the props is in the table', () => {
    const listed = new Set(CASES.map((c) => c.option));
    const production: Array<keyof GatewayWorkloadOptions> = [
      'resources', 'nodeSelector', 'tolerations', 'affinity', 'topologySpread', 'disruptionBudget', 'loadBalancerIp',
      'loadBalancerClass', 'externalTrafficPolicy', 'serviceAnnotations', 'labels', 'podAnnotations', 'runAsRoot',
    ];
    expect(production.filter((o) => !listed.has(o))).toEqual([]);
  });
});

describe('Service options a Service type cannot take', () => {
  test.each(Object.keys(DEPLOYMENTS) as Kind[])('a load balancer IP on a ClusterIP %s', (kind) => {
    const chart = Testing.chart();
    expect(() => new EgressGateway(chart, 'out', { deployment: DEPLOYMENTS[kind](), loadBalancerIp: '203.0.113.7' }))
      .toThrow('test/out: invalid loadBalancerIp "203.0.113.7": a ClusterIP Service has no load balancer: use the LoadBalancer type');
  });

  test.each(Object.keys(DEPLOYMENTS) as Kind[])('an external traffic policy on a ClusterIP %s', (kind) => {
    const chart = Testing.chart();
    expect(() => new IngressGateway(chart, 'edge', { deployment: DEPLOYMENTS[kind](), serviceType: GatewayServiceType.CLUSTER_IP, externalTrafficPolicy: GatewayExternalTrafficPolicy.LOCAL }))
      .toThrow('test/edge: invalid externalTrafficPolicy "Local": a ClusterIP Service takes no traffic from outside the cluster: use NodePort or LoadBalancer');
  });

  test('a load balancer class on a NodePort injected gateway', () => {
    expect(() => new IngressGateway(Testing.chart(), 'edge', { deployment: GatewayDeployment.injected(), serviceType: GatewayServiceType.NODE_PORT, loadBalancerClass: 'service.k8s.aws/nlb' }))
      .toThrow('test/edge: invalid loadBalancerClass "service.k8s.aws/nlb": a NodePort Service has no load balancer: use the LoadBalancer type');
  });
});

describe('pod settings checked as Kubernetes checks them', () => {
  test.each(Object.keys(DEPLOYMENTS) as Kind[])('%s', (kind) => {
    const make = (options: GatewayWorkloadOptions) => () => synthGateway(kind, options);
    expect(make({ tolerations: [{ operator: TolerationOperator.EQUAL, value: 'x' }] }))
      .toThrow('test/edge: invalid tolerations[0].operator "Equal": a toleration without a key tolerates every taint, and needs TolerationOperator.EXISTS');
    expect(make({ tolerations: [{ key: 'a', operator: TolerationOperator.EXISTS, value: 'x' }] }))
      .toThrow('test/edge: invalid tolerations[0].value "x": TolerationOperator.EXISTS tolerates every value: leave value out, or use TolerationOperator.EQUAL');
    expect(make({ tolerations: [{ key: 'a', effect: TaintEffect.NO_SCHEDULE, tolerationSeconds: 5 }] }))
      .toThrow('test/edge: invalid tolerations[0].tolerationSeconds 5: applies only to TaintEffect.NO_EXECUTE, the effect that evicts');
    expect(make({ affinity: { nodeLabels: { zone: [] } } }))
      .toThrow('test/edge: invalid affinity.nodeLabels["zone"] []: expected at least one value the node label may have');
    expect(make({ affinity: { requireSpread: true } }))
      .toThrow('test/edge: invalid affinity.requireSpread true: applies only with spreadAcross, the topology key to run apart in');
  });

  test('a required spread is required anti-affinity', () => {
    const objects = synthGateway('injected gateway', { affinity: { spreadAcross: 'topology.kubernetes.io/zone', requireSpread: true } });
    expect(fieldOf('injected gateway', objects, 'main.spec.template.spec.affinity')).toStrictEqual({
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: injectedPods }, topologyKey: 'topology.kubernetes.io/zone' }] },
    });
  });

  test('a topology spread skew below 1', () => {
    expect(() => synthGateway('injected gateway', { topologySpread: [{ topologyKey: 'zone', maxSkew: 0 }] }))
      .toThrow('test/edge: invalid topologySpread[0].maxSkew 0: expected a whole number of at least 1');
  });

  test('a disruption budget of a fraction of a pod', () => {
    expect(() => synthGateway('IstioMeshGateway', { disruptionBudget: GatewayDisruptionBudget.minAvailable(1.5) }))
      .toThrow('test/edge: invalid disruptionBudget 1.5: expected a whole, non-negative number of pods');
  });
});

describeWithCrds('every option together is valid against each kind\'s CRD', () => {
  const validator = new CrdValidator();
  const all = (kind: Kind): GatewayWorkloadOptions => Object.assign({}, ...CASES.filter((c) => !('error' in c.expected[kind])).map((c) => c.options));
  test.each(Object.keys(DEPLOYMENTS) as Kind[])('%s', (kind) => {
    expectValidAgainstCrds(validator, synthGateway(kind, all(kind)));
  });
});
