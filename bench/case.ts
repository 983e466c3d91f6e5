import * as fs from 'fs';
import { App, Chart } from 'cdk8s';

/**
 * One benchmark case in a fresh process: `node lib/bench/case.js <variant> <n> [yaml-out]`, the
 * variant `library` or `l1`, or `gateway-api-library` or `gateway-api-l1` for the Gateway API chart.
 * Builds the chart with one variant, synthesizes the app to YAML (with every validation the app
 * runs) and prints `{"rssKb": ...}`; the parent times the whole process.
 */
function main(): void {
  const [variant, size, out] = process.argv.slice(2);
  const n = Number(size);
  const app = new App({ outdir: '/dev/null' });
  const chart = new Chart(app, 'bench', { namespace: 'apps', disableResourceNameHashes: true });
  // Each variant's module is loaded only when it runs, so the L1 case never loads library code.
  if (variant === 'library') {
    require('./library-variant').buildWithLibrary(chart, n);
  } else if (variant === 'l1') {
    require('./l1-variant').buildWithL1(chart, n);
  } else if (variant === 'gateway-api-library') {
    require('./gateway-api-variant').buildGatewayApiWithLibrary(chart, n);
  } else if (variant === 'gateway-api-l1') {
    require('./gateway-api-l1-variant').buildGatewayApiWithL1(chart, n);
  } else {
    throw new Error(`unknown variant ${variant}: expected library, l1, gateway-api-library or gateway-api-l1`);
  }
  const yaml = app.synthYaml();
  if (out) {
    fs.writeFileSync(out, yaml);
  }
  process.stdout.write(JSON.stringify({ rssKb: process.resourceUsage().maxRSS }) + '\n');
}

main();
