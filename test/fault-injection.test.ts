import { Duration } from 'cdk8s';
import { expectRouteError, synthRoute } from './support/routes';

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

  test('an empty fault is an error', () => {
    expectRouteError({ fault: {} }, 'invalid httpRoutes[0].fault {}: expected a delay, an abort or both');
  });

  test('an abort status outside 200-599 is an error', () => {
    expectRouteError({ fault: { abort: { httpStatus: 99 } } }, 'invalid httpRoutes[0].fault.abort.httpStatus 99: expected an HTTP status from 200 to 599');
  });

  test('a share over 100 percent is an error', () => {
    expectRouteError({ fault: { delay: { delay: Duration.seconds(1), percent: 150 } } }, 'invalid httpRoutes[0].fault.delay.percent 150: expected a percentage from 0 to 100');
  });

  test('a share between 0 and 0.0001 percent is an error: Istio rejects it', () => {
    expectRouteError({ fault: { abort: { httpStatus: 503, percent: 0.00005 } } }, 'invalid httpRoutes[0].fault.abort.percent 0.00005: expected a percentage from 0 to 100: 0, or at least 0.0001');
  });

  test('a zero delay is an error', () => {
    expectRouteError({ fault: { delay: { delay: Duration.millis(0) } } }, 'invalid httpRoutes[0].fault.delay.delay "0 millis": expected a whole number of milliseconds, at least 1ms');
  });
});
