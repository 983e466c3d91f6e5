import { KubeObject } from '../finding';
import { arrayOf, namespaceOf, selects } from '../mesh-index';
import { AnalysisContext } from './context';
import { findingOf, MESSAGES, quote, Report } from './messages';

/**
 * An allow-list on a gateway workload names the external hosts it lets through, by authority
 * (`to.operation.hosts`) or by SNI (`when` on `connection.sni`). A host that no ServiceEntry
 * declares (exactly, or under a wildcard host) cannot be what the gateway routes there, so the
 * rule allows nothing or the name is misspelt: it is reported (CIG0303), on the policy. Only
 * policies whose selector matches the pods of an Istio Gateway are read; hosts with wildcards are
 * left alone. Where hosts may be declared outside the input, nothing is reported.
 */
export function analyzeEgressAllowListHosts(context: AnalysisContext, report: Report): void {
  const policies = context.index.ofKind('AuthorizationPolicy');
  if (policies.length === 0 || context.assumeHostsAndSecretsExist) {
    return;
  }
  const declared = new Set(context.index.ofKind('ServiceEntry').flatMap((se) => arrayOf(se.spec?.hosts)).filter((h): h is string => typeof h === 'string'));
  for (const policy of policies.filter((p) => selectsGatewayWorkload(context, p))) {
    for (const host of allowedHostsOf(policy)) {
      if (!host.includes('*') && !isDeclared(declared, host)) {
        report(findingOf(MESSAGES.AllowListHostNotDeclared, policy, `The allow-list names host ${quote(host)}, which no ServiceEntry declares.`));
      }
    }
  }
}

function selectsGatewayWorkload(context: AnalysisContext, policy: KubeObject): boolean {
  const labels = policy.spec?.selector?.matchLabels;
  if (!labels || typeof labels !== 'object' || Object.keys(labels).length === 0) {
    return false;
  }
  const namespace = namespaceOf(policy);
  const pods = context.index.selectWorkloads(labels).filter((w) => w.namespace === namespace);
  return context.index.istioGateways().some((gateway) => {
    const selector = gateway.spec?.selector;
    return !!selector && typeof selector === 'object' && Object.keys(selector).length > 0 && pods.some((pod) => selects(selector, pod.labels));
  });
}

/** The hosts of the policy's rules without their ports, in order, each once. */
function allowedHostsOf(policy: KubeObject): string[] {
  const hosts: string[] = [];
  for (const rule of arrayOf(policy.spec?.rules)) {
    for (const to of arrayOf(rule?.to)) {
      hosts.push(...arrayOf(to?.operation?.hosts).filter((h): h is string => typeof h === 'string').map((h) => h.replace(/:[^:]*$/, '')));
    }
    for (const condition of arrayOf(rule?.when)) {
      if (condition?.key === 'connection.sni') {
        hosts.push(...arrayOf(condition.values).filter((h): h is string => typeof h === 'string'));
      }
    }
  }
  return [...new Set(hosts)];
}

/** Whether `host` is a declared host or lies under a declared wildcard host. */
function isDeclared(declared: ReadonlySet<string>, host: string): boolean {
  const lower = host.toLowerCase();
  if (declared.has(lower)) {
    return true;
  }
  const labels = lower.split('.');
  return labels.slice(1).some((_, i) => declared.has(`*.${labels.slice(i + 1).join('.')}`)) || declared.has('*');
}
