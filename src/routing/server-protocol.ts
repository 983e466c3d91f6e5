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
