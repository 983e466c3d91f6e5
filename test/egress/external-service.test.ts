import { Chart, Testing } from 'cdk8s';
import { ExternalService, ExternalServiceLocation, ExternalServiceProtocol, ExternalServiceResolution, IstioAnalysis, IstioApiVersion, IstioRelease } from '../../src';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject } from '../support/objects';
import { findServicePort } from '../../src/egress/private/service-ports';

const http80 = { number: 80, name: 'http', protocol: ExternalServiceProtocol.HTTP };

describe('ExternalService', () => {
  test('defaults: DNS resolution, outside the mesh, named after the construct id', () => {
    const chart = Testing.chart();
    const service = new ExternalService(chart, 'httpbin', { hosts: ['httpbin.org'], ports: [http80] });
    const entry = findObject(Testing.synth(chart), 'ServiceEntry', 'httpbin');
    expect(entry.spec).toStrictEqual({ hosts: ['httpbin.org'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'DNS', location: 'MESH_EXTERNAL' });
    expect(service.node.defaultChild).toBe(service.resource);
    expect(service.resolution).toBe(ExternalServiceResolution.DNS);
  });

  test('a port without a name is named after its protocol', () => {
    const chart = Testing.chart();
    const service = new ExternalService(chart, 'api', { hosts: ['api.example.com'], ports: [{ number: 443, protocol: ExternalServiceProtocol.TLS }] });
    expect(service.ports).toStrictEqual([{ number: 443, name: 'tls', protocol: ExternalServiceProtocol.TLS, targetPort: undefined }]);
    expect(findObject(Testing.synth(chart), 'ServiceEntry', 'api').spec.ports).toStrictEqual([{ number: 443, name: 'tls', protocol: 'TLS' }]);
  });

  test('every option maps to the ServiceEntry', () => {
    const chart = Testing.chart();
    new ExternalService(chart, 'db', {
      name: 'legacy-db',
      namespace: 'data',
      hosts: ['db.legacy.example.com'],
      ports: [{ number: 5432, name: 'tcp-postgres', protocol: ExternalServiceProtocol.TCP, targetPort: 15432 }],
      resolution: ExternalServiceResolution.STATIC,
      location: ExternalServiceLocation.MESH_INTERNAL,
      addresses: ['10.20.0.0/16'],
      endpoints: [
        { address: '10.20.0.5', ports: { 'tcp-postgres': 6432 }, labels: { zone: 'a' }, weight: 3 },
        { address: '10.20.0.6' },
      ],
      exportTo: ['.', 'apps'],
    });
    const entry = findObject(Testing.synth(chart), 'ServiceEntry', 'legacy-db');
    expect(entry.metadata.namespace).toBe('data');
    expect(entry.spec).toStrictEqual({
      hosts: ['db.legacy.example.com'],
      addresses: ['10.20.0.0/16'],
      ports: [{ number: 5432, name: 'tcp-postgres', protocol: 'TCP', targetPort: 15432 }],
      resolution: 'STATIC',
      location: 'MESH_INTERNAL',
      endpoints: [
        { address: '10.20.0.5', ports: { 'tcp-postgres': 6432 }, labels: { zone: 'a' }, weight: 3 },
        { address: '10.20.0.6' },
      ],
      exportTo: ['.', 'apps'],
    });
  });

  test('a wildcard host with NONE resolution; DNS resolution of a wildcard host through endpoints', () => {
    const chart = Testing.chart();
    new ExternalService(chart, 'wiki', { hosts: ['*.wikipedia.org'], ports: [{ number: 443, protocol: ExternalServiceProtocol.TLS }], resolution: ExternalServiceResolution.NONE });
    new ExternalService(chart, 'proxied', { hosts: ['*.corp.example.com'], ports: [http80], endpoints: [{ address: 'proxy.corp.example.com' }] });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'ServiceEntry', 'wiki').spec.resolution).toBe('NONE');
    expect(findObject(objects, 'ServiceEntry', 'proxied').spec.endpoints).toStrictEqual([{ address: 'proxy.corp.example.com' }]);
  });

  test('the API version in force is used', () => {
    const chart = Testing.chart();
    IstioApiVersion.use(chart, IstioApiVersion.V1);
    new ExternalService(chart, 'httpbin', { hosts: ['httpbin.org'], ports: [http80] });
    expect(findObject(Testing.synth(chart), 'ServiceEntry', 'httpbin').apiVersion).toBe('networking.istio.io/v1');
  });

  test('isExportedTo follows exportTo: all namespaces by default, "." for its own', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'apps' });
    const everywhere = new ExternalService(chart, 'a', { hosts: ['a.example.com'], ports: [http80] });
    const star = new ExternalService(chart, 'b', { hosts: ['b.example.com'], ports: [http80], exportTo: ['*'] });
    const own = new ExternalService(chart, 'c', { hosts: ['c.example.com'], ports: [http80], exportTo: ['.', 'egress'] });
    expect([everywhere.isExportedTo('x'), star.isExportedTo('x')]).toEqual([true, true]);
    expect([own.isExportedTo('apps'), own.isExportedTo('egress'), own.isExportedTo('x'), own.isExportedTo(undefined)]).toEqual([true, true, false, true]);
  });

  test('a declared port is found', () => {
    const chart = Testing.chart();
    const service = new ExternalService(chart, 'httpbin', { hosts: ['httpbin.org'], ports: [http80] });
    expect(findServicePort(service, chart, 'port', 80)).toStrictEqual({ number: 80, name: 'http', protocol: ExternalServiceProtocol.HTTP, targetPort: undefined });
  });
});

describeWithCrds('ExternalService against the CRD schemas', () => {
  const validator = new CrdValidator();
  test.each([IstioApiVersion.V1ALPHA3, IstioApiVersion.V1BETA1, IstioApiVersion.V1].map((v): [string, IstioApiVersion] => [v.version, v]))('every option, %s', (_name, version) => {
    const chart = Testing.chart();
    IstioApiVersion.use(chart, version);
    new ExternalService(chart, 'db', {
      hosts: ['db.legacy.example.com'],
      ports: [{ number: 5432, name: 'tcp-postgres', protocol: ExternalServiceProtocol.TCP, targetPort: 15432 }],
      resolution: ExternalServiceResolution.STATIC,
      location: ExternalServiceLocation.MESH_INTERNAL,
      addresses: ['10.20.0.0/16'],
      endpoints: [{ address: '10.20.0.5', ports: { 'tcp-postgres': 6432 }, labels: { zone: 'a' }, weight: 3 }],
      exportTo: ['.', 'apps'],
    });
    expectValidAgainstCrds(validator, Testing.synth(chart));
  });
});

describe('ExternalService errors', () => {
  test('several hosts on a TCP port are an error unless resolution is NONE: Istio cannot tell them apart', () => {
    const chart = Testing.chart();
    const ports = [http80, { number: 5432, name: 'tcp', protocol: ExternalServiceProtocol.TCP }];
    expect(() => new ExternalService(chart, 'db', { hosts: ['a.example.com', 'b.example.com'], ports }))
      .toThrow('test/db: invalid hosts ["a.example.com","b.example.com"]: several hosts cannot share the non-HTTP, non-TLS port 5432: nothing tells the hosts apart (use resolution NONE, or one service entry per host)');
    new ExternalService(chart, 'any', { hosts: ['a.example.com', 'b.example.com'], ports, resolution: ExternalServiceResolution.NONE });
  });

  test('a wildcard host defaults to resolution NONE, which Istio documents for wildcard hosts', () => {
    const chart = Testing.chart();
    const service = new ExternalService(chart, 'google', { hosts: ['*.googleapis.com'], ports: [{ number: 443, name: 'tls', protocol: ExternalServiceProtocol.TLS }] });
    expect(service.resolution).toBe(ExternalServiceResolution.NONE);
    expect(findObject(Testing.synth(chart), 'ServiceEntry', 'google').spec.resolution).toBe('NONE');
    expect(create({}).resolution).toBe(ExternalServiceResolution.DNS);
  });

  test('DYNAMIC_DNS for a wildcard host where the target release has it, refused before Istio 1.28', () => {
    const dynamic = (release?: IstioRelease) => {
      const chart = Testing.chart();
      if (release) {
        IstioAnalysis.enable(chart, { istioRelease: release });
      }
      new ExternalService(chart, 'google', { hosts: ['*.googleapis.com'], ports: [http80], resolution: ExternalServiceResolution.DYNAMIC_DNS });
      return findObject(Testing.synth(chart), 'ServiceEntry', 'google');
    };
    expect(dynamic().spec.resolution).toBe('DYNAMIC_DNS');
    expect(dynamic(IstioRelease.of(1, 28)).spec.resolution).toBe('DYNAMIC_DNS');
    expect(() => dynamic(IstioRelease.of(1, 27))).toThrow(/test\/google: .*DYNAMIC_DNS/);
  });

  function create(props: any): ExternalService {
    return new ExternalService(Testing.chart(), 'ext', { hosts: ['api.example.com'], ports: [http80], ...props });
  }

  test('no hosts', () => {
    expect(() => create({ hosts: [] })).toThrow('test/ext: invalid hosts []: a service entry must have at least one host');
  });

  test('a host that is not a DNS name', () => {
    expect(() => create({ hosts: ['api_example.com'] })).toThrow('test/ext: invalid hosts[0] "api_example.com": domain name "api_example.com" is invalid: label "api_example" is not a DNS-1123 label or a wildcard');
  });

  // Reproduction of issue 11: the construct's own host check admitted an all-digit top-level domain.
  test('a host whose top-level domain is all digits', () => {
    expect(() => create({ hosts: ['foo.123'] })).toThrow('test/ext: invalid hosts[0] "foo.123": domain name "foo.123" is invalid: the top level domain "123" cannot be all digits');
  });

  test('the host "*"', () => {
    expect(() => create({ hosts: ['*'], resolution: ExternalServiceResolution.NONE }))
      .toThrow('test/ext: invalid hosts[0] "*": the host cannot be "*": name the external hosts, or use a wildcard such as "*.example.com"');
  });

  test('a wildcard host with DNS resolution', () => {
    expect(() => create({ hosts: ['api.example.com', '*.example.com'], resolution: ExternalServiceResolution.DNS }))
      .toThrow('test/ext: invalid hosts[1] "*.example.com": with resolution DNS and no endpoints, hosts must be fully qualified names without wildcards: "*.example.com" cannot be resolved');
  });

  test('a wildcard host with DNS_ROUND_ROBIN resolution', () => {
    expect(() => create({ hosts: ['*.example.com'], resolution: ExternalServiceResolution.DNS_ROUND_ROBIN }))
      .toThrow('test/ext: invalid hosts[0] "*.example.com": with resolution DNS_ROUND_ROBIN and no endpoints, hosts must be fully qualified names without wildcards');
  });

  test('STATIC resolution without endpoints is admitted, as Istio admits it', () => {
    expect(() => create({ resolution: ExternalServiceResolution.STATIC })).not.toThrow();
  });

  test('STATIC resolution with an endpoint that is not an IP address', () => {
    expect(() => create({ resolution: ExternalServiceResolution.STATIC, endpoints: [{ address: 'db.example.com' }] }))
      .toThrow('test/ext: invalid endpoints[0].address "db.example.com": endpoint address "db.example.com" is not an IP address, as resolution STATIC requires (use DNS for host names)');
  });

  test('NONE resolution with endpoints', () => {
    expect(() => create({ resolution: ExternalServiceResolution.NONE, endpoints: [{ address: '10.0.0.1' }] }))
      .toThrow('test/ext: invalid endpoints [{"address":"10.0.0.1"}]: resolution NONE cannot have endpoints: use STATIC or DNS');
  });

  test('DNS_ROUND_ROBIN resolution with several endpoints', () => {
    expect(() => create({ resolution: ExternalServiceResolution.DNS_ROUND_ROBIN, endpoints: [{ address: 'a.example.com' }, { address: 'b.example.com' }] }))
      .toThrow('test/ext: invalid endpoints [{"address":"a.example.com"},{"address":"b.example.com"}]: resolution DNS_ROUND_ROBIN takes at most one endpoint');
  });

  test('a DNS endpoint that is neither an IP address nor a DNS name', () => {
    expect(() => create({ endpoints: [{ address: 'not a host' }] })).toThrow('test/ext: invalid endpoints[0].address "not a host": endpoint address "not a host" is neither a host name nor an IP address');
  });

  test('an endpoint port keyed by a name the service does not declare', () => {
    expect(() => create({ endpoints: [{ address: '10.0.0.1', ports: { https: 8443 } }] }))
      .toThrow('test/ext: invalid endpoints[0].ports.https 8443: endpoint port "https" is not a port of the service entry');
  });

  test('an endpoint port outside 1-65535', () => {
    expect(() => create({ endpoints: [{ address: '10.0.0.1', ports: { http: 0 } }] }))
      .toThrow('test/ext: invalid endpoints[0].ports.http 0: port number 0 must be in the range 1..65535');
  });

  test('a negative endpoint weight', () => {
    expect(() => create({ endpoints: [{ address: '10.0.0.1', weight: -1 }] })).toThrow('test/ext: invalid endpoints[0].weight -1: expected a whole number of at least 0');
  });

  test('no ports is admitted, as Istio admits it', () => {
    expect(create({ ports: [] }).ports).toStrictEqual([]);
  });

  test('a port number outside 1-65535', () => {
    expect(() => create({ ports: [{ number: 0, protocol: ExternalServiceProtocol.HTTP }] })).toThrow('test/ext: invalid ports[0].number 0: port number 0 must be in the range 1..65535');
  });

  test('a target port outside 1-65535', () => {
    expect(() => create({ ports: [{ ...http80, targetPort: 70000 }] })).toThrow('test/ext: invalid ports[0].targetPort 70000: port number 70000 must be in the range 1..65535');
  });

  test('duplicate port numbers', () => {
    expect(() => create({ ports: [http80, { number: 80, name: 'http-alt', protocol: ExternalServiceProtocol.HTTP }] }))
      .toThrow('test/ext: invalid ports[1].number 80: port 80 is already defined');
  });

  test('duplicate port names, also when they default to the protocol', () => {
    expect(() => create({ ports: [{ number: 80, protocol: ExternalServiceProtocol.HTTP }, { number: 8080, protocol: ExternalServiceProtocol.HTTP }] }))
      .toThrow('test/ext: invalid ports[1].name "http": port name "http" is already defined');
  });

  test('a port name that is not a DNS-1123 label', () => {
    expect(() => create({ ports: [{ ...http80, name: 'HTTP_80' }] })).toThrow('test/ext: invalid ports[0].name "HTTP_80": invalid port name "HTTP_80": expected a DNS-1123 label');
  });

  test.each([
    ['10.0.0', 'IP address'], ['example.com', 'IP address'], ['10.0.0.0/33', 'CIDR block'], ['10.0.0.0/8/8', 'CIDR block'], ['::1/129', 'CIDR block'],
  ])('an address that is not an IP address or CIDR range: %s', (address, form) => {
    expect(() => create({ addresses: [address] }))
      .toThrow(`test/ext: invalid addresses[0] ${JSON.stringify(address)}: ${JSON.stringify(address)} is not a valid ${form}`);
  });

  test('a CIDR range with DNS resolution', () => {
    expect(() => create({ addresses: ['10.0.0.0/16'] })).toThrow('test/ext: invalid addresses ["10.0.0.0/16"]: CIDR addresses are only allowed with resolution NONE or STATIC, not DNS');
  });

  test('an exportTo entry that is not a namespace', () => {
    expect(() => create({ exportTo: ['apps_ns'] })).toThrow('test/ext: invalid exportTo[0] "apps_ns": invalid exportTo entry "apps_ns": expected ".", "*" or a namespace name');
  });

  test('"*" with other exportTo entries', () => {
    expect(() => create({ exportTo: ['*', 'apps'] })).toThrow('test/ext: invalid exportTo ["*","apps"]: cannot combine "*" (every namespace) with other exportTo entries');
  });

  test('a name or namespace that Kubernetes rejects', () => {
    expect(() => create({ name: 'Ext' })).toThrow('test/ext: invalid name "Ext": expected a DNS-1123 name');
    expect(() => create({ namespace: 'a.b' })).toThrow('test/ext: invalid namespace "a.b": expected a DNS-1123 label');
  });

  test('a port the service does not declare', () => {
    const chart = Testing.chart();
    const service = new ExternalService(chart, 'ext', { hosts: ['api.example.com'], ports: [http80, { number: 443, name: 'https', protocol: ExternalServiceProtocol.HTTPS }] });
    expect(() => findServicePort(service, chart, 'port', 8080)).toThrow('test: invalid port 8080: external service test/ext declares 80 (http, HTTP), 443 (https, HTTPS)');
  });
});
