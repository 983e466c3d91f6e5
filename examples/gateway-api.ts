import { Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { Backend, KubernetesEgressGateway, KubernetesGateway, PathMatch, RegistryOnly, RouteDestination, ServerProtocol, ServerTls } from '../src';
import { routeHttpsEgress } from './egress-https';
import { httpbinService } from './external-service';

/**
 * Walkthrough steps 1, 2, 4 and 5 and the routing example written for the Kubernetes Gateway API: the same
 * exposures and routes, through a `KubernetesGateway` instead of an `IngressGateway`. What the
 * Gateway API's standard channel cannot say is left out or said its way, as each chart notes.
 */

/** Step 1: a service exposed through a shared Gateway that the mesh's owners installed. */
export class IngressDefaultGatewayApiChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'backyards-demo', disableResourceNameHashes: true });

    const meshIngress = KubernetesGateway.fromName(this, 'mesh-ingress', { gatewayName: 'mesh-ingress', namespace: 'istio-system' });

    meshIngress.expose('frontpage', {
      hosts: ['frontpage.example.com'],
      port: 80,
      backend: Backend.fromHost('frontpage.backyards-demo.svc.cluster.local', 8080),
    });
  }
}

/** Step 2: a dedicated Gateway of class istio, listening on port 8000, for a second service. */
export class DedicatedIngressGatewayApiChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'default', disableResourceNameHashes: true });

    const echo = new kplus.Service(this, 'echo', {
      metadata: { name: 'echo' },
      selector: kplus.Pods.select(this, 'echo-pods', { labels: { app: 'echo' } }),
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    });

    const gateway = new KubernetesGateway(this, 'echo-ingress');

    gateway.expose('echo', {
      hosts: ['echo.example.com'],
      port: 8000,
      backend: Backend.fromService(echo),
    });
  }
}

/**
 * Step 4: the mesh's traffic to httpbin.org sent through a dedicated egress gateway, a Gateway of
 * class istio that Istio deploys with a ClusterIP Service. The Gateway API form is the whole
 * configuration of its example, so it holds step 3's ServiceEntry, which its first route attaches to.
 */
export class EgressGatewayApiChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'default', disableResourceNameHashes: true });

    const httpbin = httpbinService(this);
    const egress = new KubernetesEgressGateway(this, 'egress');

    egress.route('httpbin-egress', { externalService: httpbin, port: 80 });
  }
}

/**
 * Step 5: HTTPS egress, api.github.com passed through by SNI and edition.cnn.com with TLS
 * originated at the gateway on port 80 (not also passed through on 443, which the DestinationRule
 * would wrap in a second layer of TLS). The Gateway API has no Gateway
 * the mesh installed for egress, so the gateway is one of class istio in istio-system; the routes
 * to its Service come from the application's namespace, which a ReferenceGrant there allows.
 */
export class EgressHttpsGatewayApiChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'default', disableResourceNameHashes: true });

    new RegistryOnly(this, 'registry-only');

    const meshEgress = new KubernetesEgressGateway(this, 'mesh-egress', { gatewayName: 'egress', namespace: 'istio-system' });

    routeHttpsEgress(this, meshEgress);
  }
}

/**
 * The routing example: the shop over HTTPS (plain HTTP redirects), its API on a path with a
 * timeout, the storefront split 90/10, and payments passed through by SNI. The Gateway API has no
 * DestinationRule subsets, so each version has a Service of its own; and no retries in its
 * standard channel, so the API route leaves them to Istio's default.
 */
export class RoutingGatewayApiChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'shop', disableResourceNameHashes: true });

    const version = (name: string, label: string) => new kplus.Service(this, name, {
      metadata: { name },
      selector: kplus.Pods.select(this, `${name}-pods`, { labels: { app: 'storefront', version: label } }),
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    });
    const stable = version('storefront-stable', 'v1');
    const canary = version('storefront-canary', 'v2');
    const api = new kplus.Service(this, 'api', {
      metadata: { name: 'api' },
      selector: kplus.Pods.select(this, 'api-pods', { labels: { app: 'api' } }),
      ports: [{ name: 'http', port: 9090 }],
    });

    const gateway = new KubernetesGateway(this, 'shop-ingress');

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
    });
    shop.addHttpRoute({
      name: 'storefront',
      destinations: [
        RouteDestination.to(Backend.fromService(stable), { percent: 90 }),
        RouteDestination.to(Backend.fromService(canary), { percent: 10 }),
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
