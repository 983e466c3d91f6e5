// A consumer cdk8s app that only knows the packed library: it is compiled against the
// tarball's .d.ts files and synthesized by cdk8s-cli in a directory of its own.
import { App, Chart } from 'cdk8s';
import { Backend, GatewayDeployment, GatewayServiceType, IngressGateway, IstioApiVersion, networking } from 'cdk8s-istio-gateways';

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
// One chart per other workload kind, each in its own namespace.
for (const [kind, deployment] of [
  ['istio-mesh-gateway', GatewayDeployment.istioMeshGateway({ controlPlane: { name: 'cp-v117x' } })],
  ['injected', GatewayDeployment.injected()],
] as const) {
  const kindChart = new Chart(app, `consumer-${kind}`, { namespace: `shop-${kind}`, disableResourceNameHashes: true });
  new IngressGateway(kindChart, 'shop-ingress', { deployment, ports: [{ name: 'http2', port: 80 }] }).expose('storefront', {
    hosts: [`${kind}.shop.example.com`],
    backend: Backend.fromHost(`storefront.shop-${kind}.svc.cluster.local`, 80),
  });
}
app.synth();
