import * as path from 'path';
import { Testing } from 'cdk8s';
import * as ts from 'typescript';
import { Backend, IngressGateway, PathMatch, RouteDestination, ServerProtocol, ServerTls, ServiceSubsets, StringMatch, TlsMode, TlsVersion } from '../../src';

/**
 * Issue 12: the routing value objects' public `bind()` methods return config structs of the
 * library's own, never the generated L1 types, and take no error-reporting parameters (the prop
 * that holds a value object is named in errors by internal helpers). Read from the type checker,
 * so that a new value object or a changed signature is held to the same rule.
 */
const ROOT = path.join(__dirname, '..', '..');
const IMPORTS = path.join(ROOT, 'imports');
const ERROR_CONTEXT_PARAMETERS = ['field', 'requester', 'owner'];

interface PublicBind {
  readonly owner: string;
  readonly returns: string;
  readonly returnsGenerated: boolean;
  readonly parameters: string[];
}

/** The public `bind` methods of the classes `src/index.ts` exports from `src/routing`. */
function routingBinds(): PublicBind[] {
  const program = ts.createProgram([path.join(ROOT, 'src', 'index.ts')], { strict: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS });
  const checker = program.getTypeChecker();
  const index = checker.getSymbolAtLocation(program.getSourceFile(path.join(ROOT, 'src', 'index.ts'))!)!;
  const binds: PublicBind[] = [];
  for (const exported of checker.getExportsOfModule(index)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.find(ts.isClassDeclaration);
    if (declaration === undefined || !declaration.getSourceFile().fileName.includes(`${path.sep}src${path.sep}routing${path.sep}`)) {
      continue;
    }
    const bind = checker.getDeclaredTypeOfSymbol(symbol).getProperty('bind');
    if (bind === undefined) {
      continue;
    }
    for (const signature of checker.getTypeOfSymbol(bind).getCallSignatures()) {
      const returnType = checker.getReturnTypeOfSignature(signature);
      const returnDeclaration = returnType.getSymbol()?.declarations?.[0];
      binds.push({
        owner: symbol.name,
        returns: checker.typeToString(returnType),
        returnsGenerated: returnDeclaration !== undefined && path.resolve(returnDeclaration.getSourceFile().fileName).startsWith(IMPORTS),
        parameters: signature.getParameters().map((p) => p.name),
      });
    }
  }
  return binds;
}

const BINDS = routingBinds();

test('the value objects with a public bind are found', () => {
  expect(BINDS.map((b) => b.owner).sort()).toEqual(expect.arrayContaining(['Backend', 'PathMatch', 'RouteDestination', 'ServerTls', 'StringMatch']));
});

test.each(BINDS.map((b) => [b.owner, b] as const))('%s.bind returns a config struct of the library, not a generated L1 type', (_owner, bind) => {
  expect({ returns: bind.returns, generated: bind.returnsGenerated }).toEqual({ returns: expect.stringMatching(/Config$/), generated: false });
});

test.each(BINDS.map((b) => [b.owner, b] as const))('%s.bind takes no error-reporting parameters', (_owner, bind) => {
  expect(bind.parameters.filter((p) => ERROR_CONTEXT_PARAMETERS.includes(p))).toEqual([]);
});

describe('what the public binds return', () => {
  function setup() {
    const chart = Testing.chart();
    const gateway = new IngressGateway(chart, 'edge', { namespace: 'istio-system', ports: [{ name: 'https', port: 443 }] });
    return { chart, gateway };
  }

  test('StringMatch and PathMatch: the one field of their kind', () => {
    expect([StringMatch.exact('a').bind(), StringMatch.prefix('b').bind(), StringMatch.regex('c+').bind()]).toStrictEqual([{ exact: 'a' }, { prefix: 'b' }, { regex: 'c+' }]);
    expect([PathMatch.exact('/a').bind(), PathMatch.prefix('/b/').bind(), PathMatch.regex('/c+').bind()]).toStrictEqual([{ exact: '/a' }, { prefix: '/b/' }, { regex: '/c+' }]);
  });

  test('RouteDestination: the backend\'s host and port, and the subset', () => {
    const { chart } = setup();
    const backend = Backend.fromHost('web.shop.svc.cluster.local', 8080);
    const subsets = new ServiceSubsets(chart, 'web', { backend });
    subsets.addSubset('v1', { version: 'v1' });
    expect(RouteDestination.to(backend).bind(chart)).toStrictEqual({ host: 'web.shop.svc.cluster.local', port: 8080, subset: undefined });
    expect(RouteDestination.toSubset(subsets, 'v1').bind(chart)).toStrictEqual({ host: 'web.shop.svc.cluster.local', port: 8080, subset: 'v1' });
  });

  test('ServerTls: the mode, the credential and the versions in the library\'s terms', () => {
    const { chart, gateway } = setup();
    expect(ServerTls.mutual({ credentialName: 'shop-cert', subjectAltNames: ['client.example.com'], maxProtocolVersion: TlsVersion.TLSV1_3 }).bind(chart, gateway)).toStrictEqual({
      mode: TlsMode.MUTUAL, credentialName: 'shop-cert', subjectAltNames: ['client.example.com'],
      minProtocolVersion: TlsVersion.TLSV1_2, maxProtocolVersion: TlsVersion.TLSV1_3, cipherSuites: undefined,
    });
    expect(ServerTls.passthrough().bind(chart, gateway)).toStrictEqual({ mode: TlsMode.PASSTHROUGH });
    expect(ServerTls.istioMutual().bind(chart, gateway)).toStrictEqual({ mode: TlsMode.ISTIO_MUTUAL, minProtocolVersion: TlsVersion.TLSV1_2, maxProtocolVersion: undefined, cipherSuites: undefined });
  });

  test('called directly, a bind names the value object\'s own field in its error; through a construct, the prop that holds it', () => {
    const { chart, gateway } = setup();
    expect(() => Backend.fromHost('web.shop.svc.cluster.local', 0).bind(chart)).toThrow(/^invalid port 0: /);
    const web = gateway.expose('web', { hosts: ['shop.example.com'], port: 443, protocol: ServerProtocol.TLS, tls: ServerTls.passthrough() });
    web.addTlsRoute({ sniHosts: ['shop.example.com'], destinations: [RouteDestination.to(Backend.fromHost('web.shop.svc.cluster.local', 0))] });
    expect(() => Testing.synth(chart)).toThrow(/test\/edge\/web: invalid tlsRoutes\[0\]\.destinations\[0\]\.port 0: /);
  });
});
