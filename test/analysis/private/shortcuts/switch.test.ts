import { ApiObject, Testing } from 'cdk8s';
import { SHORTCUTS_SWITCH, synthesisPath } from '../../../../src/analysis/private/shortcuts';

function withSwitch<T>(value: string | undefined, body: () => T): T {
  const before = process.env[SHORTCUTS_SWITCH];
  if (value === undefined) {
    delete process.env[SHORTCUTS_SWITCH];
  } else {
    process.env[SHORTCUTS_SWITCH] = value;
  }
  try {
    return body();
  } finally {
    if (before === undefined) {
      delete process.env[SHORTCUTS_SWITCH];
    } else {
      process.env[SHORTCUTS_SWITCH] = before;
    }
  }
}

function configMap(): ApiObject {
  return new ApiObject(Testing.chart(), 'settings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: 'b' } });
}

describe(SHORTCUTS_SWITCH, () => {
  test('off takes the plain path: the JSON the analysis reads is what toJson returns', () => {
    const obj = configMap();
    const json = obj.toJson();
    jest.spyOn(obj, 'toJson').mockReturnValue(json);
    expect(withSwitch('off', () => synthesisPath()).serialize(obj)).toBe(json);
  });

  test.each([undefined, '', 'on'])('%j takes the shortcuts: the JSON is a copy that shares hidden classes', (value) => {
    const obj = configMap();
    const json = obj.toJson();
    jest.spyOn(obj, 'toJson').mockReturnValue(json);
    const read = withSwitch(value, () => synthesisPath()).serialize(obj);
    expect(read).not.toBe(json);
    expect(read).toEqual(json);
  });

  test('outside a synthesis, neither path takes a validation for a repeat', () => {
    expect(withSwitch('off', () => synthesisPath()).repeatsValidation()).toBe(false);
    expect(withSwitch('on', () => synthesisPath()).repeatsValidation()).toBe(false);
  });

  test('any other value is refused, naming the variable and what is valid', () => {
    expect(() => withSwitch('false', () => synthesisPath())).toThrow(`invalid environment variable ${SHORTCUTS_SWITCH}="false": expected "on" or "off"`);
  });
});
