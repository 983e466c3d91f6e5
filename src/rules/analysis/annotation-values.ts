import { isIP } from 'net';

/**
 * The checks the sidecar injector makes of the values of its annotations (Istio's
 * `pkg/kube/inject` validation), each giving why a value is refused, or undefined. Only
 * `proxy.istio.io/config` is not checked: its value is a whole ProxyConfig, which the injector
 * validates field by field.
 */

const MAX_UINT16 = 65535;
const MAX_UINT32 = 4294967295;
const INTERCEPTION_MODES: ReadonlySet<string> = new Set(['REDIRECT', 'TPROXY', 'NONE']);
const BOOLEANS: ReadonlySet<string> = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);
const INTERFACE_NAME = /^[a-zA-Z][a-zA-Z0-9_.-]*$/;
const MAX_INTERFACE_NAME = 15;
/** A Kubernetes resource quantity: a decimal number and a binary or decimal suffix or an exponent. */
const QUANTITY = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;
/** Go's `unicode.IsControl`: C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

type Check = (value: string) => string | undefined;

/** Go's `strconv.ParseUint(value, 10, bits)` with the largest value of `bits`. */
function unsignedProblem(value: string, max: number): string | undefined {
  if (!/^[0-9]+$/.test(value)) {
    return `strconv.ParseUint: parsing ${JSON.stringify(value)}: invalid syntax`;
  }
  return Number(value) > max ? `strconv.ParseUint: parsing ${JSON.stringify(value)}: value out of range` : undefined;
}

function portProblem(port: string): string | undefined {
  const problem = unsignedProblem(port.trim(), MAX_UINT16);
  return problem === undefined ? undefined : `failed parsing port '${port}': ${problem}`;
}

/** `check`, its answer after `prefix`, as the injector names the parameter that is wrong. */
function prefixed(prefix: string, check: Check): Check {
  return (value) => {
    const problem = check(value);
    return problem === undefined ? undefined : `${prefix}: ${problem}`;
  };
}

/** A comma-separated list of ports; an empty list is allowed. */
function portListProblem(ports: string): string | undefined {
  const trimmed = ports.trim();
  if (trimmed === '') {
    return undefined;
  }
  for (const port of trimmed.split(',')) {
    const problem = portProblem(port);
    if (problem !== undefined) {
      return `failed parsing port '${port}': ${problem}`;
    }
  }
  return undefined;
}

/** Go's `netip.ParsePrefix`: an address without zone, `/`, and a prefix length in range without leading zeros. */
function cidrProblem(cidr: string): string | undefined {
  const slash = cidr.lastIndexOf('/');
  const address = slash < 0 ? '' : cidr.slice(0, slash);
  const bits = slash < 0 ? '' : cidr.slice(slash + 1);
  const family = address.includes('%') ? 0 : isIP(address);
  if (slash < 0 || family === 0 || !/^(0|[1-9][0-9]*)$/.test(bits) || Number(bits) > (family === 4 ? 32 : 128)) {
    return `failed parsing cidr '${cidr}': not an address and prefix length such as 10.0.0.0/8`;
  }
  return undefined;
}

/** A comma-separated list of CIDR blocks; an empty list is allowed. */
function cidrListProblem(cidrs: string): string | undefined {
  return cidrs === '' ? undefined : cidrs.split(',').map(cidrProblem).find((p) => p !== undefined);
}

function interfaceNamesProblem(interfaces: string): string | undefined {
  if (interfaces === '') {
    return undefined;
  }
  for (const name of interfaces.split(',').map((n) => n.trim())) {
    if (name === '') {
      return 'empty interface name';
    }
    if (name.length > MAX_INTERFACE_NAME) {
      return `interface name ${JSON.stringify(name)} too long (max ${MAX_INTERFACE_NAME} chars)`;
    }
    if (!INTERFACE_NAME.test(name)) {
      return `interface name ${JSON.stringify(name)} contains invalid characters`;
    }
  }
  return undefined;
}

function quantityProblem(value: string): string | undefined {
  if (CONTROL.test(value)) {
    return 'value contains control characters';
  }
  return QUANTITY.test(value) ? undefined : "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
}

const uint32: Check = (value) => unsignedProblem(value, MAX_UINT32);

/** The checks of the annotations whose values the injector checks, by annotation name. */
export const ANNOTATION_VALUE_CHECKS: ReadonlyMap<string, Check> = new Map<string, Check>([
  ['sidecar.istio.io/interceptionMode', (mode) => (INTERCEPTION_MODES.has(mode) ? undefined : `interceptionMode invalid, use REDIRECT,TPROXY,NONE: ${mode}`)],
  // the injector reports a bad status port under the name of excludeInboundPorts
  ['status.sidecar.istio.io/port', prefixed('excludeInboundPorts invalid', portProblem)],
  ['readiness.status.sidecar.istio.io/initialDelaySeconds', uint32],
  ['readiness.status.sidecar.istio.io/periodSeconds', uint32],
  ['readiness.status.sidecar.istio.io/failureThreshold', uint32],
  ['traffic.sidecar.istio.io/includeOutboundIPRanges', (ranges) => (ranges === '*' ? undefined : prefixed('includeIPRanges invalid', cidrListProblem)(ranges))],
  ['traffic.sidecar.istio.io/excludeOutboundIPRanges', prefixed('excludeIPRanges invalid', cidrListProblem)],
  ['traffic.sidecar.istio.io/includeInboundPorts', (ports) => (ports === '*' ? undefined : prefixed('includeInboundPorts invalid', portListProblem)(ports))],
  ['traffic.sidecar.istio.io/excludeInboundPorts', prefixed('excludeInboundPorts invalid', portListProblem)],
  ['traffic.sidecar.istio.io/excludeOutboundPorts', prefixed('excludeOutboundPorts invalid', portListProblem)],
  ['traffic.sidecar.istio.io/excludeInterfaces', interfaceNamesProblem],
  ['traffic.sidecar.istio.io/kubevirtInterfaces', interfaceNamesProblem],
  ['istio.io/reroute-virtual-interfaces', interfaceNamesProblem],
  ['prometheus.istio.io/merge-metrics', (value) => (BOOLEANS.has(value) ? undefined : `strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`)],
  ['sidecar.istio.io/proxyCPU', quantityProblem],
  ['sidecar.istio.io/proxyMemory', quantityProblem],
  ['sidecar.istio.io/proxyCPULimit', quantityProblem],
  ['sidecar.istio.io/proxyMemoryLimit', quantityProblem],
]);
