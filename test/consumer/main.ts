// A consumer cdk8s app that only knows the packed library: it is compiled against the
// tarball's .d.ts files and synthesized by cdk8s-cli in a directory of its own.
import { App, Chart } from 'cdk8s';
import { Backend, GatewayServiceType, IngressGateway, IstioApiVersion, networking } from 'cdk8s-istio-gateways';

const app = new App();
IstioApiVersion.use(app, IstioApiVersion.V1);
const chart = new Chart(app, 'consumer', { namespace: 'shop', disableResourceNameHashes: true });
const gateway = new IngressGateway(chart, 'shop-ingress', {
  ports: [{ name: 'http', port: 8080 }],
  serviceType: GatewayServiceType.CLUSTER_IP,
});
gateway.expose('storefront', {
  hosts: ['shop.example.com'],
  backend: Backend.fromHost('storefront.shop.svc.cluster.local', 80),
});
new networking.ServiceEntryV1Beta1(chart, 'raw', {
  metadata: { name: 'raw' },
  spec: { hosts: ['api.example.com'], ports: [{ number: 443, name: 'https', protocol: 'TLS' }], resolution: networking.ServiceEntryV1Beta1SpecResolution.DNS },
});
app.synth();
