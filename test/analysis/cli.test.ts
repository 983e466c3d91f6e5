import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** Runs the compiled CLI (`npx tsc -b` first, as `npm test` does), as a user would run the bin. */
function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return runWithStdin('', ...args);
}

/** Runs the compiled CLI with `stdin` piped to it. */
function runWithStdin(stdin: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const cli = path.join(__dirname, '..', '..', 'lib', 'src', 'analysis', 'cli.js');
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8', input: stdin });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ANALYSIS = 'test/fixtures/analysis';
const CLI = 'test/fixtures/cli';

test('the package bin is the compiled CLI', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(require('../../package.json').bin).toEqual({ 'cdk8s-istio-gateways': 'lib/src/analysis/cli.js' });
});

test('prints one istioctl-style line per finding, with the file and line of its object, and exits 1 on an Error', () => {
  const input = `${ANALYSIS}/virtualservice-gateways-invalid/input.yaml`;
  const result = run('analyze', input);
  expect(result.stdout.split('\n')).toEqual([
    `Error [IST0101] (VirtualService edge/typo ${input}:20) Referenced gateway not found: "pubic"`,
    `Warning [IST0132] (VirtualService shop/edge ${input}:46) one or more host [edge.example.com] defined in VirtualService shop/edge not found in Gateway edge/public.`,
    `Warning [IST0132] (VirtualService blog/shop ${input}:33) one or more host [shop.example.com] defined in VirtualService blog/shop not found in Gateway edge/public.`,
    `Warning [IST0132] (VirtualService edge/typo ${input}:20) one or more host [edge.example.com] defined in VirtualService edge/typo not found in Gateway edge/pubic.`,
    '',
  ]);
  expect(result.status).toBe(1);
});

test('exits 0 when there are only warnings', () => {
  const result = run('analyze', `${ANALYSIS}/serviceentry-addresses-invalid`);
  expect(result.stdout).toMatch(/^Warning \[IST0134\]/);
  expect(result.status).toBe(0);
});

test('exits 0 and says so when nothing is found', () => {
  const result = run('analyze', `${ANALYSIS}/gateway-workload-valid`);
  expect(result).toEqual({ status: 0, stdout: 'No validation issues found when analyzing 10 objects.\n', stderr: '' });
});

test('reads folders recursively (.yaml, .yml, List items), several paths, and skips unknown kinds and other files', () => {
  const result = run('analyze', `${CLI}/folder`, `${ANALYSIS}/serviceentry-addresses-valid/input.yaml`);
  expect(result.stdout.split('\n').filter((l) => l).map((l) => l.slice(0, l.indexOf(')') + 1))).toEqual([
    `Error [IST0101] (Gateway edge/storefront ${CLI}/folder/nested/gateway.yml:5)`,
    `Error [IST0101] (VirtualService edge/typo ${CLI}/folder/routes.yaml:17)`,
    `Warning [IST0132] (VirtualService shop/edge ${CLI}/folder/routes.yaml:43)`,
    `Warning [IST0132] (VirtualService blog/shop ${CLI}/folder/routes.yaml:30)`,
    `Warning [IST0132] (VirtualService edge/typo ${CLI}/folder/routes.yaml:17)`,
  ]);
  expect(result.status).toBe(1);
});

test('--output json prints a JSON array of {code, level, kind, name, namespace, message, sources}', () => {
  const input = `${ANALYSIS}/gateway-workload-invalid/input.yaml`;
  const result = run('analyze', '--output', 'json', `${ANALYSIS}/gateway-workload-invalid`);
  expect(JSON.parse(result.stdout)).toStrictEqual([
    { code: 'IST0101', level: 'Error', kind: 'Gateway', name: 'secure', namespace: 'edge', message: 'Referenced credentialName not found: "secure-cert"', sources: [`${input}:27`] },
    { code: 'IST0101', level: 'Error', kind: 'Gateway', name: 'storefront', namespace: 'edge', message: 'Referenced selector not found: "app=edge-gateway"', sources: [`${input}:3`] },
    {
      code: 'IST0162', level: 'Warning', kind: 'Gateway', name: 'admin', namespace: 'edge', sources: [`${input}:15`],
      message: 'The gateway is listening on a target port (port 8080) that is not defined in the Service associated with its workload instances (Pod selector istio=ingressgateway). If you need to access the gateway port through the gateway Service, it will not be available.',
    },
  ]);
  expect(result.status).toBe(1);
  expect(JSON.parse(run('analyze', '--output=json', `${ANALYSIS}/gateway-workload-valid`).stdout)).toEqual([]);
});

test('--no-default-gateway stops assuming the istio: ingressgateway workload', () => {
  const result = run('analyze', '--no-default-gateway', '-o', 'json', `${ANALYSIS}/duplicate-certificate-valid`);
  expect(JSON.parse(result.stdout).map((f: any) => `${f.code} ${f.name}: ${f.message}`)).toEqual([
    'IST0101 example-com: Referenced selector not found: "istio=ingressgateway"',
    'IST0101 partner: Referenced selector not found: "istio=ingressgateway"',
  ]);
  expect(result.status).toBe(1);
});

test('the default egress gateway is assumed too, unless --no-default-gateway is given', () => {
  expect(run('analyze', `${CLI}/egress-gateway`)).toEqual({ status: 0, stdout: 'No validation issues found when analyzing 1 objects.\n', stderr: '' });
  const result = run('analyze', '--no-default-gateway', `${CLI}/egress-gateway`);
  expect(result.stdout).toBe(`Error [IST0101] (Gateway istio-system/egress ${CLI}/egress-gateway/gateway.yaml:2) Referenced selector not found: "istio=egressgateway"\n`);
  expect(result.status).toBe(1);
});

test('--assume-hosts-and-secrets-exist stops reporting hosts and Secrets missing from the input, not a Secret in the wrong namespace', () => {
  const result = run('analyze', '--assume-hosts-and-secrets-exist', `${ANALYSIS}/virtualservice-destinations-invalid`);
  expect(result.stdout).not.toContain('Referenced host not found');
  expect(run('analyze', `${ANALYSIS}/virtualservice-destinations-invalid`).stdout).toContain('Referenced host not found');
  const secrets = run('analyze', '--assume-hosts-and-secrets-exist', `${ANALYSIS}/gateway-workload-invalid`);
  expect(secrets.stdout).toContain('Referenced credentialName not found: "secure-cert"');
});

test('lists what --assume-hosts-and-secrets-exist took on trust in one line on stderr, as synth does', () => {
  const result = run('analyze', '--assume-hosts-and-secrets-exist', '-o', 'json', `${ANALYSIS}/virtualservice-destinations-invalid`);
  const trusted = result.stderr.split('\n').filter((line) => line.includes('taken on trust'));
  expect(trusted).toEqual([expect.stringMatching(/^analyze: taken on trust, not defined in the input: \d+ hosts? \([^)]*\.svc\.cluster\.local/)]);
  expect(() => JSON.parse(result.stdout)).not.toThrow();
  expect(run('analyze', `${ANALYSIS}/virtualservice-destinations-invalid`).stderr).not.toContain('taken on trust');
});

test('exits 2 naming the file and line of unreadable YAML', () => {
  const result = run('analyze', `${CLI}/broken`);
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^error: test\/fixtures\/cli\/broken\/bad\.yaml:10: /);
});

test('exits 2 for a path that does not exist', () => {
  const result = run('analyze', `${CLI}/missing.yaml`);
  expect(result).toEqual({ status: 2, stdout: '', stderr: 'error: test/fixtures/cli/missing.yaml: no such file or folder\n' });
});

test.each([
  [['analyse', 'x.yaml'], /unknown command "analyse": expected "analyze"/],
  [['analyze', '--output', 'xml', 'x.yaml'], /invalid --output "xml": expected "text" or "json"/],
  [['analyze', '--strict', 'x.yaml'], /unknown option "--strict"/],
])('bad usage %j exits 2 with the reason and the usage', (args, reason) => {
  const result = run(...args);
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(reason);
  expect(result.stderr).toContain('usage: cdk8s-istio-gateways analyze');
});

test('--help prints the usage and exits 0', () => {
  const result = run('--help');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('usage: cdk8s-istio-gateways analyze [options] [PATH...]');
});

describe('--suppress CODE=RESOURCE, as istioctl takes it', () => {
  const input = `${ANALYSIS}/virtualservice-gateways-invalid/input.yaml`;
  const objectsOf = (stdout: string) => stdout.split('\n').filter((l) => l).map((l) => l.slice(0, l.indexOf(' test/')) + ')');

  test('leaves out the findings of that code about that object, named Kind name.namespace', () => {
    const result = run('analyze', '--suppress', 'IST0132=VirtualService shop.blog', input);
    expect(objectsOf(result.stdout)).toEqual([
      'Error [IST0101] (VirtualService edge/typo)',
      'Warning [IST0132] (VirtualService shop/edge)',
      'Warning [IST0132] (VirtualService edge/typo)',
    ]);
    expect(result.status).toBe(1);
  });

  test('matches * against any text, and can be repeated in either form', () => {
    const result = run('analyze', '-S', 'IST0132=VirtualService *', '--suppress=IST0101=VirtualService typo.*', input);
    expect(result).toEqual({ status: 0, stdout: 'No validation issues found when analyzing 4 objects.\n', stderr: '' });
  });

  test('a wildcard for the name keeps the namespace', () => {
    const result = run('analyze', '--suppress', 'IST0132=VirtualService *.shop', input);
    expect(objectsOf(result.stdout)).toEqual([
      'Error [IST0101] (VirtualService edge/typo)',
      'Warning [IST0132] (VirtualService blog/shop)',
      'Warning [IST0132] (VirtualService edge/typo)',
    ]);
  });

  test('leaves the findings of other codes about the object', () => {
    const result = run('analyze', '--suppress', 'IST0101=VirtualService shop.blog', input);
    expect(objectsOf(result.stdout)).toContain('Warning [IST0132] (VirtualService blog/shop)');
  });

  test('warns that a code the analysis never reports has no effect', () => {
    const result = run('analyze', '--suppress', 'IST0102=Namespace frod', input);
    expect(result.stderr).toBe('Warning: IST0102 is not a message code this analysis reports: --suppress IST0102=Namespace frod has no effect\n');
    expect(objectsOf(result.stdout)).toHaveLength(4);
  });

  test.each([
    ['IST0132', 'invalid --suppress "IST0132": expected CODE=RESOURCE'],
    ['IST0132=VirtualService a=b', 'invalid --suppress "IST0132=VirtualService a=b": expected CODE=RESOURCE'],
  ])('rejects %s', (value, message) => {
    const result = run('analyze', '--suppress', value, input);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  test('rejects --suppress without a value', () => {
    const result = run('analyze', input, '--suppress');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('invalid --suppress "": expected CODE=RESOURCE');
  });
});

test('two files of one input that define the same object are an Error (CIG0001)', () => {
  const result = run('analyze', `${CLI}/duplicates`);
  expect(result.stdout.split('\n').filter((line) => line.includes('CIG0001'))).toEqual([
    'Error [CIG0001] (DestinationRule shop/reviews test/fixtures/cli/duplicates/team-a.yaml:2, test/fixtures/cli/duplicates/team-b.yaml:2) Another DestinationRule.networking.istio.io named shop/reviews comes earlier in the input: applying both, this one replaces it, and only one takes effect.',
  ]);
  expect(result.status).toBe(1);
});

describe('names every input that holds an object of a finding', () => {
  const teams = `${CLI}/teams`;
  const collision = 'Another Gateway.networking.istio.io named istio-system/public comes earlier in the input: applying both, this one replaces it, and only one takes effect.';

  test('an object in two folders: the finding gives the file and line of each copy, in input order', () => {
    const result = run('analyze', `${teams}/team-a/synthesized`, `${teams}/team-b/synthesized`);
    expect(result.stdout).toBe(`Error [CIG0001] (Gateway istio-system/public ${teams}/team-a/synthesized/edge.yaml:2, ${teams}/team-b/synthesized/edge.yaml:12) ${collision}\n`);
    expect(result.status).toBe(1);
    expect(run('analyze', `${teams}/team-b/synthesized`, `${teams}/team-a/synthesized`).stdout)
      .toBe(`Error [CIG0001] (Gateway istio-system/public ${teams}/team-b/synthesized/edge.yaml:12, ${teams}/team-a/synthesized/edge.yaml:2) ${collision}\n`);
  });

  test('--output json gives the sources of each finding', () => {
    const result = run('analyze', '-o', 'json', `${teams}/team-a/synthesized`, `${teams}/team-b/synthesized`);
    expect(JSON.parse(result.stdout).map((f: any) => [f.code, f.sources])).toEqual([
      ['CIG0001', [`${teams}/team-a/synthesized/edge.yaml:2`, `${teams}/team-b/synthesized/edge.yaml:12`]],
    ]);
  });
});

describe('reads YAML as the API server does (sigs.k8s.io/yaml)', () => {
  test('a flow sequence of addresses with colons holds the addresses', () => {
    expect(run('analyze', `${CLI}/yaml/flow-addresses.yaml`)).toEqual({ status: 0, stdout: 'No validation issues found when analyzing 1 objects.\n', stderr: '' });
  });
});

describe('as people use istioctl analyze', () => {
  const input = `${ANALYSIS}/virtualservice-gateways-invalid/input.yaml`;
  const text = fs.readFileSync(path.join(__dirname, '..', '..', input), 'utf8');

  test('reads standard input for - and names it - in findings', () => {
    const result = runWithStdin(text, 'analyze', '-');
    expect(result.stdout.split('\n')[0]).toBe('Error [IST0101] (VirtualService edge/typo -:20) Referenced gateway not found: "pubic"');
    expect(result.status).toBe(1);
  });

  test('reads standard input when no PATH is given', () => {
    expect(runWithStdin(text, 'analyze').stdout).toBe(runWithStdin(text, 'analyze', '-').stdout);
    expect(runWithStdin('', 'analyze')).toEqual({ status: 0, stdout: 'No validation issues found when analyzing 0 objects.\n', stderr: '' });
  });

  test('prints a finding printed twice once (the same file given twice)', () => {
    expect(run('analyze', input, input).stdout).toBe(run('analyze', input).stdout);
  });

  test('warns on stderr, naming the file and line, of a key given twice, and keeps its last value as kubectl apply does', () => {
    const result = runWithStdin('apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: a\n  name: edge\n  namespace: edge\nspec:\n  selector: {app: nowhere}\n', 'analyze');
    expect(result.stderr).toBe('Warning: -:5: key "name" is given twice: the last value counts, as for kubectl apply\n');
    expect(result.stdout.split('\n')[0]).toBe('Error [IST0101] (Gateway edge/edge -:1) Referenced selector not found: "app=nowhere"');
  });

  test('names only the file of an object read from JSON, as istioctl does', () => {
    const result = run('analyze', `${CLI}/yaml/gateway.json`);
    expect(result.stdout).toBe(`Error [IST0101] (Gateway edge/storefront ${CLI}/yaml/gateway.json) Referenced selector not found: "app=edge-gateway"\n`);
  });

  test.each([
    ['Warning', 1],
    ['warning', 1],
    ['Info', 1],
    ['Error', 0],
  ])('--failure-threshold %s sets the exit status from the findings at that level or above', (level, status) => {
    const result = run('analyze', '--failure-threshold', level, `${ANALYSIS}/serviceentry-addresses-invalid`);
    expect(result.stdout).toMatch(/^Warning \[IST0134\]/);
    expect(result.status).toBe(status);
  });

  test('--output-threshold leaves out the lesser findings but not what they fail', () => {
    const result = run('analyze', '--output-threshold=Error', '--failure-threshold=Warning', `${ANALYSIS}/serviceentry-addresses-invalid`);
    expect(result).toEqual({ status: 1, stdout: 'No validation issues found when analyzing 3 objects.\n', stderr: '' });
    expect(run('analyze', '--output-threshold', 'Error', input).stdout.split('\n').filter((l) => l)).toHaveLength(1);
  });

  test.each(['--failure-threshold', '--output-threshold'])('%s takes only Info, Warning or Error', (flag) => {
    const result = run('analyze', flag, 'Fatal', input);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`invalid ${flag} "Fatal": expected Info, Warning, Error`);
  });
});

describe('the options istioctl analyze takes from the mesh and the release', () => {
  const defaultGatewayUser = 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: edge\n  namespace: edge\nspec:\n  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["shop.example.com"]\n';
  const relativeWeights = [
    'apiVersion: networking.istio.io/v1', 'kind: VirtualService', 'metadata:', '  name: shop', '  namespace: shop', 'spec:', '  hosts: [shop]', '  http:',
    '  - route:', '    - destination: {host: shop-v1}', '      weight: 3', '    - destination: {host: shop-v2}', '      weight: 1', '',
  ].join('\n');

  test('--meshConfigFile with ingressControllerMode OFF assumes no default ingress gateway', () => {
    expect(runWithStdin(defaultGatewayUser, 'analyze').status).toBe(0);
    const result = runWithStdin(defaultGatewayUser, 'analyze', '--meshConfigFile', `${CLI}/mesh-config/ingress-off.yaml`);
    expect(result.stdout).toBe('Error [IST0101] (Gateway edge/edge -:1) Referenced selector not found: "istio=ingressgateway"\n');
    expect(result.status).toBe(1);
  });

  test('a mesh config that cannot be read is unreadable input, named by its file', () => {
    const result = runWithStdin(defaultGatewayUser, 'analyze', `--meshConfigFile=${CLI}/mesh-config/bad.yaml`);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^error: ${CLI}/mesh-config/bad.yaml: .*ingressControllerMode`));
    expect(runWithStdin(defaultGatewayUser, 'analyze', '--meshConfigFile', `${CLI}/mesh-config/missing.yaml`).status).toBe(2);
  });

  test('--istio-version judges by that release: relative weights are refused before 1.15', () => {
    expect(runWithStdin(relativeWeights, 'analyze', '--assume-hosts-and-secrets-exist').status).toBe(0);
    expect(runWithStdin(relativeWeights, 'analyze', '--assume-hosts-and-secrets-exist', '--istio-version', '1.15').status).toBe(0);
    const old = runWithStdin(relativeWeights, 'analyze', '--assume-hosts-and-secrets-exist', '--istio-version=1.14.6');
    expect(old.stdout).toMatch(/^Error \[IST0106\] \(VirtualService shop\/shop -:1\) .*weight/);
    expect(old.status).toBe(1);
  });

  test.each(['1.9', 'latest', ''])('--istio-version %p is bad usage', (version) => {
    const result = run('analyze', '--istio-version', version, `${CLI}/folder`);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`invalid --istio-version ${JSON.stringify(version)}`);
  });
});
