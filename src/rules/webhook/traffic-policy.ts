import { checkClientTls } from './client-tls';
import { durationProblem, parseDuration } from './duration';
import { fqdnProblem } from './names';
import { isIpAddress, portProblem } from './net';
import { forEachItem } from './items';
import { localitiesProblem } from './locality';
import {
  checkArrived, checkFieldsArrived, FAILOVER_PRIORITY, HTTP2_KEEPALIVE, MAGLEV, MAX_CONCURRENT_STREAMS, MAX_CONNECTION_DURATION, PROXY_PROTOCOL, RETRY_BUDGET,
  TUNNEL, WARMUP, WARMUP_DURATION_SECS, ZONE_AWARE_LB_SETTING,
} from './release-history';
import { Report } from './report';
import { entriesAt, isSet, listAt, numberAt, objectAt, stringAt } from './values';

const POLICY_FIELDS = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls', 'portLevelSettings', 'tunnel', 'proxyProtocol', 'retryBudget'];
const PORT_POLICY_FIELDS = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls'];
const POLICY_RELEASE_FIELDS = [TUNNEL, PROXY_PROTOCOL, RETRY_BUDGET];
const HTTP_POOL_RELEASE_FIELDS = [MAX_CONCURRENT_STREAMS];
const TCP_POOL_RELEASE_FIELDS = [MAX_CONNECTION_DURATION];
const LOAD_BALANCER_RELEASE_FIELDS = [WARMUP_DURATION_SECS];
const CONSISTENT_HASH_RELEASE_FIELDS = [MAGLEV];
const LOCALITY_RELEASE_FIELDS = [FAILOVER_PRIORITY];
const MAGLEV_MAX_TABLE = 5000011;
const TOPOLOGY_LABELS = new Set(['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone']);

/** Reports what Istio rejects or warns about in a DestinationRule traffic policy. */
export function checkTrafficPolicy(report: Report, path: string, policy: { [key: string]: any }): void {
  if (!POLICY_FIELDS.some((field) => isSet(policy[field]))) {
    report.error(path, 'a traffic policy must set at least one field');
    return;
  }
  if (isSet(policy.tunnel) && isSet(policy.proxyProtocol)) {
    report.error(path, 'tunnel and proxyProtocol cannot be set together');
    return;
  }
  checkFieldsArrived(report, path, policy, POLICY_RELEASE_FIELDS);
  checkPolicyParts(report, path, policy);
  forEachItem(report, `${path}.portLevelSettings`, policy.portLevelSettings, 'a port traffic policy', (settings, where) => {
    if (!objectAt(settings.port)) {
      report.error(`${where}.port`, 'a port traffic policy must name its port');
    }
    if (!PORT_POLICY_FIELDS.some((field) => isSet(settings[field]))) {
      report.error(where, 'a port traffic policy must set at least one field');
      return;
    }
    checkPolicyParts(report, where, settings);
  });
  const tunnel = objectAt(policy.tunnel);
  if (tunnel) {
    checkTunnel(report, `${path}.tunnel`, tunnel);
  }
}

function checkPolicyParts(report: Report, path: string, policy: { [key: string]: any }): void {
  const outlier = objectAt(policy.outlierDetection);
  if (outlier) {
    checkOutlierDetection(report, `${path}.outlierDetection`, outlier);
  }
  const pool = objectAt(policy.connectionPool);
  if (pool) {
    checkConnectionPool(report, `${path}.connectionPool`, pool);
  }
  const loadBalancer = objectAt(policy.loadBalancer);
  if (loadBalancer) {
    checkLoadBalancer(report, `${path}.loadBalancer`, loadBalancer, outlier !== undefined);
  }
  const tls = objectAt(policy.tls);
  if (tls) {
    checkClientTls(report, `${path}.tls`, tls);
  }
}

function checkDurations(report: Report, path: string, settings: { [key: string]: any }, fields: string[]): void {
  for (const field of fields) {
    if (isSet(settings[field])) {
      report.errorIf(`${path}.${field}`, durationProblem(settings[field]));
    }
  }
}

function checkRequiredDurations(report: Report, path: string, settings: { [key: string]: any }, fields: string[]): void {
  for (const field of fields) {
    if (!isSet(settings[field])) {
      report.error(path, `${field} is required`);
    }
  }
  checkDurations(report, path, settings, fields);
}

function checkNonNegative(report: Report, path: string, settings: { [key: string]: any }, fields: string[]): void {
  for (const field of fields) {
    if (numberAt(settings[field]) < 0) {
      report.error(`${path}.${field}`, `${field} cannot be negative`);
    }
  }
}

function checkOutlierDetection(report: Report, path: string, outlier: { [key: string]: any }): void {
  checkDurations(report, path, outlier, ['baseEjectionTime', 'interval']);
  if (numberAt(outlier.consecutiveErrors) !== 0) {
    report.warn(`${path}.consecutiveErrors`, 'consecutiveErrors is deprecated: use consecutiveGatewayErrors or consecutive5xxErrors');
  }
  if (outlier.splitExternalLocalOriginErrors !== true && numberAt(objectAt(outlier.consecutiveLocalOriginFailures)?.value ?? outlier.consecutiveLocalOriginFailures) > 0) {
    report.error(`${path}.consecutiveLocalOriginFailures`, 'consecutiveLocalOriginFailures needs splitExternalLocalOriginErrors: true');
  }
  for (const field of ['maxEjectionPercent', 'minHealthPercent']) {
    const percent = numberAt(outlier[field]);
    if (percent < 0 || percent > 100) {
      report.error(`${path}.${field}`, `percentage ${percent} is not in the range 0..100`);
    }
  }
}

/** Reports what Istio rejects in connection pool settings (also a Sidecar's inbound pools). */
export function checkConnectionPool(report: Report, path: string, pool: { [key: string]: any }): void {
  const http = objectAt(pool.http);
  const tcp = objectAt(pool.tcp);
  if (!http && !tcp) {
    report.error(path, 'a connection pool must set http or tcp settings');
    return;
  }
  if (http) {
    const where = `${path}.http`;
    checkFieldsArrived(report, where, http, HTTP_POOL_RELEASE_FIELDS);
    checkNonNegative(report, where, http, ['http1MaxPendingRequests', 'http2MaxRequests', 'maxRequestsPerConnection', 'maxRetries', 'maxConcurrentStreams']);
    checkDurations(report, where, http, ['idleTimeout']);
    const keepAlive = objectAt(http.http2KeepAlive);
    if (keepAlive && checkArrived(report, `${where}.http2KeepAlive`, HTTP2_KEEPALIVE)) {
      checkRequiredDurations(report, `${where}.http2KeepAlive`, keepAlive, ['interval', 'timeout']);
    }
    if (http.h2UpgradePolicy === 'UPGRADE' && http.useClientProtocol === true) {
      report.error(where, 'useClientProtocol cannot be true when h2UpgradePolicy is UPGRADE');
    }
  }
  if (tcp) {
    const where = `${path}.tcp`;
    checkFieldsArrived(report, where, tcp, TCP_POOL_RELEASE_FIELDS);
    checkNonNegative(report, where, tcp, ['maxConnections']);
    checkDurations(report, where, tcp, ['connectTimeout', 'maxConnectionDuration']);
    if (!turnsTimeoutOff(tcp.idleTimeout)) {
      checkDurations(report, where, tcp, ['idleTimeout']);
    }
    const keepalive = objectAt(tcp.tcpKeepalive);
    if (keepalive) {
      checkDurations(report, `${where}.tcpKeepalive`, keepalive, ['time', 'interval']);
    }
  }
}

/** True for a duration under 1ms (`0s`), which turns a TCP idle timeout off rather than setting it. */
function turnsTimeoutOff(value: unknown): boolean {
  const nanos = typeof value === 'string' ? parseDuration(value) : undefined;
  return nanos !== undefined && Math.abs(nanos) < 1e6;
}

/** Envoy's primality test for maglev tables, which counts 1 as prime. */
function isPrime(n: number): boolean {
  if (n > 0 && n < 4) {
    return true;
  }
  for (let factor = 2; factor * factor <= n; factor++) {
    if (n % factor === 0) {
      return false;
    }
  }
  return true;
}

/** Cookie attributes need a name, each name once. */
function checkCookieAttributes(report: Report, path: string, attributes: unknown): void {
  const names = new Set<string>();
  forEachItem(report, path, attributes, 'a cookie attribute', (attribute, itemPath) => {
    const name = stringAt(attribute.name);
    if (name === '') {
      report.error(`${itemPath}.name`, 'a cookie attribute needs a name');
    } else if (names.has(name)) {
      report.error(`${itemPath}.name`, `duplicate cookie attribute name "${name}"`);
    }
    names.add(name);
  });
}

function checkLoadBalancer(report: Report, path: string, lb: { [key: string]: any }, hasOutlierDetection: boolean): void {
  const hash = objectAt(lb.consistentHash);
  if (hash) {
    const where = `${path}.consistentHash`;
    checkFieldsArrived(report, where, hash, CONSISTENT_HASH_RELEASE_FIELDS);
    const cookie = objectAt(hash.httpCookie);
    if (cookie && stringAt(cookie.name) === '') {
      report.error(`${where}.httpCookie.name`, 'an HTTP cookie hash needs the cookie name');
    }
    if (cookie) {
      checkCookieAttributes(report, `${where}.httpCookie.attributes`, cookie.attributes);
    }
    const maglev = objectAt(hash.maglev);
    if (numberAt(hash.minimumRingSize) !== 0) {
      report.warn(`${where}.minimumRingSize`, 'minimumRingSize is deprecated: use ringHash.minimumRingSize');
      if (maglev || objectAt(hash.ringHash)) {
        report.error(where, 'minimumRingSize cannot be combined with maglev or ringHash');
      }
    }
    if (maglev) {
      const size = numberAt(maglev.tableSize);
      if (size === 0) {
        report.error(`${where}.maglev.tableSize`, 'maglev needs a tableSize');
      } else if (size >= MAGLEV_MAX_TABLE) {
        report.error(`${where}.maglev.tableSize`, `maglev tableSize must be less than ${MAGLEV_MAX_TABLE}`);
      } else if (!isPrime(size)) {
        report.error(`${where}.maglev.tableSize`, `maglev tableSize ${size} must be a prime number`);
      }
    }
  }
  checkFieldsArrived(report, path, lb, LOAD_BALANCER_RELEASE_FIELDS);
  const locality = objectAt(lb.localityLbSetting);
  if (isSet(lb.zoneAwareLbSetting) && checkArrived(report, `${path}.zoneAwareLbSetting`, ZONE_AWARE_LB_SETTING) && locality) {
    report.error(path, 'set localityLbSetting or zoneAwareLbSetting, not both');
  }
  if (locality) {
    checkFieldsArrived(report, `${path}.localityLbSetting`, locality, LOCALITY_RELEASE_FIELDS);
    checkLocality(report, `${path}.localityLbSetting`, locality, hasOutlierDetection);
  }
  checkDurations(report, path, lb, ['warmupDurationSecs']);
  const warmup = objectAt(lb.warmup);
  if (warmup && checkArrived(report, `${path}.warmup`, WARMUP)) {
    checkWarmup(report, `${path}.warmup`, warmup);
  }
}

function checkWarmup(report: Report, path: string, warmup: { [key: string]: any }): void {
  if (isSet(warmup.duration)) {
    checkDurations(report, path, warmup, ['duration']);
  } else {
    report.error(`${path}.duration`, 'warmup needs a duration');
  }
  const minimumPercent = numberAt(objectAt(warmup.minimumPercent)?.value ?? warmup.minimumPercent);
  if (minimumPercent > 100) {
    report.error(`${path}.minimumPercent`, `minimumPercent ${minimumPercent} must be at most 100`);
  }
  if (isSet(warmup.aggression)) {
    const aggression = numberAt(objectAt(warmup.aggression)?.value ?? warmup.aggression);
    if (aggression <= 0) {
      report.error(`${path}.aggression`, `aggression ${aggression} must be greater than 0`);
    }
  }
}

function checkLocality(report: Report, path: string, locality: { [key: string]: any }, hasOutlierDetection: boolean): void {
  const distribute = listAt(locality.distribute);
  const failover = listAt(locality.failover);
  const priority = listAt(locality.failoverPriority).map(stringAt);
  if (distribute.length > 0 && failover.length > 0) {
    report.error(path, 'distribute and failover cannot be set together');
    return;
  }
  if (failover.length > 0) {
    const topology = priority.find((label) => TOPOLOGY_LABELS.has(label));
    if (topology) {
      report.error(`${path}.failoverPriority`, `failover cannot be combined with the topology label "${topology}" in failoverPriority`);
    }
  }
  distribute.forEach((value, i) => {
    const weights = entriesAt(objectAt(value)?.to).map(([, weight]) => numberAt(weight));
    if (weights.some((weight) => weight <= 0 || weight > 100)) {
      report.error(`${path}.distribute[${i}].to`, 'locality weights must be from 1 to 100');
    } else if (weights.reduce((sum, weight) => sum + weight, 0) !== 100) {
      report.error(`${path}.distribute[${i}].to`, 'locality weights must add up to 100');
    } else {
      report.errorIf(`${path}.distribute[${i}].to`, localitiesProblem(entriesAt(objectAt(value)?.to).map(([name]) => name)));
    }
  });
  report.errorIf(`${path}.distribute`, localitiesProblem(distribute.map((value) => stringAt(objectAt(value)?.from))));
  if ((failover.length > 0 || priority.length > 0) && !hasOutlierDetection) {
    report.warn(path, 'failover only happens with outlier detection: set outlierDetection');
  }
  failover.forEach((value, i) => {
    const from = stringAt(objectAt(value)?.from);
    const to = stringAt(objectAt(value)?.to);
    const where = `${path}.failover[${i}]`;
    if (from === to) {
      report.error(where, 'failover must go to a different region');
    }
    if (from.includes('/') || to.includes('/')) {
      report.error(where, 'failover names regions only, without zones');
    }
    if (from.includes('*') || to.includes('*')) {
      report.error(where, 'failover regions cannot contain "*"');
    }
  });
}

function checkTunnel(report: Report, path: string, tunnel: { [key: string]: any }): void {
  const protocol = stringAt(tunnel.protocol);
  if (protocol !== '' && protocol !== 'CONNECT' && protocol !== 'POST') {
    report.error(`${path}.protocol`, 'the tunnel protocol must be "CONNECT" or "POST"');
  }
  const host = stringAt(tunnel.targetHost);
  if (fqdnProblem(host) && !isIpAddress(host)) {
    report.error(`${path}.targetHost`, `tunnel target host "${host}" must be a host name or an IP address`);
  }
  report.errorIf(`${path}.targetPort`, portProblem(tunnel.targetPort));
}
