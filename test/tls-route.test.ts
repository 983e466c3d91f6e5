import { hostCovers } from '../src/routing/tls-route';

describe('hostCovers', () => {
  test.each<[string, string, boolean]>([
    ['db.example.com', 'db.example.com', true],
    ['*.example.com', 'db.example.com', true],
    ['*.example.com', 'a.b.example.com', true],
    ['*', 'anything.example.org', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'db.example.org', false],
    ['db.example.com', 'api.example.com', false],
  ])('server host %s covers SNI host %s: %s', (host, sni, expected) => {
    expect(hostCovers(host, sni)).toBe(expected);
  });
});
