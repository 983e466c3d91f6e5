import * as fs from 'fs';
import * as path from 'path';

// The rule set reads plain objects, so it serves the CLI, the plugin and hand-written YAML as well
// as the constructs: it must not reach into the constructs, the analysis doors or cdk8s. The one
// import allowed from outside is the schema data `npm run import` generates from the CRDs.
const SRC = path.resolve(__dirname, '..', '..', 'src');
const RULES = path.join(SRC, 'rules');
const GENERATED_SCHEMAS = path.resolve(SRC, '..', 'imports', 'crd-schemas');
// Node's own modules and the two engines the rules run on (Go's regexp and go-yaml, re-expressed).
const ALLOWED_PACKAGES = new Set(['crypto', 'net', 're2js', 'yaml']);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const statements = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)].map((m) => m[1]);
  const calls = [...text.matchAll(/\b(?:require|import)\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]);
  return [...statements, ...calls];
}

const ruleFiles = filesUnder(RULES);

test('the rule set has files to check', () => {
  expect(ruleFiles.length).toBeGreaterThan(50);
});

test.each(ruleFiles.map((f) => [path.relative(SRC, f), f]))('%s imports only the rule set', (_name, file) => {
  const outside = importsOf(file).filter((spec) => {
    if (!spec.startsWith('.')) {
      return !ALLOWED_PACKAGES.has(spec);
    }
    const target = path.resolve(path.dirname(file), spec);
    return !(target.startsWith(RULES + path.sep) || target === GENERATED_SCHEMAS);
  });
  expect(outside).toEqual([]);
});

test('the check sees an import that leaves the rule set', () => {
  const file = path.join(RULES, 'analyze.ts');
  const target = path.resolve(path.dirname(file), '../private/errors');
  expect(target.startsWith(RULES + path.sep)).toBe(false);
});
