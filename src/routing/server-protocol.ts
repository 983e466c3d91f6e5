/** The protocol a Gateway server speaks on its port. */
export enum ServerProtocol {
  /** HTTP/1.1, and HTTP/2 with prior knowledge. */
  HTTP = 'HTTP',
  /** HTTPS: HTTP over TLS, terminated at the gateway or passed through by SNI. */
  HTTPS = 'HTTPS',
  /** HTTP/2. */
  HTTP2 = 'HTTP2',
  /** gRPC. */
  GRPC = 'GRPC',
  /** Opaque TCP, routed by port. */
  TCP = 'TCP',
  /** TLS carrying any protocol, terminated at the gateway or passed through by SNI. */
  TLS = 'TLS',
}

/** True when routes on a server of `protocol` are HTTP routes rather than TCP routes. */
export function isHttpProtocol(protocol: ServerProtocol): boolean {
  return protocol !== ServerProtocol.TCP && protocol !== ServerProtocol.TLS;
}

/** True when a server of `protocol` speaks TLS to its clients and so needs TLS settings. */
export function isTlsProtocol(protocol: ServerProtocol): boolean {
  return protocol === ServerProtocol.HTTPS || protocol === ServerProtocol.TLS;
}
