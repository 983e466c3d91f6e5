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

// Runs after `npm run build` (npm test does it first): packs lib/ as npm would publish it.
describe('the packed tarball', () => {
  let work: string;
  let tarball: string;

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'consumer-'));
    const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT));
    tarball = path.join(work, packed[0].filename);
  });

  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('ships compiled JavaScript and declarations, not TypeScript sources or tests', () => {
    const files: string[] = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT))[0].files.map((f: any) => f.path);
    expect(files).toContain('lib/src/index.js');
    expect(files).toContain('lib/src/index.d.ts');
    expect(files).toContain('lib/imports/networking.istio.io.js');
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('lib/test') || f.startsWith('lib/examples'))).toEqual([]);
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
