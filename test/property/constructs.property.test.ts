import { Chart, Duration, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import {
  Backend, EgressGateway, EgressRoute, ExternalService, ExternalServiceProtocol, ExternalServiceResolution, HttpRouteMatch, IngressGateway,
  PathMatch, RegistryOnly, RouteDestination, ServerProtocol, ServerTls, StringMatch, TlsVersion,
} from '../../src';
import { analyze } from '../../src/rules/analyze';
import { FindingLevel, KubeObject } from '../../src/rules/finding';
import { CrdValidator, describeWithCrds } from '../support/crds';

/**
 * Random valid props for each construct synthesize objects that the whole rule set admits
 * (no Error finding) and that their CRD schemas accept: the constructs never emit what the rule
 * set refuses. Run counts stay modest so the file runs in seconds.
 */
const RUNS = { numRuns: 40, seed: 11 };

const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,6}[a-z0-9])?$/);
const domain = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'org', 'io', 'example'))
  .map(([labels, tld]) => [...labels, tld].join('.'));
const host = fc.oneof(domain, domain.map((d) => `*.${d}`));
const port = fc.integer({ min: 1, max: 65535 });
const serviceHost = fc.tuple(label, label).map(([name, namespace]) => `${name}.${namespace}.svc.cluster.local`);
const regex = fc.constantFrom('/users/(?P<id>[0-9]+)', '(?i:/shop)', '/api/v[0-9]+/.*', '\\p{greek}+', '[[:alpha:]]+', '/a\\z', '(?P<v>a)|(?P<v>b)');
const pathMatch = fc.oneof(
  label.map((l) => PathMatch.exact(`/${l}`)),
  label.map((l) => PathMatch.prefix(`/${l}/`)),
  regex.map((r) => PathMatch.regex(r)),
);
const stringMatch = fc.oneof(label.map((l) => StringMatch.exact(l)), label.map((l) => StringMatch.prefix(l)), regex.map((r) => StringMatch.regex(r)));
const headerName = fc.oneof(label.map((l) => `x-${l}`), fc.constantFrom('X-Canary', 'x.trace', ':authority'));
const match: fc.Arbitrary<HttpRouteMatch> = fc.record({
  path: fc.option(pathMatch, { nil: undefined }),
  headers: fc.option(fc.dictionary(headerName, stringMatch, { maxKeys: 2 }), { nil: undefined }),
}, { requiredKeys: [] });

function errorsOf(objects: KubeObject[]): string[] {
  return analyze(objects, { assumeHostsAndSecretsExist: true })
    .filter((f) => f.level === FindingLevel.ERROR)
    .map((f) => `${f.code} ${f.kind} ${f.name}: ${f.message}`);
}

function schemaErrorsOf(validator: CrdValidator, objects: KubeObject[]): string[] {
  return objects.filter((obj) => validator.knows(obj)).flatMap((obj) => validator.errors(obj));
}

function newChart(): Chart {
  return new Chart(Testing.app(), 'test', { namespace: 'shop' });
}

interface IngressValue {
  readonly hosts: string[];
  readonly https: boolean;
  readonly minProtocolVersion?: TlsVersion;
  readonly cipherSuites?: string[];
  readonly backendHost: string;
  readonly backendPort: number;
  readonly routes: Array<{ matches?: HttpRouteMatch[]; timeoutMillis?: number; faultPercent?: number; status?: number }>;
}

const ingressValue: fc.Arbitrary<IngressValue> = fc.record({
  hosts: fc.uniqueArray(host, { minLength: 1, maxLength: 3 }),
  https: fc.boolean(),
  minProtocolVersion: fc.option(fc.constantFrom(TlsVersion.TLSV1_0, TlsVersion.TLSV1_2, TlsVersion.TLSV1_3), { nil: undefined }),
  cipherSuites: fc.option(fc.uniqueArray(fc.constantFrom('AES128-SHA', 'ECDHE-RSA-AES128-GCM-SHA256', 'AES256-GCM-SHA384'), { minLength: 1 }), { nil: undefined }),
  backendHost: serviceHost,
  backendPort: port,
  routes: fc.array(fc.record({
    matches: fc.option(fc.array(match, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    timeoutMillis: fc.option(fc.integer({ min: 1, max: 60_000 }), { nil: undefined }),
    faultPercent: fc.option(fc.oneof(fc.constant(0), fc.double({ min: 0.0001, max: 100, noNaN: true })), { nil: undefined }),
    status: fc.option(fc.integer({ min: 200, max: 600 }), { nil: undefined }),
  }, { requiredKeys: [] }), { maxLength: 3 }),
});

function synthIngress(value: IngressValue): KubeObject[] {
  const chart = newChart();
  const gateway = new IngressGateway(chart, 'edge', { namespace: 'istio-system', ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] });
  const tls = value.https ? ServerTls.simple({ credentialName: 'shop-cert', minProtocolVersion: value.minProtocolVersion, cipherSuites: value.cipherSuites }) : undefined;
  const exposure = gateway.expose('web', {
    hosts: value.hosts,
    port: value.https ? 443 : 80,
    protocol: value.https ? ServerProtocol.HTTPS : ServerProtocol.HTTP,
    tls,
    backend: Backend.fromHost(value.backendHost, value.backendPort),
  });
  value.routes.forEach((route) => exposure.addHttpRoute({
    matches: route.matches,
    timeout: route.timeoutMillis === undefined ? undefined : Duration.millis(route.timeoutMillis),
    fault: route.faultPercent === undefined ? undefined : { abort: { httpStatus: route.status ?? 503, percent: route.faultPercent } },
    destinations: [RouteDestination.to(Backend.fromHost(value.backendHost, value.backendPort))],
  }));
  return Testing.synth(chart) as KubeObject[];
}

interface EgressValue {
  readonly host: string;
  readonly protocol: ExternalServiceProtocol;
  readonly resolution: ExternalServiceResolution;
  readonly address?: string;
}

const egressValue: fc.Arbitrary<EgressValue> = fc.record({
  host: domain,
  protocol: fc.constantFrom(ExternalServiceProtocol.HTTP, ExternalServiceProtocol.HTTPS, ExternalServiceProtocol.TLS, ExternalServiceProtocol.TCP),
  resolution: fc.constantFrom(ExternalServiceResolution.DNS, ExternalServiceResolution.NONE),
  address: fc.option(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map(([a, b]) => `240.0.${a}.${b}`), { nil: undefined }),
});

const EGRESS_PORTS: Record<string, number> = { HTTP: 80, HTTPS: 443, TLS: 443, TCP: 5432 };

function synthEgress(value: EgressValue): KubeObject[] {
  const chart = newChart();
  const number = EGRESS_PORTS[value.protocol];
  const egress = new EgressGateway(chart, 'egress', {
    namespace: 'egress',
    ports: [{ name: 'http', port: 80 }, { name: 'tls', port: 443 }, { name: 'tcp-postgres', port: 5432 }],
  });
  const service = new ExternalService(chart, 'ext', {
    hosts: [value.host],
    ports: [{ number, protocol: value.protocol }],
    resolution: value.resolution,
    addresses: value.protocol === ExternalServiceProtocol.TCP && value.address !== undefined ? [value.address] : undefined,
  });
  new EgressRoute(chart, 'route', { egressGateway: egress, externalService: service });
  new RegistryOnly(chart, 'registry-only');
  return Testing.synth(chart) as KubeObject[];
}

describe('random valid props synthesize objects the rule set admits', () => {
  test('IngressGateway.expose with HTTP routes', () => {
    fc.assert(fc.property(ingressValue, (value) => {
      expect(errorsOf(synthIngress(value))).toEqual([]);
    }), RUNS);
  });

  test('EgressGateway, ExternalService, EgressRoute and RegistryOnly', () => {
    fc.assert(fc.property(egressValue, (value) => {
      expect(errorsOf(synthEgress(value))).toEqual([]);
    }), RUNS);
  });
});

describeWithCrds('random valid props synthesize objects their CRD schemas accept', () => {
  const validator = new CrdValidator();

  test('IngressGateway.expose with HTTP routes', () => {
    fc.assert(fc.property(ingressValue, (value) => {
      expect(schemaErrorsOf(validator, synthIngress(value))).toEqual([]);
    }), RUNS);
  });

  test('EgressGateway, ExternalService, EgressRoute and RegistryOnly', () => {
    fc.assert(fc.property(egressValue, (value) => {
      expect(schemaErrorsOf(validator, synthEgress(value))).toEqual([]);
    }), RUNS);
  });
});
