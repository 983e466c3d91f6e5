import { HostIndex, hostsOverlap, withoutNamespace } from '../../src/rules/analysis/hosts';

describe('hostsOverlap', () => {
  test.each([
    ['a.example.com', 'a.example.com', true],
    ['a.example.com', 'b.example.com', false],
    ['*.example.com', 'a.example.com', true],
    ['a.example.com', '*.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'a.b.example.com', true],
    ['*.example.com', '*.b.example.com', true],
    ['*.a.example.com', '*.b.example.com', false],
    ['*', 'anything.example.org', true],
    ['*', '*.example.org', true],
    ['a.example.com', 'xa.example.com', false],
    ['*.example.com', 'badexample.com', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(hostsOverlap(a, b)).toBe(expected);
    expect(hostsOverlap(b, a)).toBe(expected);
  });
});

test('withoutNamespace drops the namespace part of a Gateway server host', () => {
  expect(withoutNamespace('shop/a.example.com')).toBe('a.example.com');
  expect(withoutNamespace('*/a.example.com')).toBe('a.example.com');
  expect(withoutNamespace('a.example.com')).toBe('a.example.com');
});

test('HostIndex finds exactly the values whose hosts overlap, as hostsOverlap decides', () => {
  const hosts = ['a.example.com', 'b.example.com', 'x.a.example.com', '*.example.com', '*.a.example.com', '*', 'example.com', 'a.example.org', '*.org'];
  const index = new HostIndex<string>();
  hosts.forEach((h) => index.add(h, h));
  const queries = [...hosts, 'c.example.com', '*.b.example.com', 'y.x.a.example.com', '*.net', 'net'];
  for (const query of queries) {
    expect({ query, found: [...new Set(index.overlapping(query))].sort() })
      .toEqual({ query, found: hosts.filter((h) => hostsOverlap(h, query)).sort() });
  }
});

test('HostIndex finds a value that many hosts below a wildcard share once, not once per host', () => {
  const index = new HostIndex<string>();
  for (let i = 0; i < 1000; i++) {
    index.add(`app${i}.example.com`, 'edge/shared');
  }
  index.add('*.team.example.com', 'edge/teams');
  index.add('*.a.team.example.com', 'edge/teams');
  expect(index.overlapping('*.example.com')).toEqual(['edge/shared', 'edge/teams']);
  expect(index.overlapping('*')).toEqual(['edge/shared', 'edge/teams']);
});
