import { Duration } from 'cdk8s';
import { expectRouteError, synthRoute } from '../support/routes';

describe('FaultInjection', () => {
  test('a delay and an abort, each on a share of requests', () => {
    const route = synthRoute({ fault: { delay: { delay: Duration.seconds(2), percent: 10 }, abort: { httpStatus: 503, percent: 0.5 } } });
    expect(route.fault).toStrictEqual({
      delay: { fixedDelay: '2s', percentage: { value: 10 } },
      abort: { httpStatus: 503, percentage: { value: 0.5 } },
    });
  });

  test('the share defaults to every request', () => {
    expect(synthRoute({ fault: { abort: { httpStatus: 500 } } }).fault).toStrictEqual({ abort: { httpStatus: 500, percentage: { value: 100 } } });
  });

  // The construct had its own ranges (status 200-599, percent 0-100), unlike the fault rule.
  test('a share below 0.0001 percent, which Istio rejects, is an error', () => {
    expectRouteError({ fault: { abort: { httpStatus: 503, percent: 0.00005 } } }, 'invalid httpRoutes[0].fault.abort.percent 0.00005: percentage 0.00005 must be 0 or from 0.0001 to 100');
  });

  test('status 600, which Istio admits, is emitted', () => {
    expect(synthRoute({ fault: { abort: { httpStatus: 600 } } }).fault).toStrictEqual({ abort: { httpStatus: 600, percentage: { value: 100 } } });
  });

  test('an empty fault is an error', () => {
    expectRouteError({ fault: {} }, 'invalid httpRoutes[0].fault {}: expected a delay, an abort or both');
  });

  test('an abort status outside 200-599 is an error', () => {
    expectRouteError({ fault: { abort: { httpStatus: 99 } } }, 'invalid httpRoutes[0].fault.abort.httpStatus 99: HTTP status 99 is not in the range 200-600');
  });

  test('a share over 100 percent is an error', () => {
    expectRouteError({ fault: { delay: { delay: Duration.seconds(1), percent: 150 } } }, 'invalid httpRoutes[0].fault.delay.percent 150: percentage 150 must be 0 or from 0.0001 to 100');
  });

  test('a share between 0 and 0.0001 percent is an error: Istio rejects it', () => {
    expectRouteError({ fault: { abort: { httpStatus: 503, percent: 0.00005 } } }, 'invalid httpRoutes[0].fault.abort.percent 0.00005: percentage 0.00005 must be 0 or from 0.0001 to 100');
  });

  test('a zero delay is an error', () => {
    expectRouteError({ fault: { delay: { delay: Duration.millis(0) } } }, 'invalid httpRoutes[0].fault.delay.delay "0 millis": duration "0s" must be at least 1ms');
  });
});
