import { Chart, Testing } from 'cdk8s';
import { buildGatewayApiExamples } from '../examples/main';
import { analyze } from '../src/rules/analyze';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from './support/crds';
import { synthWalkthrough } from './support/synth';

/** The Gateway API forms of the examples, synthesized: chart id -> objects. */
function synthGatewayApiExamples(): Map<string, any[]> {
  const app = buildGatewayApiExamples(Testing.app());
  return new Map(app.charts.map((chart: Chart) => [chart.node.id, Testing.synth(chart)]));
}

/** Where a request for a host, port and path goes: `host:port path -> backend share%`, one line per backend. */
type TrafficTable = string[];

function share(weights: Array<number | undefined>, i: number): number {
  const given = weights.map((w) => w ?? 1);
  const total = given.reduce((a, b) => a + b, 0);
  return Math.round((given[i] / total) * 100);
}

/**
 * The traffic table of the Istio form: each Gateway server's hosts and port, with the routes of the
 * VirtualServices bound to the Gateway. `subsets` names the Service each DestinationRule subset
 * stands for in the Gateway API form, which has no subsets.
 */
function istioTraffic(objects: any[], subsets: { [hostAndSubset: string]: string } = {}): TrafficTable {
  const lines: string[] = [];
  const backend = (d: any) => {
    const host = d.subset === undefined ? d.host : subsets[`${d.host}+${d.subset}`];
    return `${host}:${d.port.number}`;
  };
  for (const vs of objects.filter((o) => o.kind === 'VirtualService')) {
    for (const gateway of objects.filter((o) => o.kind === 'Gateway' && vs.spec.gateways.includes(o.metadata.name))) {
      for (const server of gateway.spec.servers) {
        for (const host of server.hosts) {
          const at = `${host}:${server.port.number}`;
          if (server.tls?.httpsRedirect) {
            lines.push(`${at} * -> redirect https`);
            continue;
          }
          for (const route of vs.spec.http ?? []) {
            const paths = (route.match ?? [{}]).map((m: any) => (m.uri === undefined ? '*' : Object.entries(m.uri).map(([k, v]) => `${k}:${v}`).join('')));
            for (const path of paths) {
              (route.route ?? []).forEach((r: any, i: number) => lines.push(`${at} ${path} -> ${backend(r.destination)} ${share(route.route.map((x: any) => x.weight), i)}%`));
            }
          }
          for (const route of vs.spec.tls ?? []) {
            for (const sni of route.match.flatMap((m: any) => m.sniHosts)) {
              route.route.forEach((r: any, i: number) => lines.push(`${sni}:${server.port.number} sni -> ${backend(r.destination)} ${share(route.route.map((x: any) => x.weight), i)}%`));
            }
          }
        }
      }
    }
  }
  return lines.sort();
}

/** The traffic table of the Gateway API form: each route's hostnames on the ports of the listeners it attaches to. */
function gatewayApiTraffic(objects: any[]): TrafficTable {
  const lines: string[] = [];
  const listeners = new Map<string, any>(objects.filter((o) => o.kind === 'Gateway').flatMap((g) => g.spec.listeners.map((l: any) => [`${g.metadata.name}/${l.name}`, l])));
  for (const route of objects.filter((o) => ['HTTPRoute', 'TLSRoute'].includes(o.kind))) {
    const backend = (ref: any) => (ref.kind === 'Hostname' ? `${ref.name}:${ref.port}` : `${ref.name}.${ref.namespace ?? route.metadata.namespace}.svc.cluster.local:${ref.port}`);
    for (const parent of route.spec.parentRefs) {
      const port = parent.port ?? listeners.get(`${parent.name}/${parent.sectionName}`).port;
      for (const host of route.spec.hostnames) {
        const at = `${host}:${port}`;
        for (const rule of route.spec.rules) {
          if (rule.filters?.some((f: any) => f.requestRedirect?.scheme === 'https')) {
            lines.push(`${at} * -> redirect https`);
            continue;
          }
          const paths = route.kind === 'TLSRoute' ? ['sni']
            : (rule.matches ?? [{}]).map((m: any) => (m.path === undefined ? '*' : `${m.path.type === 'PathPrefix' ? 'prefix' : m.path.type === 'Exact' ? 'exact' : 'regex'}:${m.path.value}`));
          for (const path of paths) {
            rule.backendRefs.forEach((ref: any, i: number) => lines.push(`${at} ${path} -> ${backend(ref)} ${share(rule.backendRefs.map((r: any) => r.weight), i)}%`));
          }
        }
      }
    }
  }
  return lines.sort();
}

/** ` (TLS originated)` where a DestinationRule originates TLS to `host` on `port`. */
function origination(objects: any[], host: string, port: number): string {
  const originates = objects.some((o) => o.kind === 'DestinationRule' && o.spec.host === host
    && (o.spec.trafficPolicy?.portLevelSettings ?? []).some((p: any) => p.port.number === port && p.tls?.mode === 'SIMPLE'));
  return originates ? ' (TLS originated)' : '';
}

/**
 * Where the mesh's traffic for an external host goes, in the Istio form: each mesh hop of a
 * VirtualService bound to the egress Gateway and `mesh` (`host:port -> gateway:port`), then the
 * gateway hop on that port (`-> external host:port`). HTTP and TLS hops alike.
 */
function istioEgress(objects: any[]): TrafficTable {
  const lines: string[] = [];
  for (const vs of objects.filter((o) => o.kind === 'VirtualService' && o.spec.gateways.includes('mesh'))) {
    const gateway = vs.spec.gateways.find((g: string) => g !== 'mesh');
    const hops = [...(vs.spec.http ?? []), ...(vs.spec.tls ?? [])];
    for (const meshHop of hops.filter((h: any) => h.match[0].gateways[0] === 'mesh')) {
      const toGateway = meshHop.route[0].destination;
      const gatewayHop = hops.find((h: any) => h.match[0].gateways[0] === gateway && h.match[0].port === toGateway.port.number);
      const external = gatewayHop.route[0].destination;
      lines.push(`${vs.spec.hosts[0]}:${meshHop.match[0].port} -> gateway:${toGateway.port.number} -> ${external.host}:${external.port.number}${origination(objects, external.host, external.port.number)}`);
    }
  }
  return lines.sort();
}

/**
 * The same in the Gateway API form: each HTTPRoute or TLSRoute attached to a ServiceEntry port
 * (`host:port -> gateway:port`, checked to be the Service Istio deploys for the Gateway,
 * `<gateway>-istio`), then the route on the gateway's listener on that port for the host
 * (`-> Hostname:port`).
 */
function gatewayApiEgress(objects: any[]): TrafficTable {
  const lines: string[] = [];
  const routes = objects.filter((o) => ['HTTPRoute', 'TLSRoute'].includes(o.kind));
  const gateways = objects.filter((o) => o.kind === 'Gateway');
  for (const meshRoute of routes.filter((r) => r.spec.parentRefs[0].kind === 'ServiceEntry')) {
    const parent = meshRoute.spec.parentRefs[0];
    const entry = objects.find((o) => o.kind === 'ServiceEntry' && o.metadata.name === parent.name);
    const host = entry.spec.hosts[0];
    const toGateway = meshRoute.spec.rules[0].backendRefs[0];
    const gateway = gateways.find((g) => `${g.metadata.name}-istio` === toGateway.name && g.metadata.namespace === (toGateway.namespace ?? meshRoute.metadata.namespace));
    const listener = gateway.spec.listeners.find((l: any) => l.port === toGateway.port && l.hostname === host);
    const gatewayRoute = routes.find((r) => r.kind === meshRoute.kind && r.spec.parentRefs.some((p: any) => p.name === gateway.metadata.name && p.sectionName === listener.name));
    const external = gatewayRoute.spec.rules[0].backendRefs[0];
    expect([external.group, external.kind]).toStrictEqual(['networking.istio.io', 'Hostname']);
    lines.push(`${host}:${parent.port} -> gateway:${toGateway.port} -> ${external.name}:${external.port}${origination(objects, external.name, external.port)}`);
  }
  return lines.sort();
}

const istio = synthWalkthrough();
const gatewayApi = synthGatewayApiExamples();

describe('the Gateway API forms of the examples route like their Istio forms', () => {
  test('step 1: the shared gateway', () => {
    const table = istioTraffic(istio.get('01-ingress-default-gateway')!);
    expect(table).toStrictEqual(['frontpage.example.com:80 * -> frontpage.backyards-demo.svc.cluster.local:8080 100%']);
    expect(gatewayApiTraffic(gatewayApi.get('01-ingress-default-gateway-gateway-api')!)).toStrictEqual(table);
  });

  test('step 2: a dedicated gateway on port 8000', () => {
    const table = istioTraffic(istio.get('02-dedicated-ingress-gateway')!);
    expect(table).toStrictEqual(['echo.example.com:8000 * -> echo.default.svc.cluster.local:80 100%']);
    expect(gatewayApiTraffic(gatewayApi.get('02-dedicated-ingress-gateway-gateway-api')!)).toStrictEqual(table);
  });

  test('step 4: the mesh\'s traffic for httpbin.org leaves through the egress gateway, on the same ports, to the same host', () => {
    const table = istioEgress([...istio.get('03-external-service')!, ...istio.get('04-egress-gateway')!]);
    expect(table).toStrictEqual(['httpbin.org:80 -> gateway:80 -> httpbin.org:80']);
    expect(gatewayApiEgress(gatewayApi.get('04-egress-gateway-gateway-api')!)).toStrictEqual(table);
  });

  test('step 5: api.github.com passed through, edition.cnn.com with TLS originated on port 80 and passed through on 443', () => {
    const table = istioEgress(istio.get('05-egress-https')!);
    expect(table).toStrictEqual([
      'api.github.com:443 -> gateway:443 -> api.github.com:443',
      'edition.cnn.com:443 -> gateway:443 -> edition.cnn.com:443 (TLS originated)',
      'edition.cnn.com:80 -> gateway:80 -> edition.cnn.com:443 (TLS originated)',
    ]);
    expect(gatewayApiEgress(gatewayApi.get('05-egress-https-gateway-api')!)).toStrictEqual(table);
  });

  test('routing: the redirect, the API path, the 90/10 split (a Service per subset) and payments by SNI', () => {
    const table = istioTraffic(istio.get('06-routing')!, {
      'storefront.shop.svc.cluster.local+stable': 'storefront-stable.shop.svc.cluster.local',
      'storefront.shop.svc.cluster.local+canary': 'storefront-canary.shop.svc.cluster.local',
    });
    expect(table).toStrictEqual([
      'payments.example.com:9443 sni -> payments.payments.svc.cluster.local:443 100%',
      'shop.example.com:443 * -> storefront-canary.shop.svc.cluster.local:80 10%',
      'shop.example.com:443 * -> storefront-stable.shop.svc.cluster.local:80 90%',
      'shop.example.com:443 prefix:/api/ -> api.shop.svc.cluster.local:9090 100%',
      'shop.example.com:80 * -> redirect https',
    ]);
    expect(gatewayApiTraffic(gatewayApi.get('06-routing-gateway-api')!)).toStrictEqual(table);
  });
});

describeWithCrds('the Gateway API forms of the examples', () => {
  let validator: CrdValidator;
  beforeAll(() => {
    validator = new CrdValidator();
  });

  test.each([...gatewayApi.keys()])('%s: every object is valid against its CRD and the analysis finds nothing', (chart) => {
    const objects = gatewayApi.get(chart)!;
    expectValidAgainstCrds(validator, objects);
    expect(analyze(objects, { assumeHostsAndSecretsExist: true })).toStrictEqual([]);
  });
});
