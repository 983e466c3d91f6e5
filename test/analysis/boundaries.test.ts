import * as fs from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '..', '..', 'src');
const SHORTCUTS = path.join(SRC, 'analysis', 'private', 'shortcuts');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The files `file` imports from the repository, resolved, without their extension. */
function localImportsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import|require)\s*\(?\s*'(\.[^']+)'/g)].map((m) => path.resolve(path.dirname(file), m[1]));
}

test('the factory that picks a generated class does not import the analysis: the constructs enable it', () => {
  const imports = localImportsOf(path.join(SRC, 'api-version.ts'));
  expect(imports.length).toBeGreaterThan(0);
  expect(imports.filter((target) => target.startsWith(path.join(SRC, 'analysis')))).toEqual([]);
});

test('the synthesis shortcuts are reached through their one module, whose switch selects them', () => {
  const reached = filesUnder(SRC)
    .filter((file) => !file.startsWith(SHORTCUTS + path.sep))
    .flatMap((file) => localImportsOf(file).filter((target) => target.startsWith(SHORTCUTS)).map((target) => `${path.relative(SRC, file)} -> ${path.relative(SRC, target)}`));
  expect(reached).toEqual([
    'analysis/istio-analysis.ts -> analysis/private/shortcuts',
  ]);
});
