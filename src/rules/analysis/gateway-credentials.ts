import { arrayOf } from '../mesh-index';
import { AnalysisContext } from './context';
import { credentialProblem, hasContents } from './credential-secret';
import { findingOf, MESSAGES, Report } from './messages';

/**
 * IST0161 InvalidGatewayCredential: a Gateway server's `credentialName` Secret is in the input,
 * in the gateway workload's namespace, but the gateway cannot serve it (see `credentialProblem`).
 * Reported on the Gateway, once per server. A Secret that is not in the input is IST0101's
 * concern; neither one a cert-manager Certificate makes nor one without a key in `data` or
 * `stringData` (a placeholder) is judged.
 */
export function analyzeGatewayCredentials(context: AnalysisContext, report: Report): void {
  const index = context.index;
  for (const gateway of index.ofKind('Gateway')) {
    let workloadNamespace: string | undefined;
    for (const server of arrayOf(gateway.spec?.servers)) {
      const credentialName = server?.tls?.credentialName;
      if (typeof credentialName !== 'string' || credentialName === '') {
        continue;
      }
      // Most Gateways serve no credential: look their workload up only when one does.
      workloadNamespace ??= index.selectWorkloads(gateway.spec?.selector ?? {})[0]?.namespace;
      if (workloadNamespace === undefined) {
        break;
      }
      const fullName = credentialName.includes('/') ? credentialName : `${workloadNamespace}/${credentialName}`;
      const secret = index.secret(fullName);
      const problem = secret && hasContents(secret) ? credentialProblem(secret, context.now) : undefined;
      if (problem) {
        report(findingOf(MESSAGES.InvalidGatewayCredential, gateway,
          `The credential referenced by the Gateway ${gateway.metadata?.name ?? ''} in namespace ${workloadNamespace} is invalid, which can cause the traffic not to work as expected. Secret ${fullName}: ${problem}.`));
      }
    }
  }
}
