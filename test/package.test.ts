import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

const ROOT = path.resolve(__dirname, '..');

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
}

function installedVersion(pkg: string): string {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** The files the README's consumer quick start shows, by name: `<!-- consumer: NAME -->` blocks. */
function consumerQuickStart(): Map<string, string> {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return new Map([...readme.matchAll(/<!-- consumer: (\S+) -->\n```[^\n]*\n([\s\S]*?)```/g)].map((m) => [m[1], m[2]]));
}

// Runs after `npm run build` (npm test does it first; jsii writes .jsii): packs the package as
// `npm run package` publishes it.
describe('the packed tarball', () => {
  let work: string;
  let tarball: string;

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'consumer-'));
    tarball = run(process.execPath, [path.join(ROOT, 'scripts', 'package.js'), work], ROOT).trim();
  });

  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('ships compiled JavaScript, declarations and the jsii assembly, with its non-jsii dependencies bundled', () => {
    const files = run('tar', ['tzf', tarball], work).split('\n').filter((f) => f !== '').map((f) => f.replace(/^package\//, ''));
    expect(files).toEqual(expect.arrayContaining([
      'lib/src/index.js', 'lib/src/index.d.ts', 'lib/imports/networking.istio.io.js', '.jsii', 'README.md', 'LICENSE',
      'node_modules/yaml/package.json', 'node_modules/re2js/package.json', 'node_modules/@bufbuild/cel/package.json', 'node_modules/@bufbuild/protobuf/package.json',
    ]));
    const own = files.filter((f) => !f.startsWith('node_modules/'));
    expect(own.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(own.filter((f) => !f.startsWith('lib/src/') && !f.startsWith('lib/imports/')).sort()).toEqual(['.jsii', 'LICENSE', 'README.md', 'package.json']);
  });

  test('carries a manifest without development-only fields, mermaid as an optional peer', () => {
    const manifest = JSON.parse(run('tar', ['xzfO', tarball, 'package/package.json'], work));
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.bundledDependencies).toEqual(['@bufbuild/cel', '@bufbuild/protobuf', 're2js', 'yaml']);
    expect(Object.keys(manifest.peerDependencies)).toEqual(['cdk8s', 'cdk8s-plus-27', 'constructs', 'mermaid']);
    expect(manifest.peerDependenciesMeta).toStrictEqual({ mermaid: { optional: true } });
    expect(manifest.main).toBe('lib/src/index.js');
  });

  test("the README's consumer quick start installs the tarball and synthesizes with ts-node", () => {
    const app = path.join(work, 'quick-start');
    fs.mkdirSync(app);
    const files = consumerQuickStart();
    expect([...files.keys()].sort()).toEqual(['cdk8s.yaml', 'main.ts', 'package.json', 'tsconfig.json']);
    for (const [name, text] of files) {
      fs.writeFileSync(path.join(app, name), text);
    }
    const manifest = JSON.parse(files.get('package.json')!);
    expect(manifest.dependencies['cdk8s-istio-gateways']).toBe(`file:../cdk8s-istio-gateways/dist-pkg/${path.basename(tarball)}`);
    expect(manifest.devDependencies.typescript).toMatch(/^~5\./);
    // The README's path points into a clone beside the app; the test's clone is elsewhere.
    manifest.dependencies['cdk8s-istio-gateways'] = `file:${tarball}`;
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify(manifest));

    run('npm', ['install', '--prefer-offline', '--no-package-lock'], app);
    run('npx', ['--no-install', 'cdk8s', 'synth', '--no-check-upgrade'], app);

    const objects = parseAllDocuments(fs.readFileSync(path.join(app, 'dist', 'shop.k8s.yaml'), 'utf8')).map((d) => d.toJS());
    expect(objects.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'MeshGateway shop/edge', 'Gateway shop/storefront', 'VirtualService shop/storefront',
    ]);
    const [meshGateway, gateway, virtualService] = objects;
    expect(gateway.spec.selector).toStrictEqual({ 'gateway-name': meshGateway.metadata.name, 'gateway-type': 'ingress' });
    expect(virtualService.spec.gateways).toEqual([gateway.metadata.name]);
    expect(virtualService.spec.http[0].route[0].destination).toStrictEqual({ host: 'storefront.shop.svc.cluster.local', port: { number: 8080 } });
  });

  test('installs into a separate cdk8s app that compiles against it and synthesizes', () => {
    const app = path.join(work, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({
      name: 'consumer',
      private: true,
      dependencies: {
        'cdk8s-istio-gateways': `file:${tarball}`,
        'cdk8s': installedVersion('cdk8s'),
        'cdk8s-plus-27': installedVersion('cdk8s-plus-27'),
        'constructs': installedVersion('constructs'),
      },
    }));
    fs.copyFileSync(path.join(__dirname, 'consumer', 'main.ts'), path.join(app, 'main.ts'));
    fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2020', module: 'commonjs', strict: true, esModuleInterop: true, skipLibCheck: false, types: [] },
      files: ['main.ts'],
    }));
    fs.writeFileSync(path.join(app, 'cdk8s.yaml'), 'language: typescript\napp: node main.js\n');

    run('npm', ['install', '--prefer-offline', '--no-package-lock'], app);
    run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], app);
    run(process.execPath, [path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s'), 'synth', '--no-check-upgrade'], app);

    const objects = parseAllDocuments(fs.readFileSync(path.join(app, 'dist', 'consumer.k8s.yaml'), 'utf8')).map((d) => d.toJS());
    expect(objects.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name}`)).toEqual([
      'istio.banzaicloud.io/v1beta1 MeshGateway shop-ingress',
      'networking.istio.io/v1 Gateway storefront',
      'networking.istio.io/v1 VirtualService storefront',
      'networking.istio.io/v1beta1 ServiceEntry raw',
    ]);
    expect(objects[1].spec.selector).toStrictEqual({ 'gateway-name': 'shop-ingress', 'gateway-type': 'ingress' });
    const kindObjects = (kind: string) => parseAllDocuments(fs.readFileSync(path.join(app, 'dist', `consumer-${kind}.k8s.yaml`), 'utf8')).map((d) => d.toJS());
    const cisco = kindObjects('istio-mesh-gateway');
    expect(cisco.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name}`)).toEqual([
      'servicemesh.cisco.com/v1alpha1 IstioMeshGateway shop-ingress',
      'networking.istio.io/v1 Gateway storefront',
      'networking.istio.io/v1 VirtualService storefront',
    ]);
    expect(cisco[1].spec.selector).toStrictEqual({ 'gateway-name': 'shop-ingress', 'gateway-type': 'ingress' });
    const injected = kindObjects('injected');
    expect(injected.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name}`)).toEqual([
      'v1 ServiceAccount shop-ingress',
      'rbac.authorization.k8s.io/v1 Role shop-ingress',
      'rbac.authorization.k8s.io/v1 RoleBinding shop-ingress',
      'apps/v1 Deployment shop-ingress',
      'v1 Service shop-ingress',
      'autoscaling/v2 HorizontalPodAutoscaler shop-ingress',
      'networking.istio.io/v1 Gateway storefront',
      'networking.istio.io/v1 VirtualService storefront',
    ]);
    expect(injected[6].spec.selector).toStrictEqual({ app: 'shop-ingress', istio: 'shop-ingress' });

    // The package's bin, as `npx cdk8s-istio-gateways analyze` runs it after install.
    const analyzeCli = (...args: string[]) => spawnSync('npx', ['--no-install', 'cdk8s-istio-gateways', 'analyze', ...args], { cwd: app, encoding: 'utf8' });
    const clean = analyzeCli('--assume-hosts-and-secrets-exist', 'dist');
    expect({ status: clean.status, stdout: clean.stdout }).toEqual({ status: 0, stdout: 'No validation issues found when analyzing 15 objects.\n' });
    fs.writeFileSync(path.join(app, 'broken.yaml'), [
      'apiVersion: networking.istio.io/v1beta1',
      'kind: VirtualService',
      'metadata: { name: orphan, namespace: shop }',
      'spec: { hosts: [orphan.example.com], gateways: [missing], http: [{ route: [{ destination: { host: orphan.shop.svc.cluster.local } }] }] }',
      '',
    ].join('\n'));
    const broken = analyzeCli('--assume-hosts-and-secrets-exist', 'broken.yaml');
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('Error [IST0101] (VirtualService shop/orphan broken.yaml:1) Referenced gateway not found: "missing"');
  });
});
