import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

// Runs after `npm run build` (npm test does it first), which writes the jsii assembly that
// jsii-docgen reads: docs/API.md must be what it generates from the current API.
test('docs/API.md is the API reference jsii-docgen generates for the library (not its L1 classes)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-docs-'));
  try {
    const generated = path.join(dir, 'API.md');
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'jsii-docgen', 'bin', 'jsii-docgen'), '--submodule', 'root', '--output', generated], { cwd: ROOT, stdio: 'ignore' });
    const committed = fs.readFileSync(path.join(ROOT, 'docs', 'API.md'), 'utf8');
    expect({ stale: committed !== fs.readFileSync(generated, 'utf8'), fix: 'npm run build && npm run docgen' }).toEqual({ stale: false, fix: 'npm run build && npm run docgen' });
    expect(committed).toContain('### IngressGateway');
    expect(committed).not.toContain('VirtualServiceSpecHttp');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
