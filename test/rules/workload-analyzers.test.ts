import { analyze } from '../../src/rules/analyze';
import { formatFinding, KubeObject } from '../../src/rules/finding';

function linesOf(objects: KubeObject[], code: string): string[] {
  return analyze(objects).filter((f) => f.code === code).map(formatFinding);
}

const serviceEntry = (name: string, namespace: string, protocol: string | undefined, exportTo?: string[]): KubeObject => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'ServiceEntry',
  metadata: { name, namespace },
  spec: { hosts: ['api.example.com'], addresses: ['10.0.0.1'], location: 'MESH_EXTERNAL', resolution: 'DNS', ...(exportTo ? { exportTo } : {}), ports: [{ number: 8443, name: 'p', ...(protocol ? { protocol } : {}) }] },
});

describe('IST0177 ConflictingServiceEntryProtocol', () => {
  test('reports each ServiceEntry of a conflict once, naming all of them and their protocols', () => {
    expect(linesOf([serviceEntry('a', 'shop', 'HTTPS'), serviceEntry('b', 'shop', 'TLS'), serviceEntry('c', 'edge', 'tls')], 'IST0177')).toEqual([
      'Warning [IST0177] (ServiceEntry edge/c) Multiple ServiceEntries (edge/c, shop/a, shop/b) define the same host "api.example.com" and port 8443 with conflicting protocols (HTTPS, TLS).',
      'Warning [IST0177] (ServiceEntry shop/a) Multiple ServiceEntries (edge/c, shop/a, shop/b) define the same host "api.example.com" and port 8443 with conflicting protocols (HTTPS, TLS).',
      'Warning [IST0177] (ServiceEntry shop/b) Multiple ServiceEntries (edge/c, shop/a, shop/b) define the same host "api.example.com" and port 8443 with conflicting protocols (HTTPS, TLS).',
    ]);
  });

  test('entries exported to a namespace meet those exported to every namespace, not those exported elsewhere', () => {
    expect(linesOf([serviceEntry('a', 'shop', 'HTTPS', ['.']), serviceEntry('b', 'edge', 'HTTP', ['edge'])], 'IST0177')).toEqual([]);
    expect(linesOf([serviceEntry('a', 'shop', 'HTTPS', ['.']), serviceEntry('b', 'edge', 'HTTP', ['shop'])], 'IST0177')).toHaveLength(2);
    expect(linesOf([serviceEntry('a', 'shop', 'HTTPS', ['.']), serviceEntry('b', 'edge', 'HTTP', ['*', 'edge'])], 'IST0177')).toHaveLength(2);
  });

  test('a port without protocol conflicts with one that has a protocol', () => {
    expect(linesOf([serviceEntry('a', 'shop', undefined), serviceEntry('b', 'shop', 'HTTP')], 'IST0177')).toHaveLength(2);
    expect(linesOf([serviceEntry('a', 'shop', undefined), serviceEntry('b', 'shop', undefined)], 'IST0177')).toEqual([]);
  });
});

describe('IST0118 and IST0150 Service port names', () => {
  const service = (ports: object[], extra: object = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports, ...extra } });

  test('reads the protocol from appProtocol first, else the name up to its first dash', () => {
    expect(linesOf([service([{ port: 80, name: 'http-web' }, { port: 81, name: 'web', appProtocol: 'HTTP' }, { port: 82, name: 'grpc-web' }])], 'IST0118')).toEqual([]);
    expect(linesOf([service([{ port: 80, name: 'web-http' }])], 'IST0118')).toEqual([
      'Info [IST0118] (Service shop/web) Port name web-http (port: 80, targetPort: 0) doesn\'t follow the naming convention of Istio port.',
    ]);
  });

  test('an ExternalName Service is reported with IST0150 instead, also for a port named tcp', () => {
    expect(linesOf([service([{ port: 443, name: 'tcp' }, { port: 444 }], { type: 'ExternalName', externalName: 'a.example.com' })], 'IST0150')).toHaveLength(2);
    expect(linesOf([service([{ port: 443, name: 'tcp' }])], 'IST0118')).toEqual([]);
  });

  test('objects in the namespaces istioctl does not read take no part in the analysis', () => {
    const inKubeSystem: KubeObject = { ...service([{ port: 80 }]), metadata: { name: 'web', namespace: 'kube-system' } };
    expect(analyze([inKubeSystem])).toEqual([]);
  });
});

describe('IST0144 InvalidApplicationUID', () => {
  const pod = (spec: object, labels: { [key: string]: string } = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app', namespace: 'shop', labels }, spec });

  test('is reported once per object, however many places set UID 1337', () => {
    expect(linesOf([pod({ securityContext: { runAsUser: 1337 }, containers: [{ name: 'a', securityContext: { runAsUser: 1337 } }] })], 'IST0144')).toEqual([
      'Warning [IST0144] (Pod shop/app) User ID (UID) 1337 is reserved for the sidecar proxy.',
    ]);
  });

  test('skips Istio\'s containers and the control plane, and reads no other user', () => {
    expect(linesOf([pod({ containers: [{ name: 'istio-proxy', securityContext: { runAsUser: 1337 } }, { name: 'a', securityContext: { runAsUser: 1338 } }] })], 'IST0144')).toEqual([]);
    expect(linesOf([pod({ securityContext: { runAsUser: 1337 } }, { release: 'istio' })], 'IST0144')).toEqual([]);
  });
});
