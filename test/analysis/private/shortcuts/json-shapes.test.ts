import { ApiObject, Testing, Yaml } from 'cdk8s';
import { Backend, IngressGateway } from '../../../../src';
import { copyWithSharedShapes } from '../../../../src/analysis/private/shortcuts/json-shapes';

/** The objects of an ingress gateway with one exposure: a MeshGateway, a Gateway and a VirtualService. */
function exposureObjects(): any[] {
  const chart = Testing.chart();
  const gateway = new IngressGateway(chart, 'edge', { ports: [{ name: 'http', port: 80 }] });
  gateway.expose('shop', {
    hosts: ['shop.example.com'],
    backend: Backend.fromHost('shop.apps.svc.cluster.local', 8080),
  });
  return chart.node.findAll().filter(ApiObject.isApiObject).map((o) => o.toJson());
}

describe('copyWithSharedShapes', () => {
  test('copies every object and array, keeping keys, their order and the values', () => {
    const objects = exposureObjects();
    expect(objects.map((o) => o.kind)).toEqual(['MeshGateway', 'Gateway', 'VirtualService']);
    for (const original of objects) {
      const copy = copyWithSharedShapes(original) as any;
      expect(copy).not.toBe(original);
      expect(copy.spec).not.toBe(original.spec);
      expect(JSON.stringify(copy)).toBe(JSON.stringify(original));
      expect(Yaml.stringify(copy)).toBe(Yaml.stringify(original));
    }
  });

  test('copies nested arrays item by item, holding the same items', () => {
    const original = { spec: { hosts: ['a.example.com', 'b.example.com'], http: [{ match: [{ port: 80 }] }] } };
    const copy = copyWithSharedShapes(original) as typeof original;
    expect(copy.spec.hosts).not.toBe(original.spec.hosts);
    expect(copy.spec.http[0].match[0]).not.toBe(original.spec.http[0].match[0]);
    expect(copy).toEqual(original);
  });

  test('keeps values that are not plain objects or arrays as they are', () => {
    class Quantity {
      constructor(public readonly amount: string) {}
    }
    const when = new Date(0);
    const quantity = new Quantity('1Gi');
    const original = { spec: { when, quantity, count: 3, enabled: false, none: null, text: 'x' } };
    const copy = copyWithSharedShapes(original) as typeof original;
    expect(copy.spec.when).toBe(when);
    expect(copy.spec.quantity).toBe(quantity);
    expect(copy.spec).toEqual(original.spec);
  });

  test('an object that appears twice is one object in the copy, so the YAML keeps its alias', () => {
    const labels = { app: 'shop' };
    const original = { metadata: { labels }, spec: { selector: labels } };
    const copy = copyWithSharedShapes(original) as typeof original;
    expect(copy.spec.selector).toBe(copy.metadata.labels);
    expect(copy.spec.selector).not.toBe(labels);
    expect(Yaml.stringify(copy)).toBe(Yaml.stringify(original));
    expect(Yaml.stringify(copy)).toContain('*a1');
  });
});
