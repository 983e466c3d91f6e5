/** The protocol a Gateway server speaks on its port. */
export enum ServerProtocol {
  /** HTTP/1.1, and HTTP/2 with prior knowledge. */
  HTTP = 'HTTP',
  /** HTTP/2. */
  HTTP2 = 'HTTP2',
  /** gRPC. */
  GRPC = 'GRPC',
  /** Opaque TCP, routed by port. */
  TCP = 'TCP',
  /** HTTPS: TLS that the gateway terminates or passes through, with HTTP inside. */
  HTTPS = 'HTTPS',
  /** TLS carrying any protocol, routed by the SNI of the client's handshake. */
  TLS = 'TLS',
}

/** True when routes on a server of `protocol` are HTTP routes rather than TCP routes. */
export function isHttpProtocol(protocol: ServerProtocol): boolean {
  return protocol !== ServerProtocol.TCP;
}
