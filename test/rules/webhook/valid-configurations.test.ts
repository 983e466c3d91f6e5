import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { KubeObject } from '../../../src/rules/finding';
import { checkObject } from '../../../src/rules/webhook';
import { CrdValidator, describeWithCrds, expectValidAgainstCrds } from '../../support/crds';
import { synthWalkthrough } from '../../support/synth';

const fixtures: KubeObject[] = parseAllDocuments(fs.readFileSync(path.join(__dirname, 'fixtures', 'valid-mesh.yaml'), 'utf8'))
  .map((doc) => doc.toJS());
const walkthrough: KubeObject[] = [...synthWalkthrough().values()].flat();

describe('valid configurations have no findings', () => {
  test('the fixtures cover every kind with rules', () => {
    expect(new Set(fixtures.map((o) => o.kind))).toStrictEqual(new Set([
      'Gateway', 'VirtualService', 'ServiceEntry', 'DestinationRule', 'Sidecar', 'MeshGateway', 'IstioMeshGateway',
    ]));
  });

  test.each(fixtures.map((o) => [`${o.apiVersion} ${o.kind} ${o.metadata?.namespace}/${o.metadata?.name}`, o] as const))('%s', (_name, obj) => {
    expect(checkObject(obj)).toStrictEqual([]);
  });

  test.each(walkthrough.map((o) => [`walkthrough ${o.kind} ${o.metadata?.name}`, o] as const))('%s', (_name, obj) => {
    expect(checkObject(obj)).toStrictEqual([]);
  });
});

describeWithCrds('the valid fixtures', () => {
  test('are valid against the CRDs', () => {
    expectValidAgainstCrds(new CrdValidator(), fixtures);
  });
});

describe('large input', () => {
  test('a virtual service with 10,000 routes and 1,000 hosts, matching by regex and header, is accepted', () => {
    const hosts = Array.from({ length: 1_000 }, (_, i) => `h${i}.example.com`);
    const http = Array.from({ length: 10_000 }, (_, i) => ({
      match: [{ uri: { regex: `^/r${i % 50}/.*` }, headers: { 'x-id': { exact: String(i) } } }],
      route: [{ destination: { host: `svc-${i}.shop.svc.cluster.local`, port: { number: 80 } } }],
    }));
    const vs: KubeObject = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'big', namespace: 'edge' }, spec: { hosts, gateways: ['edge/g'], http } };
    expect(checkObject(vs)).toStrictEqual([]);
  });
});
