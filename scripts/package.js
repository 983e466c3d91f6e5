#!/usr/bin/env node
/**
 * `npm run package [-- OUTDIR]` (`node scripts/package.js`): packs the package as it is published, into OUTDIR (default
 * `dist-pkg/`), and prints the tarball's path. Run after `npm run build` (jsii writes `.jsii`).
 *
 * `npm pack` in the repository would publish the development manifest: its scripts (a consumer's
 * install would try to run `prepare`), its devDependencies and jsii's build settings. This packs a
 * staged copy instead, with the manifest a consumer needs and the non-jsii dependencies bundled,
 * as jsii requires of a library other languages load.
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

/** The manifest fields a consumer's package manager and jsii read; the rest is development-only. */
const PUBLISHED_FIELDS = [
  'name', 'version', 'description', 'license', 'keywords', 'repository', 'author', 'main', 'types', 'bin', 'engines',
  'files', 'peerDependencies', 'dependencies', 'bundledDependencies', 'stability', 'jsii',
];

/** What the package ships besides the manifest: its `files`, and what npm always ships. */
function shipped(manifest) {
  return [...manifest.files, 'README.md', 'LICENSE'];
}

function publishedManifest(manifest) {
  const published = {};
  for (const field of PUBLISHED_FIELDS) {
    if (manifest[field] !== undefined) {
      published[field] = manifest[field];
    }
  }
  // The HTML graph alone needs mermaid. jsii refuses a peer dependency that is not a jsii
  // library, so the development manifest cannot declare it; npm consumers learn of it here.
  published.peerDependencies = { ...published.peerDependencies, mermaid: manifest.devDependencies.mermaid };
  published.peerDependenciesMeta = { mermaid: { optional: true } };
  return published;
}

/** `name` and the packages it depends on, transitively, as installed in the repository. */
function installedClosure(name, found) {
  if (!found.has(name)) {
    found.add(name);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      installedClosure(dependency, found);
    }
  }
  return found;
}

function main() {
  const outdir = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist-pkg'));
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  if (!fs.existsSync(path.join(ROOT, '.jsii'))) {
    throw new Error('no .jsii assembly: run `npm run build` first');
  }
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'package-'));
  try {
    for (const entry of shipped(manifest)) {
      fs.cpSync(path.join(ROOT, entry), path.join(staging, entry), { recursive: true });
    }
    const bundled = new Set();
    for (const name of manifest.bundledDependencies) {
      installedClosure(name, bundled);
    }
    for (const name of [...bundled].sort()) {
      fs.cpSync(path.join(ROOT, 'node_modules', name), path.join(staging, 'node_modules', name), { recursive: true, dereference: true });
    }
    fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify(publishedManifest(manifest), null, 2) + '\n');
    fs.mkdirSync(outdir, { recursive: true });
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', outdir], { cwd: staging, encoding: 'utf8' }));
    process.stdout.write(path.join(outdir, packed[0].filename) + '\n');
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

main();
