import { findingsToJson, FindingLevel, formatFinding, isSuppressed, suppressedCodes } from '../../src/rules/finding';

const finding = { code: 'IST0101', level: FindingLevel.ERROR, kind: 'Gateway', name: 'storefront', namespace: 'edge', message: 'Referenced selector not found: "app=edge"' };

test('formats a finding the way istioctl prints it', () => {
  expect(formatFinding(finding)).toBe('Error [IST0101] (Gateway edge/storefront) Referenced selector not found: "app=edge"');
  expect(formatFinding({ ...finding, kind: 'Namespace', name: 'edge', namespace: undefined, level: FindingLevel.INFO }))
    .toBe('Info [IST0101] (Namespace edge) Referenced selector not found: "app=edge"');
});

test('prints findings as a JSON array of {code, level, kind, name, namespace, message}', () => {
  expect(JSON.parse(findingsToJson([finding]))).toStrictEqual([
    { code: 'IST0101', level: 'Error', kind: 'Gateway', name: 'storefront', namespace: 'edge', message: 'Referenced selector not found: "app=edge"' },
  ]);
  expect(JSON.parse(findingsToJson([]))).toEqual([]);
});

test('reads the suppress annotation: comma-separated codes, spaces allowed, * for all', () => {
  const annotated = (value: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', annotations: { 'galley.istio.io/analyze-suppress': value } } });
  expect(suppressedCodes(annotated('IST0101, IST0132'))).toEqual(['IST0101', 'IST0132']);
  expect(suppressedCodes({ apiVersion: 'v1', kind: 'Service' })).toEqual([]);
  expect(isSuppressed(suppressedCodes(annotated('IST0101, IST0132')), 'IST0132')).toBe(true);
  expect(isSuppressed(suppressedCodes(annotated('IST0101')), 'IST0132')).toBe(false);
  expect(isSuppressed(suppressedCodes(annotated('*')), 'IST0145')).toBe(true);
});
