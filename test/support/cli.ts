import { spawnSync } from 'child_process';
import * as path from 'path';

/** What a run of the CLI gave. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the compiled CLI (`npx tsc -b` first, as `npm test` does) as a user runs the bin, with `stdin` piped to it. */
export function runCli(args: readonly string[], stdin = ''): CliRun {
  const cli = path.join(__dirname, '..', '..', 'lib', 'src', 'analysis', 'cli.js');
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8', input: stdin, maxBuffer: 1 << 28 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
