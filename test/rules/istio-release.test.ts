import { IstioRelease } from '../../src/rules/istio-release';

describe('IstioRelease', () => {
  test('of names a release from 1.10 on', () => {
    expect(IstioRelease.of(1, 22).toString()).toBe('1.22');
    expect(IstioRelease.of(1, 10).toString()).toBe(IstioRelease.OLDEST.toString());
    expect(IstioRelease.of(1, 31).toString()).toBe('1.31');
  });

  test.each([[1, 9], [2, 0], [0, 22], [1, 22.5], [1, NaN]])('of refuses %d.%d', (major, minor) => {
    expect(() => IstioRelease.of(major, minor)).toThrow(/invalid Istio release .*: expected 1.10 or later, such as 1.22/);
  });

  test('parse reads major.minor and major.minor.patch', () => {
    expect(IstioRelease.parse('1.22').toString()).toBe('1.22');
    expect(IstioRelease.parse('1.22.3').toString()).toBe('1.22');
    expect(IstioRelease.parse(' 1.10.0 ').minor).toBe(10);
  });

  test.each(['1', '1.', 'v1.22', '1.22.3.4', '1.022', '1.22-beta', '', 'latest'])('parse refuses %j', (text) => {
    expect(() => IstioRelease.parse(text)).toThrow(`invalid Istio release ${JSON.stringify(text)}: expected major.minor or major.minor.patch, such as 1.22 or 1.22.3`);
  });

  test('parse refuses releases before 1.10', () => {
    expect(() => IstioRelease.parse('1.9.8')).toThrow('invalid Istio release 1.9: expected 1.10 or later, such as 1.22');
  });

  test('isAtLeast compares minor versions, not strings', () => {
    expect(IstioRelease.of(1, 15).isAtLeast(IstioRelease.of(1, 9 + 1))).toBe(true);
    expect(IstioRelease.of(1, 10).isAtLeast(IstioRelease.of(1, 15))).toBe(false);
    expect(IstioRelease.parse('1.15.7').isAtLeast(IstioRelease.of(1, 15))).toBe(true);
    expect(IstioRelease.LATEST.isAtLeast(IstioRelease.OLDEST)).toBe(true);
  });

  test('the latest release is the one of the CRDs', () => {
    expect(IstioRelease.LATEST.toString()).toBe('1.30');
  });
});
