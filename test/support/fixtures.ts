import * as fs from 'fs';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { optionsFromYaml } from '../../src/analysis/private/option-text';
import { AnalysisOptions } from '../../src/rules/analyze';

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

/**
 * The analysis options of a fixture whose findings depend on them (a host ownership policy): its
 * `options.yaml`, written as the plugin's properties; none when it has no such file.
 */
export function fixtureOptions(name: string): AnalysisOptions {
  const file = path.join(ANALYSIS_FIXTURES, name, 'options.yaml');
  return fs.existsSync(file) ? optionsFromYaml(parse(fs.readFileSync(file, 'utf8'))) : {};
}
