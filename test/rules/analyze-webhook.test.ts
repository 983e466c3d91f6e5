import { analyze } from '../../src/rules/analyze';
import { FindingLevel, KubeObject, SUPPRESS_ANNOTATION } from '../../src/rules/finding';
import { IstioRelease } from '../../src/rules/istio-release';
import { checkObject } from '../../src/rules/webhook';

jest.mock('../../src/rules/webhook', () => ({
  checkObject: jest.fn((obj: KubeObject) => (obj.kind === 'ServiceEntry'
    ? [{ code: 'IST0106', level: 'Error', kind: obj.kind, name: obj.metadata?.name, namespace: obj.metadata?.namespace, message: 'Schema validation error: hosts is required' }]
    : [])),
}));

const serviceEntry = (annotations?: { [key: string]: string }): KubeObject => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'ServiceEntry',
  metadata: { name: 'api', namespace: 'shop', annotations },
  spec: { hosts: ['api.example.com'], ports: [{ number: 443, name: 'tls', protocol: 'TLS' }] },
});

test('analyze runs the per-object rules on every object and keeps their findings', () => {
  const other = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
  expect(analyze([serviceEntry(), other])).toEqual([{
    code: 'IST0106', level: FindingLevel.ERROR, kind: 'ServiceEntry', name: 'api', namespace: 'shop', message: 'Schema validation error: hosts is required',
  }]);
  expect(checkObject).toHaveBeenCalledWith(other, IstioRelease.LATEST);
});

test('analyze hands the per-object rules the target release', () => {
  const release = IstioRelease.of(1, 14);
  analyze([serviceEntry()], { istioRelease: release });
  expect(checkObject).toHaveBeenLastCalledWith(serviceEntry(), release);
});

test('the suppress annotation silences per-object findings too', () => {
  expect(analyze([serviceEntry({ [SUPPRESS_ANNOTATION]: 'IST0106' })])).toEqual([]);
  expect(analyze([serviceEntry({ [SUPPRESS_ANNOTATION]: 'IST0133' })]).map((f) => f.code)).toEqual(['IST0106']);
});
