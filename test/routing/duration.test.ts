import { Duration } from 'cdk8s';
import { expectRouteError, synthRoute } from '../support/routes';

describe('durations', () => {
  test.each([
    [Duration.seconds(1.5), '1.5s'],
    [Duration.millis(250), '0.25s'],
    [Duration.millis(1), '0.001s'],
    [Duration.minutes(2), '120s'],
  ])('%s is emitted as %s', (duration, expected) => {
    expect(synthRoute({ timeout: duration }).timeout).toBe(expected);
  });

  test('a zero timeout is an error', () => {
    expectRouteError({ timeout: Duration.seconds(0) }, 'invalid httpRoutes[0].timeout "0 seconds": duration "0s" must be at least 1ms');
  });

  test('a timeout under a millisecond is an error', () => {
    expectRouteError({ timeout: Duration.millis(0.5) }, 'invalid httpRoutes[0].timeout "0.5 millis": duration "0.0005s" must be at least 1ms');
  });

  test('a negative timeout cannot be written: cdk8s rejects it', () => {
    expect(() => Duration.seconds(-1)).toThrow(/cannot be negative/);
  });
});
