import { analyze } from '../../src/rules/analyze';
import { formatFinding, KubeObject, SUPPRESS_ANNOTATION } from '../../src/rules/finding';

function linesOf(objects: KubeObject[], code: string, options = {}): string[] {
  return analyze(objects, options).filter((f) => f.code === code).map(formatFinding);
}

describe('CIG0001 DuplicateObject', () => {
  const rule = (namespace?: string): KubeObject => ({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'reviews', namespace }, spec: { host: 'reviews.shop.svc.cluster.local' } });

  test('an object without a namespace is the same object as one in namespace default', () => {
    expect(linesOf([rule(), rule('default')], 'CIG0001')).toHaveLength(1);
    expect(linesOf([rule('shop'), rule('default')], 'CIG0001')).toEqual([]);
  });

  test('is reported once per copy after the first, and API versions of one group are the same object', () => {
    const older = { ...rule('shop'), apiVersion: 'networking.istio.io/v1beta1' };
    expect(linesOf([rule('shop'), older, rule('shop')], 'CIG0001')).toEqual([
      'Error [CIG0001] (DestinationRule shop/reviews) Another DestinationRule.networking.istio.io named shop/reviews comes earlier in the input: applying both, this one replaces it, and only one takes effect.',
      'Error [CIG0001] (DestinationRule shop/reviews) Another DestinationRule.networking.istio.io named shop/reviews comes earlier in the input: applying both, this one replaces it, and only one takes effect.',
    ]);
  });

  test('can be suppressed with the annotation like any finding', () => {
    const suppressed = { ...rule('shop'), metadata: { name: 'reviews', namespace: 'shop', annotations: { [SUPPRESS_ANNOTATION]: 'CIG0001' } } };
    expect(linesOf([rule('shop'), suppressed], 'CIG0001')).toEqual([]);
  });
});
