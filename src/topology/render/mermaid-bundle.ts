import * as fs from 'fs';
import * as path from 'path';

/** The optional peer dependency that renders Mermaid in the browser, and its one-file bundle. */
const PACKAGE = 'mermaid';
const BUNDLE = path.join('dist', 'mermaid.min.js');

/** The mermaid package cannot be found: only the HTML output needs it. */
export class MermaidMissingError extends Error {}

/** The mermaid package's browser bundle (an IIFE that defines `globalThis.mermaid`) and its version. */
export interface MermaidBundle {
  readonly script: string;
  readonly version: string;
}

/**
 * Reads the browser bundle of the `mermaid` package installed beside this one (or wherever
 * Node resolves it from `paths`), so that the page it goes into renders without network access.
 *
 * @throws MermaidMissingError saying how to install it, when it is not installed
 */
export function readMermaidBundle(paths: readonly string[] = [__dirname, process.cwd()]): MermaidBundle {
  let manifest: string;
  try {
    manifest = require.resolve(`${PACKAGE}/package.json`, { paths: [...paths] });
  } catch {
    throw new MermaidMissingError('the html output renders the diagram with the mermaid package, which is not installed: '
      + 'run `npm install --save-dev mermaid` (an optional peer dependency, left out of the default install for its size), '
      + 'or use the mermaid output');
  }
  const directory = path.dirname(manifest);
  const version = String(JSON.parse(fs.readFileSync(manifest, 'utf8')).version ?? '');
  try {
    return { script: fs.readFileSync(path.join(directory, BUNDLE), 'utf8'), version };
  } catch (e) {
    throw new MermaidMissingError(`the mermaid package ${version} at ${directory} has no ${BUNDLE} (${(e as Error).message}): install mermaid 12`);
  }
}
