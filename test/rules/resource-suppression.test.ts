import { Finding, FindingLevel } from '../../src/rules/finding';
import { ResourceSuppression } from '../../src/rules/resource-suppression';

function finding(code: string, kind: string, name: string, namespace?: string): Finding {
  return { code, level: FindingLevel.WARNING, kind, name, namespace, message: 'm' };
}

describe('ResourceSuppression', () => {
  test('reads CODE=RESOURCE', () => {
    const suppression = ResourceSuppression.parse('IST0132=VirtualService web.shop');
    expect([suppression.code, suppression.resource]).toEqual(['IST0132', 'VirtualService web.shop']);
  });

  test.each(['', 'IST0132', '=VirtualService web.shop', 'IST0132=', 'IST0132=a=b'])('rejects %j', (value) => {
    expect(() => ResourceSuppression.parse(value)).toThrow(`invalid --suppress ${JSON.stringify(value)}: expected CODE=RESOURCE, such as "IST0132=VirtualService web.shop"`);
  });

  test('matches the code and Kind name.namespace exactly', () => {
    const suppression = ResourceSuppression.parse('IST0132=VirtualService web.shop');
    expect(suppression.suppresses(finding('IST0132', 'VirtualService', 'web', 'shop'))).toBe(true);
    expect(suppression.suppresses(finding('IST0101', 'VirtualService', 'web', 'shop'))).toBe(false);
    expect(suppression.suppresses(finding('IST0132', 'Gateway', 'web', 'shop'))).toBe(false);
    expect(suppression.suppresses(finding('IST0132', 'VirtualService', 'web', 'blog'))).toBe(false);
    expect(suppression.suppresses(finding('IST0132', 'VirtualService', 'web-2', 'shop'))).toBe(false);
  });

  test('reads a finding without a namespace in the default namespace', () => {
    expect(ResourceSuppression.parse('IST0106=Gateway edge.default').suppresses(finding('IST0106', 'Gateway', 'edge'))).toBe(true);
  });

  test('* stands for any text, other characters for themselves', () => {
    const anyName = ResourceSuppression.parse('IST0132=VirtualService *.shop');
    expect(anyName.suppresses(finding('IST0132', 'VirtualService', 'web', 'shop'))).toBe(true);
    expect(anyName.suppresses(finding('IST0132', 'VirtualService', 'a.b', 'shop'))).toBe(true);
    expect(anyName.suppresses(finding('IST0132', 'VirtualService', 'web', 'shops'))).toBe(false);
    expect(ResourceSuppression.parse('IST0132=VirtualService a.b.c').suppresses(finding('IST0132', 'VirtualService', 'aXb', 'c'))).toBe(false);
    expect(ResourceSuppression.parse('IST0132=VirtualService web.shop?').suppresses(finding('IST0132', 'VirtualService', 'web', 'sho'))).toBe(false);
    expect(ResourceSuppression.parse('IST0132=*').suppresses(finding('IST0132', 'Sidecar', 'x', 'y'))).toBe(true);
  });

  test('knows whether the analysis reports its code', () => {
    expect(ResourceSuppression.parse('IST0132=Gateway *').hasKnownCode).toBe(true);
    expect(ResourceSuppression.parse('IST0106=Gateway *').hasKnownCode).toBe(true);
    expect(ResourceSuppression.parse('IST0102=Namespace frod').hasKnownCode).toBe(false);
  });
});
