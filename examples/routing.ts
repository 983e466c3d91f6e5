import { Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import {
  Backend, IngressGateway, PathMatch, RetryOn, RouteDestination, ServerProtocol, ServerTls, ServiceSubsets,
} from '../src';

/**
 * Routing and TLS: a shop served over HTTPS (plain HTTP redirects), its API on a path with
 * retries and a timeout, the storefront split 90/10 between a stable and a canary version, and
 * a payments host whose TLS the gateway passes through untouched.
 */
export class RoutingChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'shop', disableResourceNameHashes: true });

    const storefront = new kplus.Service(this, 'storefront', {
      metadata: { name: 'storefront' },
      selector: kplus.Pods.select(this, 'storefront-pods', { labels: { app: 'storefront' } }),
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    });
    const api = new kplus.Service(this, 'api', {
      metadata: { name: 'api' },
      selector: kplus.Pods.select(this, 'api-pods', { labels: { app: 'api' } }),
      ports: [{ name: 'http', port: 9090 }],
    });

    const versions = new ServiceSubsets(this, 'storefront-versions', { backend: Backend.fromService(storefront) });
    versions.addSubset('stable', { version: 'v1' });
    versions.addSubset('canary', { version: 'v2' });

    const gateway = new IngressGateway(this, 'shop-ingress', {
      ports: [
        { name: 'http', port: 80, targetPort: 8080 },
        { name: 'https', port: 443, targetPort: 8443 },
        { name: 'tls-passthrough', port: 9443 },
      ],
    });

    const shop = gateway.expose('shop', {
      hosts: ['shop.example.com'],
      port: 443,
      tls: ServerTls.simple({ credentialName: 'shop-example-com-tls' }),
    });
    shop.addHttpRoute({
      name: 'api',
      matches: [{ path: PathMatch.prefix('/api/') }],
      destinations: [RouteDestination.to(Backend.fromService(api))],
      timeout: Duration.seconds(5),
      retries: { attempts: 3, perTryTimeout: Duration.millis(1500), retryOn: [RetryOn.GATEWAY_ERROR, RetryOn.CONNECT_FAILURE] },
    });
    shop.addHttpRoute({
      name: 'storefront',
      destinations: [
        RouteDestination.toSubset(versions, 'stable', { percent: 90 }),
        RouteDestination.toSubset(versions, 'canary', { percent: 10 }),
      ],
    });

    gateway.expose('payments', {
      hosts: ['payments.example.com'],
      port: 9443,
      protocol: ServerProtocol.TLS,
      tls: ServerTls.passthrough(),
      backend: Backend.fromHost('payments.payments.svc.cluster.local', 443),
    });
  }
}
