import * as fs from 'fs';
import * as path from 'path';
import { KubeObject } from '../../rules/finding';
import { STDIN } from './args';
import { ManifestError, readManifest } from './read-manifests';

/** An object read by the CLI and where istioctl says it comes from: `file:line` (only `file` for JSON files). */
export interface LocatedObject {
  readonly object: KubeObject;
  readonly source: string;
}

/** Input that cannot be read, with the file (and line) to look at. */
export class InputError extends Error {}

/** What the CLI read: the objects, in the order of the paths, and the warnings about them. */
export interface Inputs {
  readonly objects: LocatedObject[];
  readonly warnings: string[];
}

/**
 * Reads every path: a file, every YAML or JSON file below a folder (in name order), or `-` for
 * `readStdin()`. A file reached twice is read once.
 *
 * @throws InputError naming the file and line of the first input that cannot be read
 */
export function readInputs(paths: readonly string[], readStdin: () => string): Inputs {
  const objects: LocatedObject[] = [];
  const warnings: string[] = [];
  // a file named twice (itself, or in a folder also named) holds its objects once, not twice over
  const read = new Set<string>();
  for (const target of paths) {
    for (const file of target === STDIN ? [STDIN] : filesOf(target)) {
      const key = file === STDIN ? STDIN : path.resolve(file);
      if (read.has(key)) {
        continue;
      }
      read.add(key);
      const text = file === STDIN ? readStdinOnce(readStdin) : readText(file);
      const manifest = readFileManifest(file, text);
      const json = path.extname(file) === '.json';
      objects.push(...manifest.objects.map((o) => ({ object: o.object, source: json ? file : `${file}:${o.line}` })));
      warnings.push(...manifest.warnings.map((w) => `${file}:${w}`));
    }
  }
  return { objects, warnings };
}

function readStdinOnce(readStdin: () => string): string {
  try {
    return readStdin();
  } catch (e) {
    throw new InputError(`${STDIN}: ${(e as Error).message}`);
  }
}

function readFileManifest(file: string, text: string) {
  try {
    return readManifest(text);
  } catch (e) {
    if (e instanceof ManifestError) {
      throw new InputError(`${file}:${e.line}: ${e.message}`);
    }
    throw e;
  }
}

/** `target` itself when it is a file, else the YAML and JSON files below it, in name order. */
function filesOf(target: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new InputError(`${target}: no such file or folder`);
  }
  if (!stat.isDirectory()) {
    return [target];
  }
  return readFolder(target).sort().flatMap((entry) => {
    const child = path.join(target, entry);
    return isFolder(child) || /\.(ya?ml|json)$/.test(entry) ? filesOf(child) : [];
  });
}

function readFolder(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch (e) {
    throw new InputError(`${folder}: ${(e as Error).message}`);
  }
}

function isFolder(target: string): boolean {
  try {
    return fs.statSync(target).isDirectory();
  } catch {
    return false;
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message}`);
  }
}
