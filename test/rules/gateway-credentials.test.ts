import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/rules/analyze';
import { formatFinding, KubeObject } from '../../src/rules/finding';

const CERTIFICATES = path.join(__dirname, '..', 'fixtures', 'certificates');

function linesOf(objects: KubeObject[], code: string, options = {}): string[] {
  return analyze(objects, options).filter((f) => f.code === code).map(formatFinding);
}

describe('IST0161 InvalidGatewayCredential', () => {
  const gateway = (credentialName: string, selector = { istio: 'ingressgateway' }): KubeObject => ({
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: 'shop', namespace: 'edge' },
    spec: { selector, servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['shop.example.com'], tls: { mode: 'SIMPLE', credentialName } }] },
  });
  const secret = (name: string, namespace: string, certificate: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    type: 'kubernetes.io/tls',
    stringData: { 'tls.crt': fs.readFileSync(path.join(CERTIFICATES, certificate), 'utf8'), 'tls.key': fs.readFileSync(path.join(CERTIFICATES, 'tls.key'), 'utf8') },
  });

  test('judges the certificate at the time the now option gives', () => {
    const objects = [gateway('shop-cert'), secret('shop-cert', 'istio-system', 'expired.crt')];
    expect(linesOf(objects, 'IST0161', { now: new Date('2020-06-01T00:00:00Z') })).toEqual([]);
    expect(linesOf(objects, 'IST0161', { now: new Date('2021-06-01T00:00:00Z') })).toEqual([
      'Error [IST0161] (Gateway edge/shop) The credential referenced by the Gateway shop in namespace istio-system is invalid, which can cause the traffic not to work as expected. Secret istio-system/shop-cert: the certificate in its tls.crt expired at 2021-01-01T00:00:00.000Z.',
    ]);
  });

  test('reads the Secret in the gateway workload\'s namespace, or the namespace the credentialName names', () => {
    const expiredInEdge = secret('shop-cert', 'edge', 'expired.crt');
    expect(linesOf([gateway('shop-cert'), expiredInEdge, secret('shop-cert', 'istio-system', 'valid.crt')], 'IST0161')).toEqual([]);
    expect(linesOf([gateway('edge/shop-cert'), expiredInEdge], 'IST0161').map((l) => l.slice(0, 40))).toEqual(['Error [IST0161] (Gateway edge/shop) The ']);
  });

  test('is not reported when the Secret is missing (IST0101), a placeholder, or the selector matches no workload', () => {
    expect(linesOf([gateway('shop-cert')], 'IST0161')).toEqual([]);
    const placeholder: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'shop-cert', namespace: 'istio-system' }, type: 'kubernetes.io/tls' };
    expect(linesOf([gateway('shop-cert'), placeholder], 'IST0161')).toEqual([]);
    // cdk8s-plus writes an empty stringData for a Secret made without data.
    expect(linesOf([gateway('shop-cert'), { ...placeholder, stringData: {} }], 'IST0161')).toEqual([]);
    expect(linesOf([gateway('shop-cert'), { ...placeholder, data: {}, stringData: {} }], 'IST0161')).toEqual([]);
    expect(linesOf([gateway('shop-cert', { istio: 'nowhere' } as any), secret('shop-cert', 'istio-system', 'expired.crt')], 'IST0161')).toEqual([]);
  });

  test('is reported with assumeHostsAndSecretsExist, since the input holds the Secret', () => {
    const objects = [gateway('shop-cert'), secret('shop-cert', 'istio-system', 'expired.crt')];
    expect(linesOf(objects, 'IST0161', { assumeHostsAndSecretsExist: true })).toHaveLength(1);
  });
});
