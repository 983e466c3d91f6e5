import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

/** The analysis fixtures: one folder per case, with `input.yaml` and `expected.txt`. */
export const ANALYSIS_FIXTURES = path.join(__dirname, '..', 'fixtures', 'analysis');

/** The names of the analysis fixture folders. */
export function analysisFixtureNames(): string[] {
  return fs.readdirSync(ANALYSIS_FIXTURES).filter((f) => fs.statSync(path.join(ANALYSIS_FIXTURES, f)).isDirectory()).sort();
}

/** The objects of a fixture's `input.yaml`. */
export function fixtureObjects(name: string): any[] {
  const text = fs.readFileSync(path.join(ANALYSIS_FIXTURES, name, 'input.yaml'), 'utf8');
  return parseAllDocuments(text).map((d) => d.toJS()).filter((o) => o);
}

/** The istioctl-style lines a fixture expects, one per finding. */
export function fixtureExpected(name: string): string[] {
  return fs.readFileSync(path.join(ANALYSIS_FIXTURES, name, 'expected.txt'), 'utf8').split('\n').filter((l) => l.length > 0);
}
