import { IstioRelease } from '../istio-release';
import { Report } from './report';
import { isSet } from './values';

/**
 * The first release of each admission rule (or API field) whose verdict differs by release. Each
 * was found in Istio's git history: the commit that changed the rule, and the first `1.x.0` tag
 * that contains it (see docs/rules-webhook.md, "Istio release").
 */

/** Route weights are relative, only not negative and not all zero (ac641d08093); before, each 0-100 and summing to 100. */
export const RELATIVE_WEIGHTS = IstioRelease.of(1, 15);

/** Delegating and delegate routes may match by regex (8f6bf4c282a). */
export const REGEX_IN_DELEGATION = IstioRelease.of(1, 15);

/** An empty `prefix` header match is refused (9247d82d569). */
export const EMPTY_HEADER_PREFIX_REFUSED = IstioRelease.of(1, 18);

/** An option or field that arrived in a release, and what to use on older ones. */
export interface ReleaseFeature {
  /** The first release that has it. */
  readonly since: IstioRelease;
  /** It, as a message names it: `TLS mode OPTIONAL_MUTUAL`. */
  readonly what: string;
  /** What to use on older releases. */
  readonly instead: string;
}

/** A field that arrived in Istio 1.`minor`. */
function field(minor: number, what: string, instead = 'leave it out'): ReleaseFeature {
  return { since: IstioRelease.of(1, minor), what, instead };
}

/** The server TLS mode `OPTIONAL_MUTUAL` (0ca5dd383ff). */
export const OPTIONAL_MUTUAL: ReleaseFeature = { since: IstioRelease.of(1, 19), what: 'TLS mode OPTIONAL_MUTUAL', instead: 'use MUTUAL' };

/** HTTP routes' `mirrors` list (746b34d2018). */
export const MIRRORS: ReleaseFeature = { since: IstioRelease.of(1, 20), what: 'mirrors', instead: 'use mirror, with one destination' };

/**
 * Every string match of a route is checked alike, whatever its role in delegation: empty
 * `prefix` refused on all but `uri`, regexes checked in delegating routes and in
 * `withoutHeaders` (fae87258517, 35010a657c1).
 */
export const UNIFORM_STRING_MATCHES = IstioRelease.of(1, 22);

/** Fields that arrived after 1.10, by the first CRD that lists them and the first webhook or pilot that reads them. */
export const FAILOVER_PRIORITY = field(12, 'failoverPriority', 'use failover');
export const WARMUP_DURATION_SECS = field(14, 'warmupDurationSecs');
export const DIRECT_RESPONSE = field(15, 'directResponse', 'use a redirect, or a backend that answers');
export const TUNNEL = field(15, 'tunnel');
export const MAX_CONNECTION_DURATION = field(15, 'maxConnectionDuration');
export const MAGLEV = field(16, 'maglev', 'use ringHash');
export const URI_REGEX_REWRITE = field(19, 'uriRegexRewrite', 'use uri');
export const PROXY_PROTOCOL = field(21, 'proxyProtocol');
export const MAX_CONCURRENT_STREAMS = field(21, 'maxConcurrentStreams');
export const CA_CRL = field(22, 'caCrl');
export const RETRY_BUDGET = field(27, 'retryBudget');

/** The load balancer's `warmup` (d643c2b4db7). */
export const WARMUP: ReleaseFeature = { since: IstioRelease.of(1, 24), what: 'warmup', instead: 'use warmupDurationSecs' };

/** Server TLS `credentialNames`, for two certificates (af4d964e019). */
export const CREDENTIAL_NAMES: ReleaseFeature = { since: IstioRelease.of(1, 27), what: 'credentialNames', instead: 'use credentialName' };

/** Server TLS `tlsCertificates`, for two certificates (af4d964e019). */
export const TLS_CERTIFICATES: ReleaseFeature = { since: IstioRelease.of(1, 27), what: 'tlsCertificates', instead: 'use serverCertificate and privateKey' };

/** ServiceEntry resolution `DYNAMIC_DNS`, for HTTP ports of MESH_EXTERNAL entries (9ae09ab0ced). */
export const DYNAMIC_DNS: ReleaseFeature = { since: IstioRelease.of(1, 28), what: 'resolution DYNAMIC_DNS', instead: 'use DNS with the hosts named' };

/** `DYNAMIC_DNS` also for TLS ports (0a3fed3748f). */
export const DYNAMIC_DNS_TLS = IstioRelease.of(1, 29);

/** `DYNAMIC_DNS` also for GRPC and HTTP2 ports, and for MESH_INTERNAL entries without a waypoint (b29d7766ddc). */
export const DYNAMIC_DNS_GRPC_AND_INTERNAL = IstioRelease.of(1, 30);

/** Rules and fields of Istio's main branch after 1.30, judged as the next minor release (`IstioRelease.MAIN`). */
export const REDIRECT_PREFIX_REWRITE = field(31, 'prefixRewrite', 'use uri');
export const HTTP2_KEEPALIVE = field(31, 'http2KeepAlive');
export const ZONE_AWARE_LB_SETTING = field(31, 'zoneAwareLbSetting', 'use localityLbSetting');
/** Sidecar egress hosts `~ns/*` and `~/host` exclude namespaces or hosts from a select-all entry; before, `~ns` is an invalid namespace. */
export const SIDECAR_EGRESS_EXCLUSIONS = IstioRelease.of(1, 31);

/**
 * Why `release` lacks `feature`, or undefined: an older release's webhook rejects an option it
 * does not know and drops a field it does not know (as its CRD's schema prunes it), so either
 * way the object would not do what it says.
 */
export function featureProblem(feature: ReleaseFeature, release: IstioRelease): string | undefined {
  return release.isAtLeast(feature.since) ? undefined : `${feature.what} needs Istio ${feature.since} or later, not ${release}: ${feature.instead}`;
}

/** Reports at `path` that the target release lacks `feature`; true when it has it. */
export function checkArrived(report: Report, path: string, feature: ReleaseFeature): boolean {
  const problem = featureProblem(feature, report.release);
  report.errorIf(path, problem);
  return problem === undefined;
}

/** Reports each field of `fields` (named by their `what`) that `settings` sets and the target release lacks. */
export function checkFieldsArrived(report: Report, path: string, settings: { [key: string]: any }, fields: readonly ReleaseFeature[]): void {
  for (const feature of fields) {
    if (!report.release.isAtLeast(feature.since) && isSet(settings[feature.what])) {
      checkArrived(report, `${path}.${feature.what}`, feature);
    }
  }
}
