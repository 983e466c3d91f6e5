import { relatedSelectors } from '../../src/rules/analysis/related-selectors';
import { MeshIndex } from '../../src/rules/mesh-index';

const pod = (name: string, labels: { [key: string]: string }) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'gateways', labels } });
const indexOf = (...objects: any[]) => new MeshIndex(objects, { defaultGateway: false, workloads: [] });

// Derived from pkg/config/analysis/analyzers/gateway/conflictinggateway.go (analyzeGateway) and
// analyzers_test.go "conflicting gateways detect by sub selector".
describe('relatedSelectors', () => {
  test('relates a selector to one whose text contains it when a workload has both', () => {
    const index = indexOf(pod('edge', { app: 'edge', istio: 'ingressgateway' }));
    const related = relatedSelectors(index, [{ istio: 'ingressgateway' }, { app: 'edge', istio: 'ingressgateway' }]);
    expect(related.get('istio=ingressgateway')).toEqual(['istio=ingressgateway', 'app=edge,istio=ingressgateway']);
    expect(related.get('app=edge,istio=ingressgateway')).toEqual(['app=edge,istio=ingressgateway', 'istio=ingressgateway']);
  });

  test('does not relate a label subset whose text the other does not contain, as istioctl compares texts', () => {
    const index = indexOf(pod('edge', { app: 'edge', tier: 'public', zone: 'eu' }));
    const related = relatedSelectors(index, [{ app: 'edge', zone: 'eu' }, { app: 'edge', tier: 'public', zone: 'eu' }]);
    expect(related.get('app=edge,zone=eu')).toEqual(['app=edge,zone=eu']);
  });

  test('does not relate texts that contain one another without a workload in common', () => {
    const index = indexOf(pod('us', { app: 'edge-us' }), pod('u', { app: 'edge-u' }));
    const related = relatedSelectors(index, [{ app: 'edge-us' }, { app: 'edge-u' }]);
    expect(related.get('app=edge-u')).toEqual(['app=edge-u']);
    expect(related.get('app=edge-us')).toEqual(['app=edge-us']);
  });

  test('relates the empty selector to every selector that selects some workload, and an equal selector always', () => {
    const index = indexOf(pod('edge', { app: 'edge' }));
    const related = relatedSelectors(index, [{}, { app: 'edge' }, { app: 'none' }, { app: 'none' }]);
    expect(related.get('')).toEqual(['', 'app=edge']);
    expect(related.get('app=edge')).toEqual(['app=edge', '']);
    expect(related.get('app=none')).toEqual(['app=none']);
  });
});
