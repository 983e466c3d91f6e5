import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Include } from 'cdk8s';
import type { PluginManager as PluginManagerType } from 'cdk8s-cli/lib/plugins/_manager';
import type { ValidationPlugin as ValidationPluginType, Validation, ValidationContext } from 'cdk8s-cli/lib/plugins/validation';
import { buildWalkthrough } from '../../examples/main';

// cdk8s-cli exports only the plugin contract; its loader is reached by file, as its CLI reaches it.
const CLI_LIB = path.join(path.dirname(require.resolve('cdk8s-cli/package.json')), 'lib', 'plugins');
/* eslint-disable @typescript-eslint/no-require-imports */
const { PluginManager } = require(path.join(CLI_LIB, '_manager')) as { PluginManager: typeof PluginManagerType };
const { ValidationPlugin } = require(path.join(CLI_LIB, 'validation')) as { ValidationPlugin: typeof ValidationPluginType };
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'analysis');

/**
 * Loads the plugin the way `cdk8s synth` does for a `validations:` entry of cdk8s.yaml: from the
 * package (here, this checkout as a local path: its compiled lib/, so `npx tsc -b` first), by
 * class name, with the entry's properties.
 */
function load(manifests: string[], properties: { [key: string]: any } = {}, constructMetadata?: string): { plugin: Validation; context: ValidationContext } {
  const pluginsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugins-'));
  return ValidationPlugin.load(
    { package: ROOT, version: '0.1.0', class: 'IstioAnalysisPlugin', properties },
    { manifests, constructMetadata },
    false,
    new PluginManager(pluginsDir),
  );
}

test('fails the validation on an Error finding, one violation per finding', async () => {
  const manifest = path.join(FIXTURES, 'gateway-workload-invalid', 'input.yaml');
  const { plugin, context } = load([manifest], { assumeHostsAndSecretsExist: false });
  await plugin.validate(context);
  expect(context.report.success).toBe(false);
  const report = context.report.toJson();
  expect(report.summary.status).toBe('failure');
  expect(report.violations.map((v) => [v.ruleName, v.recommendation])).toEqual([
    ['IST0162 GatewayPortNotDefinedOnService', expect.stringMatching(/^Warning \[IST0162\] \(Gateway edge\/admin\) The gateway is listening on a target port \(port 8080\)/)],
    ['IST0101 ReferencedResourceNotFound', 'Error [IST0101] (Gateway edge/secure) Referenced credentialName not found: "secure-cert"'],
    ['IST0101 ReferencedResourceNotFound', 'Error [IST0101] (Gateway edge/storefront) Referenced selector not found: "app=edge-gateway"'],
  ]);
  expect(report.violations[2].fix).toMatch(/^correct the reference/);
  expect(report.violations[2].violatingConstructs).toEqual([
    { resourceName: 'storefront', locations: ['Gateway edge/storefront'], manifestPath: manifest, constructPath: undefined },
  ]);
});

test('passes when every finding is a warning', async () => {
  const { plugin, context } = load([path.join(FIXTURES, 'serviceentry-addresses-invalid', 'input.yaml')]);
  await plugin.validate(context);
  expect(context.report.success).toBe(true);
  expect(context.report.toJson().violations.map((v) => v.ruleName)).toEqual(['IST0134 ServiceEntryAddressesRequired', 'IST0134 ServiceEntryAddressesRequired', 'IST0134 ServiceEntryAddressesRequired']);
});

test('failureThreshold: Warning in the properties fails the validation on warnings', async () => {
  const { plugin, context } = load([path.join(FIXTURES, 'serviceentry-addresses-invalid', 'input.yaml')], { failureThreshold: 'Warning' });
  await plugin.validate(context);
  expect(context.report.success).toBe(false);
  expect(context.report.toJson().violations.map((v) => v.ruleName)).toEqual(['IST0134 ServiceEntryAddressesRequired', 'IST0134 ServiceEntryAddressesRequired', 'IST0134 ServiceEntryAddressesRequired']);
});

test('defaultGateway: false in the properties stops assuming the default gateway', async () => {
  const { plugin, context } = load([path.join(FIXTURES, 'conflicting-gateways-valid', 'input.yaml')], { defaultGateway: false });
  await plugin.validate(context);
  expect(context.report.success).toBe(false);
  expect(new Set(context.report.toJson().violations.map((v) => v.recommendation.replace(/ \(Gateway .*\)/, '')))).toEqual(new Set([
    'Error [IST0101] Referenced selector not found: "istio=ingressgateway"',
  ]));
});

test('meshConfig in the properties reaches the analysis: DNS auto-allocation lifts IST0134', async () => {
  const manifest = path.join(FIXTURES, 'serviceentry-addresses-invalid', 'input.yaml');
  const { plugin, context } = load([manifest], { meshConfig: { dnsCapture: true, dnsAutoAllocate: true } });
  await plugin.validate(context);
  expect(context.report.toJson().violations.map((v) => v.ruleName)).toEqual([]);
});

test('on the manifests cdk8s synth writes, violations carry construct paths', async () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-'));
  const app = new App({ outdir, recordConstructMetadata: true });
  const chart = new Chart(app, 'legacy');
  new Include(chart, 'routes', { url: path.join(FIXTURES, 'virtualservice-gateways-invalid', 'input.yaml') });
  app.synth();
  const { plugin, context } = load([path.join(outdir, 'legacy.k8s.yaml')], {}, path.join(outdir, 'construct-metadata.json'));
  await plugin.validate(context);
  const typo = context.report.toJson().violations.find((v) => v.recommendation.includes('edge/typo'))!;
  expect(typo.violatingConstructs.map((c) => c.constructPath)).toEqual(['legacy/routes/typo-virtualservice-edge']);
});

test('the walkthrough passes', async () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-'));
  buildWalkthrough(new App({ outdir })).synth();
  const { plugin, context } = load(fs.readdirSync(outdir).map((f) => path.join(outdir, f)));
  await plugin.validate(context);
  expect(context.report.toJson()).toMatchObject({ violations: [], summary: { status: 'success' } });
});
