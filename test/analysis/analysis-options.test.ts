import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Testing } from 'cdk8s';
import { IstioAnalysis, IstioAnalysisPlugin, IstioAnalyzer } from '../../src';
import { AnalysisDoor, resolveAnalysisOptions } from '../../src/analysis/analysis-options';
import { main } from '../../src/analysis/cli';
import { optionsFromYaml } from '../../src/analysis/private/option-text';
import { FindingLevel } from '../../src/rules/finding';
import { IstioRelease } from '../../src/rules/istio-release';

const DOORS = [AnalysisDoor.SYNTH, AnalysisDoor.PLUGIN, AnalysisDoor.CLI, AnalysisDoor.ANALYZER];

/** The cells of the row of `option` in the doors table of `IstioAnalysisOptions`' TSDoc. */
function documentedRow(option: string): string[] {
  const source = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'analysis', 'analysis-options.ts'), 'utf8');
  const row = source.split('\n').find((line) => line.startsWith(` * | \`${option}\` |`));
  if (!row) {
    throw new Error(`no row for ${option}`);
  }
  return row.split('|').slice(2, -1).map((cell) => cell.trim());
}

describe('the defaults of each door', () => {
  test('the doors share every default but assumeHostsAndSecretsExist', () => {
    const resolved = DOORS.map((door) => resolveAnalysisOptions({}, door));
    for (const options of resolved) {
      expect(options).toEqual({ ...resolved[0], assumeHostsAndSecretsExist: options.assumeHostsAndSecretsExist });
    }
    expect(resolved[0]).toEqual({ defaultGateway: true, assumeHostsAndSecretsExist: true, meshConfig: undefined, istioRelease: IstioRelease.LATEST, failureThreshold: FindingLevel.ERROR, workloads: [], now: undefined, hostOwnership: [] });
  });

  test.each(['defaultGateway', 'assumeHostsAndSecretsExist'] as const)('the documented table gives %s the default each door takes', (option) => {
    const cells = documentedRow(option);
    expect(cells).toHaveLength(DOORS.length);
    expect(cells.map((cell) => cell.replace(/\*/g, '').split(';')[0])).toEqual(DOORS.map((door) => String(resolveAnalysisOptions({}, door)[option])));
  });

  test('options given win over every door\'s defaults', () => {
    const given = {
      defaultGateway: false, assumeHostsAndSecretsExist: false, meshConfig: { dnsCapture: true }, istioRelease: IstioRelease.of(1, 14), failureThreshold: FindingLevel.WARNING,
      workloads: [{ labels: { app: 'edge' }, namespace: 'edge', ports: [80] }], now: new Date('2026-01-01T00:00:00Z'),
      hostOwnership: [{ namespace: 'team-a', hosts: ['*.team-a.example.com'] }],
    };
    for (const door of DOORS) {
      expect(resolveAnalysisOptions(given, door)).toEqual(given);
    }
  });
});

describe('each door takes its defaults', () => {
  // A VirtualService to a host the input does not define: reported only where hosts are not taken on trust.
  const route = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { hosts: ['web'], http: [{ route: [{ destination: { host: 'missing.shop.svc.cluster.local' } }] }] },
  };
  const missingHost = /IST0101.*Referenced host not found: "missing.shop.svc.cluster.local"/;

  test('the synth-time check and the plugin take the host on trust', async () => {
    const chart = Testing.chart();
    new ApiObject(chart, 'web', route);
    expect(IstioAnalysis.enable(chart).findings()).toEqual([]);
    const violations: string[] = [];
    await new IstioAnalysisPlugin().validate({
      manifests: ['app.k8s.yaml'],
      parseManifest: () => [route],
      report: { addViolation: (v) => violations.push(v.recommendation), submit: () => undefined },
    });
    expect(violations).toEqual([]);
  });

  test('the CLI and IstioAnalyzer report it, as istioctl', () => {
    expect(IstioAnalyzer.analyze([route]).map((f) => IstioAnalyzer.format(f))).toEqual([expect.stringMatching(missingHost)]);
    const out: string[] = [];
    expect(main(['analyze', '-'], { out: (t) => out.push(t), err: () => undefined }, () => JSON.stringify(route))).toBe(1);
    expect(out.join('')).toMatch(missingHost);
  });
});

describe('the plugin\'s properties, as YAML writes them', () => {
  test('read a version as a string or a number, and a level in any case', () => {
    expect(optionsFromYaml({ istioRelease: '1.22.3', failureThreshold: 'warning' })).toEqual({ istioRelease: IstioRelease.of(1, 22), failureThreshold: FindingLevel.WARNING });
    expect(optionsFromYaml({ istioRelease: 1.14, meshConfig: { ingressControllerMode: 'OFF', dnsCapture: true } })).toEqual({
      istioRelease: IstioRelease.of(1, 14), meshConfig: { ingressControllerMode: 'OFF', dnsCapture: true },
    });
    expect(optionsFromYaml({ workloads: [{ labels: { app: 'edge' }, namespace: 'edge', ports: [80, 443] }] })).toEqual({ workloads: [{ labels: { app: 'edge' }, namespace: 'edge', ports: [80, 443] }] });
    expect(optionsFromYaml({ now: '2026-01-01T00:00:00Z' })).toEqual({ now: new Date('2026-01-01T00:00:00Z') });
    expect(optionsFromYaml({ defaultGateway: null })).toEqual({});
    expect(optionsFromYaml(undefined)).toEqual({});
  });

  test.each<[{ [key: string]: any }, string]>([
    [{ defaultGateways: false }, 'properties.defaultGateways: unknown property: expected one of defaultGateway, assumeHostsAndSecretsExist, meshConfig, istioRelease, failureThreshold, now, workloads, hostOwnership'],
    [{ defaultGateway: 'no' }, 'properties.defaultGateway: "no" is not a boolean'],
    [{ failureThreshold: 'fatal' }, 'properties.failureThreshold: "fatal" is not a finding level: expected Info, Warning, Error'],
    [{ istioRelease: 'latest' }, 'properties.istioRelease: invalid Istio release "latest"'],
    [{ istioRelease: true }, 'properties.istioRelease: true is not an Istio version such as "1.22"'],
    [{ meshConfig: 'OFF' }, 'properties.meshConfig: "OFF" is not a mapping'],
    [{ workloads: [{ namespace: 'edge' }] }, 'properties.workloads[0]: labels is required'],
    [{ now: 'yesterday' }, 'properties.now: "yesterday" is not a time such as "2026-01-01T00:00:00Z"'],
    [{ workloads: [{ labels: { app: 1 } }] }, 'properties.workloads[0].labels.app: 1 is not a string'],
    [{ workloads: [{ labels: {}, ports: ['80'] }] }, 'properties.workloads[0].ports[0]: "80" is not a number'],
    [{ hostOwnership: [{ namespace: 'team-a' }] }, 'properties.hostOwnership[0]: hosts is required'],
    [{ hostOwnership: [{ hosts: [] }] }, 'properties.hostOwnership[0]: namespace is required'],
    [{ hostOwnership: [{ namespace: 'team-a', hosts: [1] }] }, 'properties.hostOwnership[0].hosts[0]: 1 is not a string'],
    [{ hostOwnership: { 'team-a': [] } }, 'properties.hostOwnership: {"team-a":[]} is not a list'],
    [{ hostOwnership: [{ namespace: 'team-a', hosts: ['a..example.com'] }] }, 'invalid hostOwnership[0].hosts[0] "a..example.com": domain name "a..example.com" is invalid: label "" is not a DNS-1123 label'],
    [{ meshConfig: { ingressControllerMode: 'off' } }, 'properties.meshConfig.ingressControllerMode: "off" is not one of OFF, DEFAULT, STRICT'],
    [{ meshConfig: { dnsCaptures: true } }, 'properties.meshConfig.dnsCaptures: unknown property: expected one of ingressControllerMode, ingressService, dnsCapture, dnsAutoAllocate'],
  ])('refuse %j, naming the property', (properties, message) => {
    expect(() => new IstioAnalysisPlugin(properties)).toThrow(message);
  });
});
