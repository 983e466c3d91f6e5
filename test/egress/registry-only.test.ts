import { Chart, Testing } from 'cdk8s';
import { IstioApiVersion, RegistryOnly } from '../../src';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject } from '../support/objects';

const SPEC = { egress: [{ hosts: ['*/*'] }], outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } };

describe('RegistryOnly', () => {
  test('a Sidecar without a selector in the chart\'s namespace, named after the construct id', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'apps' });
    const policy = new RegistryOnly(chart, 'registry-only');
    const sidecar = findObject(Testing.synth(chart), 'Sidecar', 'registry-only');
    expect(sidecar.metadata.namespace).toBe('apps');
    expect(sidecar.spec).toStrictEqual(SPEC);
    expect(policy.node.defaultChild).toBe(policy.resource);
  });

  test('a namespace and name set explicitly', () => {
    const chart = Testing.chart();
    new RegistryOnly(chart, 'policy', { namespace: 'payments', name: 'default' });
    expect(findObject(Testing.synth(chart), 'Sidecar', 'default').metadata.namespace).toBe('payments');
  });

  test('mesh-wide: in istio-system, or in the root namespace given', () => {
    const chart = Testing.chart();
    RegistryOnly.meshWide(chart, 'mesh-default');
    RegistryOnly.meshWide(chart, 'other-mesh', { rootNamespace: 'istio-config', name: 'default' });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Sidecar', 'mesh-default')).toStrictEqual({
      apiVersion: 'networking.istio.io/v1beta1', kind: 'Sidecar', metadata: { name: 'mesh-default', namespace: 'istio-system' }, spec: SPEC,
    });
    expect(findObject(objects, 'Sidecar', 'default').metadata.namespace).toBe('istio-config');
  });

  test('a name or namespace that Kubernetes rejects', () => {
    expect(() => new RegistryOnly(Testing.chart(), 'Policy')).toThrow('test/Policy: invalid name "Policy": expected a DNS-1123 name');
    expect(() => RegistryOnly.meshWide(Testing.chart(), 'p', { rootNamespace: 'Istio' })).toThrow('test/p: invalid namespace "Istio": expected a DNS-1123 label');
  });
});

describeWithCrds('RegistryOnly against the CRD schemas', () => {
  const validator = new CrdValidator();
  test.each([IstioApiVersion.V1ALPHA3, IstioApiVersion.V1BETA1, IstioApiVersion.V1].map((v): [string, IstioApiVersion] => [v.version, v]))('%s', (_name, version) => {
    const chart = Testing.chart();
    IstioApiVersion.use(chart, version);
    new RegistryOnly(chart, 'registry-only', { namespace: 'apps' });
    expectValidAgainstCrds(validator, Testing.synth(chart));
  });
});
