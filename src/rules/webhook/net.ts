import { isIP } from 'net';

const UNIX_PREFIX = 'unix://';
const MAX_PORT = 65535;

/** True when `value` is an IPv4 or IPv6 address. */
export function isIpAddress(value: string): boolean {
  return isIP(value) !== 0;
}

/** Why `value` is not an IP address, or undefined. */
export function ipAddressProblem(value: string): string | undefined {
  return isIpAddress(value) ? undefined : `"${value}" is not a valid IP address`;
}

/** Why `value` is neither an IP address nor a CIDR block such as `10.0.0.0/8`, or undefined. */
export function ipSubnetProblem(value: string): string | undefined {
  const slash = value.indexOf('/');
  if (slash < 0) {
    return ipAddressProblem(value);
  }
  const address = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  const family = isIP(address);
  const maxBits = family === 6 ? 128 : 32;
  if (family === 0 || !/^[0-9]{1,3}$/.test(bits) || Number(bits) > maxBits) {
    return `"${value}" is not a valid CIDR block`;
  }
  return undefined;
}

/** Why `port` is not a port number from 1 to 65535, or undefined. */
export function portProblem(port: unknown): string | undefined {
  if (typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= MAX_PORT) {
    return undefined;
  }
  return port === undefined || port === null ? 'a port number from 1 to 65535 is required' : `port number ${JSON.stringify(port)} must be in the range 1..65535`;
}

/** True when `address` names a unix domain socket (`unix:///path` or `unix://@abstract`). */
export function isUnixAddress(address: string): boolean {
  return address.startsWith(UNIX_PREFIX);
}

/** Why the socket path of a `unix://` address is not an absolute file path or an abstract name, or undefined. */
export function unixAddressProblem(address: string): string | undefined {
  const path = address.slice(UNIX_PREFIX.length);
  if (path.length === 0) {
    return 'unix address must not be empty';
  }
  if (path.startsWith('@')) {
    return undefined;
  }
  if (!path.startsWith('/') || path.endsWith('/')) {
    return `"${path}" is not an absolute path to a file`;
  }
  return undefined;
}
