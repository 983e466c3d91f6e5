import { Testing } from 'cdk8s';
import { buildGatewayKindExample, GATEWAY_KINDS } from '../../examples/gateway-kinds';
import { IstioAnalyzer } from '../../src';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject } from '../support/objects';
import { toYaml } from '../support/synth';

/** Each kind's example app: chart id -> objects. */
function synthKind(kind: typeof GATEWAY_KINDS[number]): Map<string, any[]> {
  const app = buildGatewayKindExample(Testing.app(), kind.name, kind.deployment());
  return new Map(app.charts.map((chart) => [chart.node.id, Testing.synth(chart)]));
}

describe.each(GATEWAY_KINDS.map((kind) => [kind.name, kind] as const))('walkthrough steps 2 and 4 as %s', (name, kind) => {
  const charts = synthKind(kind);
  const all = [...charts.values()].flat();

  test('the YAML of each step', () => {
    for (const [id, objects] of charts) {
      expect(toYaml(objects)).toMatchSnapshot(id);
    }
  });

  test('the Gateways select the workloads, and the egress route reaches the egress gateway\'s Service', () => {
    const step2 = charts.get(`02-dedicated-ingress-gateway-${name}`)!;
    const step4 = charts.get(`04-egress-gateway-${name}`)!;
    const ingressSelector = findObject(step2, 'Gateway', 'echo').spec.selector;
    const egressSelector = findObject(step4, 'Gateway', 'egress').spec.selector;
    expect(Object.keys(ingressSelector).length).toBeGreaterThan(0);
    expect(ingressSelector).not.toEqual(egressSelector);
    expect(findObject(step4, 'VirtualService', 'httpbin-egress').spec.http[0].route[0].destination.host).toBe('egress.default.svc.cluster.local');
  });

  test('the analysis finds the app clean, with nothing assumed of the gateways', () => {
    expect(IstioAnalyzer.analyze(all, { assumeHostsAndSecretsExist: true, defaultGateway: false })).toEqual([]);
  });
});

describeWithCrds('the workload kinds\' examples are valid against their CRDs', () => {
  const validator = new CrdValidator();
  test.each(GATEWAY_KINDS.map((kind) => [kind.name, kind] as const))('%s', (_name, kind) => {
    expectValidAgainstCrds(validator, [...synthKind(kind).values()].flat());
  });
});
