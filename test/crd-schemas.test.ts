import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CRD_SCHEMA_INDEX, CRD_SCHEMA_TEXTS } from '../imports/crd-schemas';
import { CRDS_DIR, describeWithCrds, loadCrds } from './support/crds';

const ROOT = path.resolve(__dirname, '..');
const COMMITTED = path.join(ROOT, 'imports', 'crd-schemas.ts');

/** The keywords used anywhere in `schema`, not counting the names of its properties. */
function keywordsOf(schema: any): string[] {
  const nested = Object.values(schema.properties ?? {}).concat(
    typeof schema.items === 'object' ? [schema.items] : [],
    typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : [],
  );
  return [...Object.keys(schema), ...nested.flatMap(keywordsOf)];
}

// test/imports.test.ts checks the whole of imports/ with the slow `cdk8s import`; this checks the
// schema data alone, so that a stale or hand-edited schema file fails fast.
describeWithCrds('imports/crd-schemas.ts', () => {
  test('is exactly what scripts/crd-schemas.js generates from the CRDs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crd-schemas-'));
    try {
      const fresh = path.join(dir, 'crd-schemas.ts');
      execFileSync('node', [path.join(ROOT, 'scripts', 'crd-schemas.js'), CRDS_DIR, fresh], { cwd: ROOT, stdio: 'pipe' });
      expect(fs.readFileSync(COMMITTED, 'utf8') === fs.readFileSync(fresh, 'utf8')).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('holds a schema for every served version of every CRD, and for no other', () => {
    const served = loadCrds().flatMap((crd) => crd.spec.versions.filter((v) => v.served).map((v) => `${crd.spec.group}/${v.name} ${crd.spec.names.kind}`));
    expect(Object.keys(CRD_SCHEMA_INDEX).sort()).toStrictEqual(served.sort());
    expect(served).toContain('security.istio.io/v1beta1 AuthorizationPolicy');
    expect(served).toContain('gateway.networking.k8s.io/v1 HTTPRoute');
    expect(served).not.toContain('gateway.networking.k8s.io/v1alpha2 TLSRoute');
  });

  test('keeps what the schema layer checks and drops descriptions, and CEL rules outside the Gateway API', () => {
    const gateway = JSON.parse(CRD_SCHEMA_TEXTS[CRD_SCHEMA_INDEX['networking.istio.io/v1 Gateway']]);
    const tls = gateway.properties.spec.properties.servers.items.properties.tls;
    expect(tls.properties.mode.enum).toContain('SIMPLE');
    expect(tls.properties.tlsCertificates.maxItems).toBe(2);
    const keywords = new Set(CRD_SCHEMA_TEXTS.flatMap((text) => keywordsOf(JSON.parse(text))));
    expect(keywords).not.toContain('description');
    expect(keywords).toContain('x-kubernetes-int-or-string');
    const istioKeywords = new Set(Object.keys(CRD_SCHEMA_INDEX).filter((key) => !key.startsWith('gateway.networking.k8s.io/'))
      .flatMap((key) => keywordsOf(JSON.parse(CRD_SCHEMA_TEXTS[CRD_SCHEMA_INDEX[key]]))));
    expect(istioKeywords).not.toContain('x-kubernetes-validations');
    expect(istioKeywords).not.toContain('default');
    expect(keywordsOf(JSON.parse(CRD_SCHEMA_TEXTS[CRD_SCHEMA_INDEX['gateway.networking.k8s.io/v1 HTTPRoute']]))).toContain('x-kubernetes-validations');
  });

  test('versions with the same schema share one text', () => {
    const positions = ['v1', 'v1beta1', 'v1alpha3'].map((version) => CRD_SCHEMA_INDEX[`networking.istio.io/${version} VirtualService`]);
    expect(new Set(positions).size).toBe(1);
    expect(new Set(CRD_SCHEMA_TEXTS).size).toBe(CRD_SCHEMA_TEXTS.length);
  });
});
