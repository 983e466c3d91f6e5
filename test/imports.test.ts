import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeWithCrds } from './support/crds';

const ROOT = path.resolve(__dirname, '..');

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

describeWithCrds('imports/', () => {
  test('is exactly what npm run import generates from the CRDs', () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'imports-'));
    try {
      execFileSync('bash', [path.join(ROOT, 'scripts', 'import.sh'), fresh], { cwd: ROOT, stdio: 'pipe' });
      expect(filesIn(path.join(ROOT, 'imports'))).toEqual(filesIn(fresh));
      for (const file of filesIn(fresh)) {
        const committed = fs.readFileSync(path.join(ROOT, 'imports', file), 'utf8');
        const generated = fs.readFileSync(path.join(fresh, file), 'utf8');
        expect({ file, same: committed === generated }).toEqual({ file, same: true });
      }
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });
});
