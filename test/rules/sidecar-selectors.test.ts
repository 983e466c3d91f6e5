import { analyze } from '../../src/rules/analyze';
import { formatFinding, KubeObject } from '../../src/rules/finding';

function linesOf(objects: KubeObject[], code: string, options = {}): string[] {
  return analyze(objects, options).filter((f) => f.code === code).map(formatFinding);
}

describe('IST0110 and IST0111 Sidecars', () => {
  const sidecar = (name: string, namespace: string, labels?: { [key: string]: string }): KubeObject => ({
    apiVersion: 'networking.istio.io/v1',
    kind: 'Sidecar',
    metadata: { name, namespace },
    spec: { ...(labels ? { workloadSelector: { labels } } : {}), egress: [{ hosts: ['./*'] }] },
  });
  const pod = (name: string, namespace: string, labels: { [key: string]: string }): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels } });

  test('an empty workloadSelector is no selector', () => {
    const empty: KubeObject = { ...sidecar('empty', 'shop'), spec: { workloadSelector: { labels: {} }, egress: [{ hosts: ['./*'] }] } };
    expect(linesOf([sidecar('default', 'shop'), empty], 'IST0111')).toHaveLength(2);
  });

  test('Sidecars select pods of their own namespace only', () => {
    const objects = [sidecar('a', 'shop', { app: 'reviews' }), sidecar('b', 'billing', { app: 'reviews' }), pod('reviews', 'shop', { app: 'reviews' })];
    expect(linesOf(objects, 'IST0110')).toEqual([]);
    expect(linesOf(objects, 'IST0101')).toEqual(['Error [IST0101] (Sidecar billing/b) Referenced selector not found: "app=reviews"']);
  });

  test('a selector that selects no pod is not reported when the pods may be outside the input', () => {
    const objects = [sidecar('a', 'shop', { version: 'v1', app: 'reviews' })];
    expect(linesOf(objects, 'IST0101')).toEqual(['Error [IST0101] (Sidecar shop/a) Referenced selector not found: "app=reviews,version=v1"']);
    expect(linesOf(objects, 'IST0101', { assumeHostsAndSecretsExist: true })).toEqual([]);
  });

  test('reports each Sidecar once per pod they share', () => {
    const objects = [
      sidecar('a', 'shop', { app: 'reviews' }), sidecar('b', 'shop', { tier: 'back' }),
      pod('reviews-1', 'shop', { app: 'reviews', tier: 'back' }), pod('reviews-2', 'shop', { app: 'reviews', tier: 'back' }), pod('front', 'shop', { app: 'reviews' }),
    ];
    expect(linesOf(objects, 'IST0110').map((l) => l.replace(/ which can lead.*/, ''))).toEqual([
      'Error [IST0110] (Sidecar shop/a) The Sidecars [a b] in namespace "shop" select the same workload pod "reviews-1",',
      'Error [IST0110] (Sidecar shop/a) The Sidecars [a b] in namespace "shop" select the same workload pod "reviews-2",',
      'Error [IST0110] (Sidecar shop/b) The Sidecars [a b] in namespace "shop" select the same workload pod "reviews-1",',
      'Error [IST0110] (Sidecar shop/b) The Sidecars [a b] in namespace "shop" select the same workload pod "reviews-2",',
    ]);
  });
});
