import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  Backend, EgressGateway, ExternalService, ExternalServiceProtocol, GatewayDeployment, GatewayDisruptionBudget, GatewayReplicas,
  GatewayServiceType, IngressGateway, IstioAnalyzer,
} from '../../src';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject, objectsOfKind } from '../support/objects';

/** A chart whose objects are in the namespace `gateways`. */
function chartInNamespace(): Chart {
  return new Chart(Testing.app(), 'test', { namespace: 'gateways' });
}

const backend = Backend.fromHost('web.shop.svc.cluster.local', 8080);
const controlPlane = { name: 'cp-v117x' };

/** One app per kind: an ingress gateway exposing one host, an egress gateway routing one. */
const KINDS: Array<[string, () => GatewayDeployment]> = [
  ['MeshGateway', () => GatewayDeployment.meshGateway()],
  ['IstioMeshGateway', () => GatewayDeployment.istioMeshGateway({ controlPlane })],
  ['injected gateway', () => GatewayDeployment.injected()],
];

function appWith(deployment: GatewayDeployment): Chart {
  const chart = chartInNamespace();
  const ingress = new IngressGateway(chart, 'edge', { deployment, ports: [{ name: 'http2', port: 80 }, { name: 'https', port: 443 }] });
  ingress.expose('web', { hosts: ['web.example.com'], port: 80, backend });
  const egress = new EgressGateway(chart, 'egress', { deployment, ports: [{ name: 'http2', port: 80 }] });
  const httpbin = new ExternalService(chart, 'httpbin', { hosts: ['httpbin.org'], ports: [{ number: 80, name: 'http', protocol: ExternalServiceProtocol.HTTP }] });
  egress.route('httpbin-egress', { externalService: httpbin, port: 80 });
  return chart;
}

describe('GatewayDeployment.istioMeshGateway', () => {
  test('an IstioMeshGateway with its control plane, Service and replicas; pods selected by gateway-name and gateway-type', () => {
    const chart = chartInNamespace();
    const gateway = new IngressGateway(chart, 'edge', { deployment: GatewayDeployment.istioMeshGateway({ controlPlane: { name: 'cp-v117x', namespace: 'mesh' } }) });
    const imgw = findObject(Testing.synth(chart), 'IstioMeshGateway', 'edge');
    expect(imgw.apiVersion).toBe('servicemesh.cisco.com/v1alpha1');
    expect(imgw.spec).toStrictEqual({
      type: 'ingress',
      istioControlPlane: { name: 'cp-v117x', namespace: 'mesh' },
      deployment: { replicas: { count: 1, min: 1, max: 1 } },
      service: {
        type: 'LoadBalancer',
        ports: [
          { name: 'http2', port: 80, targetPort: 8080, protocol: 'TCP' },
          { name: 'https', port: 443, targetPort: 8443, protocol: 'TCP' },
        ],
      },
    });
    expect(gateway.selectorLabels).toStrictEqual({ 'gateway-name': 'edge', 'gateway-type': 'ingress' });
    expect(gateway.ports.map((p) => [p.port, p.targetPort])).toEqual([[80, 8080], [443, 8443]]);
    expect(gateway.serviceHost()).toBe('edge.gateways.svc.cluster.local');
    expect(gateway.resource.kind).toBe('IstioMeshGateway');
  });

  test('the control plane namespace defaults to istio-system', () => {
    const chart = chartInNamespace();
    new EgressGateway(chart, 'out', { deployment: GatewayDeployment.istioMeshGateway({ controlPlane }) });
    const imgw = findObject(Testing.synth(chart), 'IstioMeshGateway', 'out');
    expect(imgw.spec.istioControlPlane).toStrictEqual({ name: 'cp-v117x', namespace: 'istio-system' });
    expect(imgw.spec.type).toBe('egress');
    expect(imgw.spec.service.type).toBe('ClusterIP');
  });

  test('run as root, ports forward to themselves; given targetPorts are kept', () => {
    const chart = chartInNamespace();
    new IngressGateway(chart, 'edge', {
      deployment: GatewayDeployment.istioMeshGateway({ controlPlane }),
      runAsRoot: true,
      ports: [{ name: 'http2', port: 80 }, { name: 'tls', port: 15443 }, { name: 'https', port: 443, targetPort: 9443 }],
    });
    const imgw = findObject(Testing.synth(chart), 'IstioMeshGateway', 'edge');
    expect(imgw.spec.runAsRoot).toBe(true);
    expect(imgw.spec.service.ports.map((p: any) => [p.port, p.targetPort])).toEqual([[80, 80], [15443, 15443], [443, 9443]]);
  });

  test('autoscaled replicas leave the count to the operator', () => {
    const chart = chartInNamespace();
    new IngressGateway(chart, 'edge', { deployment: GatewayDeployment.istioMeshGateway({ controlPlane }), replicas: GatewayReplicas.autoscale(2, 6) });
    expect(findObject(Testing.synth(chart), 'IstioMeshGateway', 'edge').spec.deployment.replicas).toStrictEqual({ min: 2, max: 6 });
  });

  test('a control plane without a name is an error', () => {
    expect(() => new IngressGateway(chartInNamespace(), 'edge', { deployment: GatewayDeployment.istioMeshGateway({ controlPlane: { name: ' ' } }) }))
      .toThrow('test/edge: invalid deployment.controlPlane.name " ": expected the name of the IstioControlPlane the operator attaches the gateway to');
  });
});

describe('GatewayDeployment.injected', () => {
  function injected(props: any = {}) {
    const chart = chartInNamespace();
    const gateway = new IngressGateway(chart, 'edge', { deployment: GatewayDeployment.injected(props.kind), ...props.options });
    return { gateway, objects: Testing.synth(chart) };
  }

  test('a Deployment whose pods the injector makes a gateway: the inject label, the gateway template, istio-proxy with image auto', () => {
    const { gateway, objects } = injected();
    const deployment = findObject(objects, 'Deployment', 'edge');
    const template = deployment.spec.template;
    expect(deployment.spec.selector).toStrictEqual({ matchLabels: { app: 'edge', istio: 'edge' } });
    expect(template.metadata.labels).toMatchObject({ app: 'edge', istio: 'edge', 'sidecar.istio.io/inject': 'true' });
    expect(template.metadata.annotations).toStrictEqual({ 'inject.istio.io/templates': 'gateway' });
    expect(template.spec.serviceAccountName).toBe('edge');
    expect(template.spec.securityContext).toMatchObject({ runAsNonRoot: true, sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }] });
    const [proxy] = template.spec.containers;
    expect(proxy).toMatchObject({
      name: 'istio-proxy',
      image: 'auto',
      ports: [{ containerPort: 15090, name: 'http-envoy-prom', protocol: 'TCP' }],
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } },
      securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true, privileged: false, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    });
    expect(deployment.spec.replicas).toBeUndefined();
    expect(gateway.resource).toBe(kplusDeploymentObject(gateway));
  });

  test('a Service that selects the pods, with the status port and each port forwarding to itself', () => {
    const { gateway, objects } = injected();
    const service = findObject(objects, 'Service', 'edge');
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.spec.selector).toStrictEqual({ app: 'edge', istio: 'edge' });
    expect(service.spec.ports).toStrictEqual([
      { name: 'status-port', port: 15021, targetPort: 15021, protocol: 'TCP' },
      { name: 'http2', port: 80, targetPort: 80, protocol: 'TCP' },
      { name: 'https', port: 443, targetPort: 443, protocol: 'TCP' },
    ]);
    expect(gateway.selectorLabels).toStrictEqual({ app: 'edge', istio: 'edge' });
    expect(gateway.ports.map((p) => p.name)).toEqual(['http2', 'https']);
    expect(gateway.serviceHost()).toBe('edge.gateways.svc.cluster.local');
  });

  test('a ServiceAccount, and a Role bound to it that reads Secrets, for the TLS credentials', () => {
    const { objects } = injected();
    expect(findObject(objects, 'ServiceAccount', 'edge').metadata.name).toBe('edge');
    expect(findObject(objects, 'Role', 'edge').rules).toStrictEqual([{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'watch', 'list'] }]);
    const binding = findObject(objects, 'RoleBinding', 'edge');
    expect(binding.roleRef).toStrictEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'edge' });
    expect(binding.subjects).toEqual([expect.objectContaining({ kind: 'ServiceAccount', name: 'edge' })]);
  });

  test('by default an autoscaler of 1 to 5 pods on 80% CPU, as Istio\'s chart, and no disruption budget', () => {
    const { objects } = injected();
    const hpa = findObject(objects, 'HorizontalPodAutoscaler', 'edge');
    expect(hpa.spec).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'edge' },
      minReplicas: 1,
      maxReplicas: 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    });
    expect(objectsOfKind(objects, 'PodDisruptionBudget')).toEqual([]);
  });

  test('fixed replicas set the Deployment\'s and need no autoscaler', () => {
    const { objects } = injected({ options: { replicas: GatewayReplicas.fixed(3) } });
    expect(findObject(objects, 'Deployment', 'edge').spec.replicas).toBe(3);
    expect(objectsOfKind(objects, 'HorizontalPodAutoscaler')).toEqual([]);
  });

  test('a disruption budget is a PodDisruptionBudget over the gateway\'s pods', () => {
    const min = injected({ options: { replicas: GatewayReplicas.autoscale(2, 5), disruptionBudget: GatewayDisruptionBudget.minAvailable(1) } });
    expect(findObject(min.objects, 'PodDisruptionBudget', 'edge').spec).toStrictEqual({ minAvailable: 1, selector: { matchLabels: { app: 'edge', istio: 'edge' } } });
    const max = injected({ options: { disruptionBudget: GatewayDisruptionBudget.maxUnavailable(1) } });
    expect(findObject(max.objects, 'PodDisruptionBudget', 'edge').spec.maxUnavailable).toBe(1);
  });

  test('a revision labels the pods for that revision\'s injector', () => {
    const { objects } = injected({ kind: { revision: 'canary' } });
    expect(findObject(objects, 'Deployment', 'edge').spec.template.metadata.labels['istio.io/rev']).toBe('canary');
  });

  test('the istio label drops an istio- prefix, as Istio\'s chart does', () => {
    const chart = chartInNamespace();
    const gateway = new IngressGateway(chart, 'istio-ingressgateway', { deployment: GatewayDeployment.injected() });
    expect(gateway.selectorLabels).toStrictEqual({ app: 'istio-ingressgateway', istio: 'ingressgateway' });
  });

  test('an egress gateway is a ClusterIP Service that routes send the mesh\'s traffic to', () => {
    const chart = chartInNamespace();
    const egress = new EgressGateway(chart, 'egress', { deployment: GatewayDeployment.injected(), ports: [{ name: 'http2', port: 80 }] });
    const httpbin = new ExternalService(chart, 'httpbin', { hosts: ['httpbin.org'], ports: [{ number: 80, name: 'http', protocol: ExternalServiceProtocol.HTTP }] });
    egress.route('httpbin-egress', { externalService: httpbin, port: 80 });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Service', 'egress').spec.type).toBe('ClusterIP');
    expect(findObject(objects, 'Gateway', 'egress').spec.selector).toStrictEqual({ app: 'egress', istio: 'egress' });
    const vs = findObject(objects, 'VirtualService', 'httpbin-egress');
    expect(vs.spec.http[0].route[0].destination.host).toBe('egress.gateways.svc.cluster.local');
  });

  test('the status port is the Service\'s own', () => {
    expect(() => new IngressGateway(chartInNamespace(), 'edge', { deployment: GatewayDeployment.injected(), ports: [{ name: 'status', port: 15021 }] }))
      .toThrow('test/edge: invalid ports[0] "status": an injected gateway\'s Service has its own status-port on 15021, for load balancer health checks: use another name and port');
  });

  test('labels the kind selects or injects by are its own', () => {
    for (const label of ['app', 'istio', 'sidecar.istio.io/inject', 'istio.io/rev']) {
      expect(() => new IngressGateway(chartInNamespace(), 'edge', { deployment: GatewayDeployment.injected(), labels: { [label]: 'x' } }))
        .toThrow(`test/edge: invalid labels["${label}"] "x": an injected gateway labels its pods ${label} itself, to select them by: leave it out`);
    }
  });
});

function kplusDeploymentObject(gateway: IngressGateway): unknown {
  const deployment = gateway.node.findChild('Resource') as kplus.Deployment;
  return ApiObject.of(deployment);
}

describe.each(KINDS)('gateways deployed as %s', (_kind, deployment) => {
  test('each gateway\'s Gateway selects its workload, and routes reach its Service', () => {
    const objects = Testing.synth(appWith(deployment()));
    const ingressSelector = findObject(objects, 'Gateway', 'web').spec.selector;
    const egressSelector = findObject(objects, 'Gateway', 'egress').spec.selector;
    expect(ingressSelector).not.toEqual(egressSelector);
    const vs = findObject(objects, 'VirtualService', 'httpbin-egress');
    expect(vs.spec.http[0].route[0].destination.host).toBe('egress.gateways.svc.cluster.local');
  });

  test('the analysis finds the app clean: the workload and its Service ports are known from the objects', () => {
    const objects = Testing.synth(appWith(deployment()));
    expect(IstioAnalyzer.analyze(objects, { assumeHostsAndSecretsExist: true, defaultGateway: false })).toEqual([]);
  });

  test('without the workload, the Gateway selects nothing (IST0101)', () => {
    const objects = Testing.synth(appWith(deployment()));
    const workloadKinds = new Set(['MeshGateway', 'IstioMeshGateway', 'Deployment']);
    const findings = IstioAnalyzer.analyze(objects.filter((o) => !workloadKinds.has(o.kind)), { assumeHostsAndSecretsExist: true, defaultGateway: false });
    expect(findings.filter((f) => f.kind === 'Gateway').map((f) => `${f.code} ${f.name}`).sort()).toEqual(['IST0101 egress', 'IST0101 web']);
  });

  test('a Gateway on a port the workload\'s Service does not expose draws IST0162', () => {
    const objects = Testing.synth(appWith(deployment()));
    const gateway = findObject(objects, 'Gateway', 'web');
    const stray = { ...gateway, metadata: { ...gateway.metadata, name: 'stray' }, spec: { ...gateway.spec, servers: [{ ...gateway.spec.servers[0], hosts: ['stray.example.com'], port: { number: 9999, name: 'http-stray', protocol: 'HTTP' } }] } };
    const findings = IstioAnalyzer.analyze([...objects, stray], { assumeHostsAndSecretsExist: true, defaultGateway: false });
    expect(findings.map((f) => `${f.code} ${f.kind}/${f.name}`)).toEqual(['IST0162 Gateway/stray']);
  });

  test('its Service type follows the gateway: LoadBalancer for ingress, ClusterIP for egress, or as given', () => {
    const chart = chartInNamespace();
    new IngressGateway(chart, 'edge', { deployment: deployment(), serviceType: GatewayServiceType.NODE_PORT });
    const json = JSON.stringify(Testing.synth(chart));
    expect(json).toContain('"NodePort"');
    expect(json).not.toContain('"LoadBalancer"');
  });
});

describeWithCrds('every workload kind is valid against its CRD', () => {
  const validator = new CrdValidator();
  test.each(KINDS)('%s', (_kind, deployment) => {
    expectValidAgainstCrds(validator, Testing.synth(appWith(deployment())));
  });
});
