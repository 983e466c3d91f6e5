import { CrdValidator, describeWithCrds } from './support/crds';

// The schema check guards every other test, so it must itself be able to fail.
describeWithCrds('CrdValidator', () => {
  const validator = new CrdValidator();
  const gateway = {
    apiVersion: 'networking.istio.io/v1beta1',
    kind: 'Gateway',
    metadata: { name: 'g' },
    spec: { selector: { istio: 'ingressgateway' }, servers: [{ hosts: ['a.example.com'], port: { number: 80, name: 'http', protocol: 'HTTP' } }] },
  };

  test('accepts a valid object', () => {
    expect(validator.errors(gateway)).toEqual([]);
  });

  test('rejects a field the schema does not declare', () => {
    const bad = { ...gateway, spec: { ...gateway.spec, selectors: { istio: 'x' } } };
    expect(validator.errors(bad).join('\n')).toMatch(/must NOT have additional properties.*selectors/);
  });

  test('rejects a value of the wrong type', () => {
    const bad = { ...gateway, spec: { ...gateway.spec, servers: [{ hosts: ['a'], port: { number: 'eighty', name: 'http', protocol: 'HTTP' } }] } };
    expect(validator.errors(bad).join('\n')).toMatch(/number must be integer/);
  });

  test('rejects a MeshGateway without its required ports', () => {
    const bad = { apiVersion: 'istio.banzaicloud.io/v1beta1', kind: 'MeshGateway', metadata: { name: 'm' }, spec: { type: 'ingress' } };
    expect(validator.errors(bad).join('\n')).toMatch(/must have required property 'ports'/);
  });

  test('knows no kind the CRDs do not define', () => {
    expect(validator.knows({ apiVersion: 'v1', kind: 'Service' })).toBe(false);
  });
});
