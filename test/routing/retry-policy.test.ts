import { Duration } from 'cdk8s';
import { RetryOn } from '../../src';
import { expectRouteError, synthRoute } from '../support/routes';

describe('RetryPolicy', () => {
  test('attempts, per-try timeout and conditions are emitted', () => {
    const route = synthRoute({ retries: { attempts: 3, perTryTimeout: Duration.millis(500), retryOn: [RetryOn.GATEWAY_ERROR, RetryOn.CONNECT_FAILURE, RetryOn.GATEWAY_ERROR] } });
    expect(route.retries).toStrictEqual({ attempts: 3, perTryTimeout: '0.5s', retryOn: 'gateway-error,connect-failure' });
  });

  test('zero attempts disables retries', () => {
    expect(synthRoute({ retries: { attempts: 0 } }).retries).toStrictEqual({ attempts: 0 });
  });

  test('negative attempts are an error', () => {
    expectRouteError({ retries: { attempts: -1 } }, 'invalid httpRoutes[0].retries.attempts -1: attempts cannot be negative');
  });

  test('a zero per-try timeout is an error', () => {
    expectRouteError({ retries: { attempts: 2, perTryTimeout: Duration.millis(0) } }, 'invalid httpRoutes[0].retries.perTryTimeout "0 millis": duration "0s" must be at least 1ms');
  });

  test('an empty list of conditions is admitted, as Istio admits an empty retryOn (its defaults)', () => {
    expect(synthRoute({ retries: { attempts: 2, retryOn: [] } }).retries).toStrictEqual({ attempts: 2, retryOn: '' });
  });

  test('zero attempts with a per-try timeout or conditions is an error', () => {
    expectRouteError({ retries: { attempts: 0, retryOn: [RetryOn.RESET] } }, 'invalid httpRoutes[0].retries {"attempts":0,"retryOn":"reset"}: a retry policy is configured but attempts is 0, which disables retries: set attempts');
  });
});
