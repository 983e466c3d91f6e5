import * as fs from 'fs';
import * as path from 'path';

// The graph is drawn from plain objects by the rule set's index: like the rules, it serves the
// CLI, the API and hand-written YAML, and must not reach into the constructs, the doors or cdk8s.
const SRC = path.resolve(__dirname, '..', '..', 'src');
const TOPOLOGY = path.join(SRC, 'topology');
const RULES = path.join(SRC, 'rules');
/** Node's modules the HTML renderer reads the optional mermaid package with. */
const ALLOWED_PACKAGES = new Set(['fs', 'path']);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import|require)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]);
}

const files = filesUnder(TOPOLOGY);

test('the topology has files to check', () => {
  expect(files.length).toBeGreaterThan(4);
});

test.each(files.map((f) => [path.relative(SRC, f), f]))('%s imports only the topology and the rule set', (_name, file) => {
  const outside = importsOf(file).filter((spec) => {
    if (!spec.startsWith('.')) {
      return !ALLOWED_PACKAGES.has(spec);
    }
    const target = path.resolve(path.dirname(file), spec);
    return !(target.startsWith(TOPOLOGY + path.sep) || target.startsWith(RULES + path.sep));
  });
  expect(outside).toEqual([]);
});
