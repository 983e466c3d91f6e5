import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { oneLargeVirtualService } from '../../../bench/analysis-meshes';
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
    // The input the benchmark times the rules on.
    const [gateway, vs] = oneLargeVirtualService(10_000);
    expect(vs.spec.http).toHaveLength(10_000);
    expect(vs.spec.hosts).toHaveLength(1_000);
    expect(checkObject(gateway)).toStrictEqual([]);
    expect(checkObject(vs)).toStrictEqual([]);
  });
});
