/** The port protocols Istio knows, upper-cased; matching is case-insensitive. */
const KNOWN = new Set(['TCP', 'UDP', 'GRPC', 'GRPC-WEB', 'HTTP', 'HTTP_PROXY', 'HTTP2', 'HTTPS', 'TLS', 'MONGO', 'REDIS', 'MYSQL']);
const HTTP = new Set(['HTTP', 'HTTP2', 'HTTP_PROXY', 'GRPC', 'GRPC-WEB']);
const TLS = new Set(['HTTPS', 'TLS']);

/** True when Istio knows the protocol name. */
export function isKnownProtocol(protocol: string): boolean {
  return KNOWN.has(protocol.toUpperCase());
}

/** True for the protocols Istio routes as HTTP (HTTP, HTTP2, gRPC ...). */
export function isHttpProtocol(protocol: string): boolean {
  return HTTP.has(protocol.toUpperCase());
}

/** True for HTTPS and TLS. */
export function isTlsProtocol(protocol: string): boolean {
  return TLS.has(protocol.toUpperCase());
}

/** Why a port protocol is unknown, or undefined; the empty protocol means "detect it". */
export function protocolProblem(protocol: string): string | undefined {
  return protocol === '' || isKnownProtocol(protocol) ? undefined : `unsupported protocol "${protocol}"`;
}
