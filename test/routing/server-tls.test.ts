import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Backend, IngressGateway, PathMatch, RouteDestination, ServerProtocol, ServerTls, TlsVersion } from '../../src';
import { serverTlsFindings } from '../../src/rules/analysis/server-tls-settings';
import { FindingLevel } from '../../src/rules/finding';
import { checkObject } from '../../src/rules/webhook';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../support/crds';
import { findObject } from '../support/objects';

const backend = Backend.fromHost('web.shop.svc.cluster.local', 8080);
const PORTS = [{ name: 'http', port: 80 }, { name: 'https', port: 443 }];

function setup(namespace = 'istio-system') {
  const chart = Testing.chart();
  const gateway = new IngressGateway(chart, 'edge', { namespace, ports: PORTS });
  return { chart, gateway };
}

function gatewayServers(chart: any, name = 'web'): any[] {
  return findObject(Testing.synth(chart), 'Gateway', name).spec.servers;
}

describe('ServerTls on an exposure', () => {
  test('simple: terminates TLS with the secret, TLS 1.2 at least, and redirects HTTP on the http port', () => {
    const { chart, gateway } = setup();
    const web = gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls: ServerTls.simple({ credentialName: 'shop-cert' }), backend });
    expect(web.protocol).toBe(ServerProtocol.HTTPS);
    expect(web.httpsRedirectPort).toBe(80);
    expect(gatewayServers(chart)).toStrictEqual([
      {
        hosts: ['shop.example.com'],
        port: { number: 443, name: 'https', protocol: 'HTTPS' },
        tls: { mode: 'SIMPLE', credentialName: 'shop-cert', minProtocolVersion: 'TLSV1_2' },
      },
      { hosts: ['shop.example.com'], port: { number: 80, name: 'http', protocol: 'HTTP' }, tls: { httpsRedirect: true } },
    ]);
  });

  test('mutual: versions, cipher suites and subject alternative names are emitted', () => {
    const { chart, gateway } = setup();
    gateway.expose('web', {
      hosts: ['shop.example.com'], port: 443, backend,
      tls: ServerTls.mutual({
        credentialName: 'shop-mtls',
        minProtocolVersion: TlsVersion.TLSV1_3,
        maxProtocolVersion: TlsVersion.TLSV1_3,
        cipherSuites: ['ECDHE-ECDSA-AES256-GCM-SHA384'],
        subjectAltNames: ['spiffe://partner.example.com/client'],
      }),
    });
    expect(gatewayServers(chart)[0].tls).toStrictEqual({
      mode: 'MUTUAL',
      credentialName: 'shop-mtls',
      minProtocolVersion: 'TLSV1_3',
      maxProtocolVersion: 'TLSV1_3',
      cipherSuites: ['ECDHE-ECDSA-AES256-GCM-SHA384'],
      subjectAltNames: ['spiffe://partner.example.com/client'],
    });
  });

  test('optionalMutual: the mode, the credential and subject alternative names are emitted, and requests are routed over HTTP', () => {
    const { chart, gateway } = setup();
    const web = gateway.expose('web', {
      hosts: ['shop.example.com'], port: 443, backend,
      tls: ServerTls.optionalMutual({ credentialName: 'shop-mtls', subjectAltNames: ['spiffe://partner.example.com/client'] }),
    });
    web.addHttpRoute({ matches: [{ path: PathMatch.prefix('/partner/') }], destinations: [RouteDestination.to(backend)] });
    expect(gatewayServers(chart)[0].tls).toStrictEqual({
      mode: 'OPTIONAL_MUTUAL',
      credentialName: 'shop-mtls',
      minProtocolVersion: 'TLSV1_2',
      subjectAltNames: ['spiffe://partner.example.com/client'],
    });
  });

  test('istioMutual needs no credential', () => {
    const { chart, gateway } = setup();
    gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls: ServerTls.istioMutual(), backend, httpsRedirect: false });
    expect(gatewayServers(chart)).toStrictEqual([{
      hosts: ['shop.example.com'],
      port: { number: 443, name: 'https', protocol: 'HTTPS' },
      tls: { mode: 'ISTIO_MUTUAL', minProtocolVersion: 'TLSV1_2' },
    }]);
  });

  test('passthrough: the server only passes TLS through and the VirtualService routes by SNI', () => {
    const { chart, gateway } = setup();
    gateway.expose('web', { hosts: ['db.example.com'], port: 443, protocol: ServerProtocol.TLS, tls: ServerTls.passthrough(), backend });
    const objects = Testing.synth(chart);
    expect(findObject(objects, 'Gateway', 'web').spec.servers).toStrictEqual([{
      hosts: ['db.example.com'], port: { number: 443, name: 'https', protocol: 'TLS' }, tls: { mode: 'PASSTHROUGH' },
    }]);
    const vs = findObject(objects, 'VirtualService', 'web');
    expect(vs.spec.http).toBeUndefined();
    expect(vs.spec.tls).toStrictEqual([{
      match: [{ port: 443, sniHosts: ['db.example.com'] }],
      route: [{ destination: { host: 'web.shop.svc.cluster.local', port: { number: 8080 } } }],
    }]);
  });

  test('a cdk8s-plus secret in the gateway workload namespace names the credential', () => {
    const { chart, gateway } = setup();
    const secret = new kplus.Secret(chart, 'cert', { metadata: { name: 'shop-cert', namespace: 'istio-system' } });
    gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls: ServerTls.simple({ secret }), backend, namespace: 'shop' });
    expect(gatewayServers(chart)[0].tls.credentialName).toBe('shop-cert');
  });

  test('a secret in the Gateway namespace rather than the workload namespace is an error', () => {
    const { chart, gateway } = setup();
    const secret = new kplus.Secret(chart, 'cert', { metadata: { name: 'shop-cert', namespace: 'shop' } });
    expect(() => gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls: ServerTls.simple({ secret }), backend, namespace: 'shop' }))
      .toThrow('test/edge/web: invalid tls.secret "shop/shop-cert": the gateway reads its credential from the namespace of gateway workload test/edge (istio-system), not from the Gateway\'s: create the secret in istio-system');
  });

  test('a credentialName that differs from the secret given is an error', () => {
    const { chart, gateway } = setup();
    const secret = new kplus.Secret(chart, 'cert', { metadata: { name: 'shop-cert', namespace: 'istio-system' } });
    expect(() => gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls: ServerTls.simple({ secret, credentialName: 'other' }), backend }))
      .toThrow('test/edge/web: invalid tls.credentialName "other": the secret given is named shop-cert: give one of the two');
  });

  test.each([
    ['simple', () => ServerTls.simple({})],
    ['mutual', () => ServerTls.mutual({})],
    ['optionalMutual', () => ServerTls.optionalMutual({})],
  ])('%s without a credential is an error', (_name, tls) => {
    const { gateway } = setup();
    expect(() => gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls: tls(), backend }))
      .toThrow(/^test\/edge\/web: invalid tls.credentialName \(not set\): tls mode (SIMPLE|MUTUAL|OPTIONAL_MUTUAL) needs the secret that holds the certificate: give credentialName or secret$/);
  });

  test('a credentialName that no Secret can have is an error (CIG0203)', () => {
    const { gateway } = setup();
    expect(() => gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls: ServerTls.simple({ credentialName: 'Shop_Cert' }), backend }))
      .toThrow('test/edge/web: invalid tls.credentialName "Shop_Cert": no Secret can be named "Shop_Cert", so the gateway never gets its certificate');
  });

  test('the credentialName forms Istio reads are emitted as given: kubernetes://, a namespace, other schemes', () => {
    const { chart, gateway } = setup();
    const names = ['kubernetes://shop-cert', 'kubernetes://istio-system/shop-cert', 'istio-system/shop-cert', 'builtin://'];
    names.forEach((credentialName, i) => gateway.expose(`web-${i}`, { hosts: [`shop-${i}.example.com`], port: 443, tls: ServerTls.simple({ credentialName }), backend }));
    expect(names.map((_name, i) => gatewayServers(chart, `web-${i}`)[0].tls.credentialName)).toStrictEqual(names);
  });

  test('a maximum version older than the minimum is an error (CIG0201): no version is left to negotiate', () => {
    const { gateway } = setup();
    expect(() => gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls: ServerTls.simple({ credentialName: 'c', maxProtocolVersion: TlsVersion.TLSV1_1 }), backend }))
      .toThrow('test/edge/web: invalid tls.maxProtocolVersion "TLSV1_1": TLSV1_1 is older than minProtocolVersion TLSV1_2: no TLS version is left to negotiate');
    const tls = { mode: 'SIMPLE', credentialName: 'c', minProtocolVersion: 'TLSV1_3', maxProtocolVersion: 'TLSV1_2' };
    const l1 = { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'web' }, spec: { servers: [{ hosts: ['a.example.com'], port: { number: 443, name: 'https', protocol: 'HTTPS' }, tls }] } };
    expect(serverTlsFindings(l1).map((f) => [f.code, f.level, f.message.split(':')[0]])).toStrictEqual([['CIG0201', 'Error', 'spec.servers[0].tls.maxProtocolVersion']]);
  });

  // Reproductions of issue 11: the construct refused what the Gateway rule admits with a warning.
  function warningsOf(chart: any, name: string): string[] {
    return checkObject(findObject(Testing.synth(chart), 'Gateway', name)).filter((f) => f.level === FindingLevel.WARNING).map((f) => f.message);
  }

  test('an unknown cipher suite is emitted, and the Gateway rule warns that Envoy ignores it', () => {
    const { chart, gateway } = setup();
    gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls: ServerTls.simple({ credentialName: 'c', cipherSuites: ['AES 128', 'AES128-SHA'] }), backend });
    expect(gatewayServers(chart)[0].tls.cipherSuites).toStrictEqual(['AES 128', 'AES128-SHA']);
    expect(warningsOf(chart, 'web')).toStrictEqual(['spec.servers[0].tls.cipherSuites: ignoring invalid cipher suites: AES 128']);
  });

  test('duplicate cipher suites are emitted, and the Gateway rule warns that Envoy ignores the repeats', () => {
    const { chart, gateway } = setup();
    gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls: ServerTls.simple({ credentialName: 'c', cipherSuites: ['AES128-SHA', 'AES128-SHA'] }), backend });
    expect(warningsOf(chart, 'web')).toStrictEqual(['spec.servers[0].tls.cipherSuites: ignoring duplicate cipher suites: AES128-SHA']);
  });

  test('an empty cipher suite list means Envoy\'s defaults, as for Istio', () => {
    const { chart, gateway } = setup();
    gateway.expose('web', { hosts: ['shop.example.com'], port: 443, tls: ServerTls.simple({ credentialName: 'c', cipherSuites: [] }), backend });
    expect(warningsOf(chart, 'web')).toStrictEqual([]);
  });

  test('TLS 1.0 or 1.1 without cipher suites is emitted with the Gateway rule\'s warning; with them there is none', () => {
    const { chart, gateway } = setup();
    gateway.expose('a', { hosts: ['a.example.com'], port: 443, tls: ServerTls.simple({ credentialName: 'c', minProtocolVersion: TlsVersion.TLSV1_1 }), backend });
    expect(warningsOf(chart, 'a')).toStrictEqual(['spec.servers[0].tls: minProtocolVersion TLSV1_1 needs cipherSuites that support it: the defaults no longer do']);
    gateway.expose('b', { hosts: ['b.example.com'], port: 443, tls: ServerTls.simple({ credentialName: 'c', minProtocolVersion: TlsVersion.TLSV1_0, cipherSuites: ['AES128-SHA'] }), backend });
    expect(gatewayServers(chart, 'b')[0].tls).toStrictEqual({ mode: 'SIMPLE', credentialName: 'c', minProtocolVersion: 'TLSV1_0', cipherSuites: ['AES128-SHA'] });
    expect(warningsOf(chart, 'b')).toStrictEqual([]);
  });
});

describeWithCrds('ServerTls against the CRD schemas', () => {
  const validator = new CrdValidator();
  test('every mode synthesizes valid Gateways', () => {
    const { chart, gateway } = setup();
    gateway.expose('simple', { hosts: ['a.example.com'], port: 443, tls: ServerTls.simple({ credentialName: 'a', cipherSuites: ['ECDHE-RSA-AES128-GCM-SHA256'] }), backend });
    gateway.expose('mutual', { hosts: ['b.example.com'], port: 443, tls: ServerTls.mutual({ credentialName: 'b' }), backend });
    gateway.expose('istio', { hosts: ['c.example.com'], port: 443, tls: ServerTls.istioMutual(), backend, httpsRedirect: false });
    gateway.expose('optional', { hosts: ['e.example.com'], port: 443, tls: ServerTls.optionalMutual({ credentialName: 'e' }), backend });
    gateway.expose('pass', { hosts: ['d.example.com'], port: 443, protocol: ServerProtocol.TLS, tls: ServerTls.passthrough(), backend });
    expectValidAgainstCrds(validator, Testing.synth(chart));
  });
});
