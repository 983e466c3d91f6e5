import { IConstruct } from 'constructs';
import { invalidInput } from '../private/errors';
import { validatePortNumber } from '../private/names';
import { isDns1123Label } from '../rules/webhook/kubernetes-names';

/** The transport protocol of a gateway Service port. */
export enum PortProtocol {
  /** TCP, which carries HTTP, HTTPS, gRPC and TLS. */
  TCP = 'TCP',
  /** UDP. */
  UDP = 'UDP',
}

/** A port the gateway workload's Service exposes. */
export interface GatewayPort {
  /**
   * The port name, unique on the gateway. Istio reads the protocol from a prefix such as
   * `http`, `http2`, `https`, `tcp` or `tls`.
   */
  readonly name: string;

  /** The Service port: what Gateway servers listen on and clients connect to. */
  readonly port: number;

  /**
   * The port the Envoy container listens on.
   * @default - the same as `port`
   */
  readonly targetPort?: number;

  /**
   * The transport protocol.
   * @default PortProtocol.TCP
   */
  readonly protocol?: PortProtocol;
}

/** A gateway port with every default applied. */
export interface ResolvedGatewayPort {
  /** The port name, unique on the gateway. */
  readonly name: string;
  /** The Service port. */
  readonly port: number;
  /** The port the Envoy container listens on. */
  readonly targetPort: number;
  /** The transport protocol. */
  readonly protocol: PortProtocol;
}

/**
 * Checks a gateway's ports and applies their defaults: each port valid, names and numbers unique.
 */
export function resolveGatewayPorts(scope: IConstruct, field: string, ports: readonly GatewayPort[]): ResolvedGatewayPort[] {
  const names = new Set<string>();
  const numbers = new Set<number>();
  return ports.map((p, i) => {
    const at = `${field}[${i}]`;
    if (!isDns1123Label(p.name)) {
      throw invalidInput(scope, `${at}.name`, p.name, 'expected a DNS-1123 label such as "http" or "https-443"');
    }
    if (names.has(p.name)) {
      throw invalidInput(scope, `${at}.name`, p.name, 'port names must be unique on a gateway');
    }
    validatePortNumber(scope, `${at}.port`, p.port);
    if (numbers.has(p.port)) {
      throw invalidInput(scope, `${at}.port`, p.port, 'port numbers must be unique on a gateway');
    }
    const targetPort = p.targetPort ?? p.port;
    validatePortNumber(scope, `${at}.targetPort`, targetPort);
    names.add(p.name);
    numbers.add(p.port);
    return { name: p.name, port: p.port, targetPort, protocol: p.protocol ?? PortProtocol.TCP };
  });
}
