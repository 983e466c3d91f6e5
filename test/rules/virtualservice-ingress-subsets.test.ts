import { analyze } from '../../src/rules/analyze';
import { formatFinding, KubeObject } from '../../src/rules/finding';

function linesOf(objects: KubeObject[], code: string, options = {}): string[] {
  return analyze(objects, options).filter((f) => f.code === code).map(formatFinding);
}

describe('IST0140 IngressRouteRulesNotAffected', () => {
  const vs = (name: string, spec: object): KubeObject => ({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name, namespace: 'shop' }, spec });
  const sidecarRoutes = vs('ratings', { hosts: ['ratings'], http: [{ route: [{ destination: { host: 'ratings', subset: 'v1' } }] }, { route: [{ destination: { host: 'ratings', subset: 'v2' } }] }] });

  test('reports each pair of VirtualServices once, however many routes they share', () => {
    const gatewayRoutes = vs('public', {
      hosts: ['ratings.example.com'],
      gateways: ['istio-system/public'],
      http: [{ route: [{ destination: { host: 'ratings' } }] }, { route: [{ destination: { host: 'ratings.shop.svc.cluster.local' } }] }],
    });
    expect(linesOf([sidecarRoutes, gatewayRoutes], 'IST0140')).toEqual([
      'Warning [IST0140] (VirtualService shop/public) Subset in virtual service shop/ratings has no effect on ingress gateway shop/public requests',
    ]);
  });

  test('ignores subset routes to a host the sidecars\' VirtualService is not for, and VirtualServices bound to mesh only', () => {
    const routesOther = vs('ratings', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'ratings', subset: 'v1' } }] }] });
    const meshOnly = vs('internal', { hosts: ['ratings-internal'], gateways: ['mesh'], http: [{ route: [{ destination: { host: 'ratings' } }] }] });
    const gatewayRoutes = vs('public', { hosts: ['ratings.example.com'], gateways: ['istio-system/public'], http: [{ route: [{ destination: { host: 'ratings' } }] }] });
    expect(linesOf([routesOther, gatewayRoutes], 'IST0140')).toEqual([]);
    expect(linesOf([sidecarRoutes, meshOnly], 'IST0140')).toEqual([]);
  });
});
