import { Chart } from 'cdk8s';
import * as fc from 'fast-check';
import {
  EgressGateway, EgressMode, ExternalService, ExternalServiceLocation, ExternalServiceProtocol, ExternalServiceResolution, RegistryOnly, ServerVerification,
} from '../../src';
import { badHost, badPort, distinctLabels, dnsLabel, hostUnder, labels, portNumber } from '../support/arbitraries';
import { CrdValidator, describeWithCrds } from '../support/crds';
import { expectRefused, expectSoundApp, propertyParameters, silenceSynthWarnings } from '../support/properties';

const ipv4 = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 }))
  .map((parts) => parts.join('.'));

const ports = fc.uniqueArray(fc.tuple(portNumber, fc.constantFrom(...Object.values(ExternalServiceProtocol))), { minLength: 1, maxLength: 4, selector: ([n]) => n })
  .map((list) => list.map(([number, protocol]) => ({ number, protocol, name: `${protocol.toLowerCase()}-${number}` })));

interface ServiceModel {
  readonly hosts: string[];
  readonly ports: Array<{ number: number; protocol: ExternalServiceProtocol; name: string }>;
  readonly resolution?: ExternalServiceResolution;
  readonly location?: ExternalServiceLocation;
  readonly addresses?: string[];
  readonly endpoints?: Array<{ address: string; labels?: { [key: string]: string }; weight?: number }>;
  readonly exportTo?: string[];
  readonly namespace?: string;
  readonly registryOnly: boolean;
}

/** Endpoints and addresses as each resolution allows them. */
function forResolution(resolution: ExternalServiceResolution | undefined) {
  const endpoint = (address: fc.Arbitrary<string>) => fc.record({
    address,
    labels: fc.option(labels, { nil: undefined }),
    weight: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  });
  const ips = fc.option(fc.uniqueArray(ipv4, { minLength: 1, maxLength: 2 }), { nil: undefined });
  switch (resolution) {
    case ExternalServiceResolution.STATIC:
      return fc.record({ endpoints: fc.array(endpoint(ipv4), { minLength: 1, maxLength: 3 }), addresses: ips, wildcards: fc.constant(true) });
    case ExternalServiceResolution.NONE:
      return fc.record({ endpoints: fc.constant(undefined), addresses: fc.option(ipv4.map((ip) => [`${ip}/32`]), { nil: undefined }), wildcards: fc.constant(true) });
    case ExternalServiceResolution.DNS_ROUND_ROBIN:
      return fc.record({ endpoints: fc.option(fc.array(endpoint(hostUnder('endpoint')), { minLength: 1, maxLength: 1 }), { nil: undefined }), addresses: ips, wildcards: fc.constant(false) });
    default:
      return fc.record({ endpoints: fc.option(fc.array(endpoint(fc.oneof(ipv4, hostUnder('endpoint'))), { minLength: 1, maxLength: 3 }), { nil: undefined }), addresses: ips, wildcards: fc.constant(false) });
  }
}

const serviceModel: fc.Arbitrary<ServiceModel> = fc.record({
  // DYNAMIC_DNS (wildcard hosts only, HTTP-family ports, from Istio 1.28) has unit tests of its own.
  resolution: fc.option(fc.constantFrom(...Object.values(ExternalServiceResolution).filter((r) => r !== ExternalServiceResolution.DYNAMIC_DNS)), { nil: undefined }),
  parents: distinctLabels(2),
  ports,
  location: fc.option(fc.constantFrom(...Object.values(ExternalServiceLocation)), { nil: undefined }),
  exportTo: fc.option(fc.oneof(fc.constantFrom('*', '.').map((e) => [e]), fc.uniqueArray(dnsLabel, { minLength: 1, maxLength: 2 })), { nil: undefined }),
  namespace: fc.option(dnsLabel, { nil: undefined }),
  registryOnly: fc.boolean(),
}).chain(({ resolution, parents, ...rest }) => forResolution(resolution).chain(({ endpoints, addresses, wildcards }) => fc.tuple(
  // Several hosts share a TCP port only with resolution NONE: nothing else tells them apart.
  ...parents.slice(0, resolution !== ExternalServiceResolution.NONE && rest.ports.some((p) => p.protocol === ExternalServiceProtocol.TCP) ? 1 : 2).map((parent) => hostUnder(parent).chain((host) => fc.boolean().map((w) => (w && wildcards ? `*.${host}` : host)))),
).map((hosts) => ({ ...rest, resolution, hosts, endpoints, addresses }))));

function buildService(chart: Chart, model: ServiceModel): void {
  new ExternalService(chart, 'external', {
    hosts: model.hosts,
    ports: model.ports,
    resolution: model.resolution,
    location: model.location,
    addresses: model.addresses,
    endpoints: model.endpoints,
    exportTo: model.exportTo,
    namespace: model.namespace,
  });
  if (model.registryOnly) {
    new RegistryOnly(chart, 'registry-only', { namespace: model.namespace });
  }
}

/** An external service of one host with one route per port through a dedicated egress gateway. */
interface EgressModel {
  readonly host: string;
  readonly ports: Array<{ number: number; protocol: ExternalServiceProtocol; name: string }>;
  readonly originate: boolean;
  readonly verification: ServerVerification;
  readonly gatewayNamespace?: string;
  readonly address: string;
}

const egressModel: fc.Arbitrary<EgressModel> = fc.record({
  host: hostUnder('egress').map((h) => h.toLowerCase()),
  ports,
  originate: fc.boolean(),
  verification: fc.constantFrom(ServerVerification.systemCaBundle(), ServerVerification.caCertificates('/etc/certs/ca.pem'), ServerVerification.credentialName('api-ca')),
  gatewayNamespace: fc.option(dnsLabel, { nil: undefined }),
  address: ipv4,
});

const HTTP_PROTOCOLS = [ExternalServiceProtocol.HTTP, ExternalServiceProtocol.HTTP2, ExternalServiceProtocol.GRPC];
const TLS_PROTOCOLS = [ExternalServiceProtocol.HTTPS, ExternalServiceProtocol.TLS];

function buildEgress(chart: Chart, model: EgressModel): void {
  const egress = new EgressGateway(chart, 'egress', { namespace: model.gatewayNamespace, ports: model.ports.map((p) => ({ name: p.name, port: p.number })) });
  const service = new ExternalService(chart, 'api', { hosts: [model.host], ports: model.ports, addresses: [model.address] });
  const tlsPort = model.ports.find((p) => TLS_PROTOCOLS.includes(p.protocol));
  const originating = model.originate && tlsPort !== undefined && model.ports.some((p) => HTTP_PROTOCOLS.includes(p.protocol));
  model.ports.forEach((p, i) => {
    if (originating && p === tlsPort) {
      // the port TLS is originated to is not also passed through: the DestinationRule would wrap that TLS again
      return;
    }
    const originate = originating && HTTP_PROTOCOLS.includes(p.protocol);
    egress.route(`route-${i}`, {
      externalService: service,
      port: p.number,
      mode: originate ? EgressMode.originateTls({ port: tlsPort.number, verification: model.verification }) : undefined,
      // the routes of one host share its VirtualService and DestinationRule, under one name
      virtualServiceName: 'api',
      destinationRuleName: 'api',
    });
  });
}

describeWithCrds('property: external services, registry-only and egress routes', () => {
  const validator = new CrdValidator();
  silenceSynthWarnings();

  test('valid external service props synthesize objects the rule set and the CRDs accept, deterministically, with DNS-1123 names', () => {
    fc.assert(fc.property(serviceModel, (model) => {
      expectSoundApp(validator, (chart) => buildService(chart, model), {});
    }), propertyParameters(80));
  });

  test('an external service routed through an egress gateway in each mode synthesizes objects the rule set and the CRDs accept', () => {
    fc.assert(fc.property(egressModel, (model) => {
      expectSoundApp(validator, (chart) => buildEgress(chart, model), { assumeHostsAndSecretsExist: true });
    }), propertyParameters(60));
  });
});

describe('property: bad external service props', () => {
  silenceSynthWarnings();
  const http = [{ number: 80, protocol: ExternalServiceProtocol.HTTP }];
  const bad = fc.oneof(
    badHost.map((host) => ({ build: (chart: Chart) => { new ExternalService(chart, 'external', { hosts: [host], ports: http }); }, field: 'hosts[0]', value: host })),
    badPort.map((number) => ({ build: (chart: Chart) => { new ExternalService(chart, 'external', { hosts: ['api.example.com'], ports: [{ number, protocol: ExternalServiceProtocol.TCP }] }); }, field: 'ports[0].number', value: number })),
    fc.constantFrom('10.0.0', '10.0.0.1/33', 'example.com', '::1/129', '300.1.1.1').map((address) => ({
      build: (chart: Chart) => { new ExternalService(chart, 'external', { hosts: ['api.example.com'], ports: http, addresses: [address] }); },
      field: 'addresses[0]',
      value: address,
    })),
  );

  test('fail with an error that names the external service, the field and the value, or one the rule set raises; never synthesize', () => {
    fc.assert(fc.property(bad, (b) => {
      expectRefused(b.build, 'app/external', b.field, b.value);
    }), propertyParameters(60));
  });
});
