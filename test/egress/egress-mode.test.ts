import { EgressMode, EgressModeKind } from '../../src';

describe('EgressMode', () => {
  test('http and tlsPassthrough carry no TLS settings', () => {
    expect([EgressMode.http().kind, EgressMode.http().tlsPort, EgressMode.http().sni]).toEqual([EgressModeKind.HTTP, undefined, undefined]);
    const passthrough = EgressMode.tlsPassthrough();
    expect([passthrough.kind, passthrough.tlsPort, passthrough.sni]).toEqual([EgressModeKind.TLS_PASSTHROUGH, undefined, undefined]);
  });

  test('originateTls defaults to port 443 and leaves the SNI to the route', () => {
    const mode = EgressMode.originateTls();
    expect([mode.kind, mode.tlsPort, mode.sni]).toEqual([EgressModeKind.ORIGINATE_TLS, 443, undefined]);
  });

  test('originateTls keeps the port and SNI given', () => {
    const mode = EgressMode.originateTls({ port: 8443, sni: 'edge.example.com' });
    expect([mode.kind, mode.tlsPort, mode.sni]).toEqual([EgressModeKind.ORIGINATE_TLS, 8443, 'edge.example.com']);
  });
});
