import { findingsToJson, FindingLevel, formatFinding, isAtLeast, isSuppressed, sortedDistinct, suppressedCodes } from '../../src/rules/finding';

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
  expect(JSON.parse(findingsToJson([{ ...finding, sources: ['a.yaml:1', 'b.yaml:4'] }]))[0].sources).toEqual(['a.yaml:1', 'b.yaml:4']);
});

test('reads the suppress annotation: comma-separated codes, spaces allowed, * for all', () => {
  const annotated = (value: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', annotations: { 'galley.istio.io/analyze-suppress': value } } });
  expect(suppressedCodes(annotated('IST0101, IST0132'))).toEqual(['IST0101', 'IST0132']);
  expect(suppressedCodes({ apiVersion: 'v1', kind: 'Service' })).toEqual([]);
  expect(isSuppressed(suppressedCodes(annotated('IST0101, IST0132')), 'IST0132')).toBe(true);
  expect(isSuppressed(suppressedCodes(annotated('IST0101')), 'IST0132')).toBe(false);
  expect(isSuppressed(suppressedCodes(annotated('*')), 'IST0145')).toBe(true);
});

test('formats a finding of an object read from a file with the file and line, as istioctl does', () => {
  expect(formatFinding({ ...finding, sources: ['edge.yaml:12'] })).toBe('Error [IST0101] (Gateway edge/storefront edge.yaml:12) Referenced selector not found: "app=edge"');
});

test('formats a finding of an object read from several inputs with every source, in order', () => {
  expect(formatFinding({ ...finding, sources: ['team-b/edge.yaml:12', 'team-a/edge.yaml:3'] }))
    .toBe('Error [IST0101] (Gateway edge/storefront team-b/edge.yaml:12, team-a/edge.yaml:3) Referenced selector not found: "app=edge"');
  expect(formatFinding({ ...finding, sources: [] })).toBe(formatFinding(finding));
});

test('orders findings as istioctl does: level, code, Kind/name/namespace, then the printed line; and prints each line once', () => {
  // Derived from istio pkg/config/analysis/diag/messages_test.go, TestMessages_Sort and TestMessages_SortedCopy.
  const make = (level: FindingLevel, code: string, name: string, namespace: string) => ({ finding: { ...finding, level, code, name, namespace } });
  const items = [
    make(FindingLevel.INFO, 'IST0001', 'a', 'x'),
    make(FindingLevel.WARNING, 'IST0132', 'b', 'x'),
    make(FindingLevel.ERROR, 'IST0145', 'a', 'x'),
    make(FindingLevel.ERROR, 'IST0101', 'b', 'a'),
    make(FindingLevel.ERROR, 'IST0101', 'a', 'z'),
    make(FindingLevel.ERROR, 'IST0101', 'a', 'z'),
  ];
  expect(sortedDistinct(items, (i) => formatFinding(i.finding)).map((i) => `${i.finding.level} ${i.finding.code} ${i.finding.namespace}/${i.finding.name}`)).toEqual([
    'Error IST0101 z/a',
    'Error IST0101 a/b',
    'Error IST0145 x/a',
    'Warning IST0132 x/b',
    'Info IST0001 x/a',
  ]);
});

test('compares levels as istioctl thresholds do: Error is at least every level, Info only at least Info', () => {
  expect(isAtLeast(FindingLevel.ERROR, FindingLevel.INFO)).toBe(true);
  expect(isAtLeast(FindingLevel.WARNING, FindingLevel.WARNING)).toBe(true);
  expect(isAtLeast(FindingLevel.WARNING, FindingLevel.ERROR)).toBe(false);
  expect(isAtLeast(FindingLevel.INFO, FindingLevel.WARNING)).toBe(false);
});
