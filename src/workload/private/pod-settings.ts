import * as kplus from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { invalidInput, rejectIf } from '../../private/errors';
import { replicaRangeProblem } from '../../rules/webhook/mesh-gateway-kinds';
import { GatewayDisruptionBudget, GatewayReplicas } from '../gateway-replicas';
import { GatewayAffinity, GatewayToleration, GatewayTopologySpread, TolerationOperator, WhenUnsatisfiable } from '../gateway-scheduling';

/**
 * The pod settings every kind shares, as Kubernetes writes them in a pod spec: the MeshGateway
 * and IstioMeshGateway CRDs embed these very shapes, and an injected gateway's Deployment takes
 * them as they are.
 */

/** A container's resources as Kubernetes writes them: `{ requests: { cpu: '100m' }, limits: ... }`. */
export interface KubeResources {
  readonly requests?: { [name: string]: string };
  readonly limits?: { [name: string]: string };
}

/** `resources` as Kubernetes quantities, or `undefined` when none is given. */
export function renderResources(resources: kplus.ContainerResources | undefined): KubeResources | undefined {
  if (resources === undefined) {
    return undefined;
  }
  const requests = quantities(resources.cpu?.request?.amount, resources.memory?.request, resources.ephemeralStorage?.request);
  const limits = quantities(resources.cpu?.limit?.amount, resources.memory?.limit, resources.ephemeralStorage?.limit);
  if (requests === undefined && limits === undefined) {
    return undefined;
  }
  return { requests, limits };
}

function quantities(cpu: string | undefined, memory: { toMebibytes(): number } | undefined, storage: { toMebibytes(): number } | undefined): { [name: string]: string } | undefined {
  const found: { [name: string]: string } = {};
  if (cpu !== undefined) {
    found.cpu = cpu;
  }
  if (memory !== undefined) {
    found.memory = `${memory.toMebibytes()}Mi`;
  }
  if (storage !== undefined) {
    found['ephemeral-storage'] = `${storage.toMebibytes()}Mi`;
  }
  return Object.keys(found).length === 0 ? undefined : found;
}

/** The tolerations as Kubernetes writes them, each checked as the API server checks them. */
export function renderTolerations(scope: IConstruct, tolerations: readonly GatewayToleration[] | undefined): any[] | undefined {
  return tolerations?.map((t, i) => {
    const at = `tolerations[${i}]`;
    const operator = t.operator ?? (t.key === undefined ? TolerationOperator.EXISTS : TolerationOperator.EQUAL);
    if (t.key === undefined && operator !== TolerationOperator.EXISTS) {
      throw invalidInput(scope, `${at}.operator`, operator, 'a toleration without a key tolerates every taint, and needs TolerationOperator.EXISTS');
    }
    if (operator === TolerationOperator.EXISTS && t.value !== undefined) {
      throw invalidInput(scope, `${at}.value`, t.value, 'TolerationOperator.EXISTS tolerates every value: leave value out, or use TolerationOperator.EQUAL');
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      throw invalidInput(scope, `${at}.tolerationSeconds`, t.tolerationSeconds, 'applies only to TaintEffect.NO_EXECUTE, the effect that evicts');
    }
    return { key: t.key, operator, value: t.value, effect: t.effect, tolerationSeconds: t.tolerationSeconds };
  });
}

/**
 * The affinity as Kubernetes writes it: required node affinity on `nodeLabels`, and anti-affinity
 * among the pods `selectorLabels` selects, the gateway's own.
 */
export function renderAffinity(scope: IConstruct, affinity: GatewayAffinity | undefined, selectorLabels: { [key: string]: string }): any | undefined {
  if (affinity === undefined) {
    return undefined;
  }
  const nodeLabels = Object.entries(affinity.nodeLabels ?? {});
  for (const [key, values] of nodeLabels) {
    if (values.length === 0) {
      throw invalidInput(scope, `affinity.nodeLabels["${key}"]`, values, 'expected at least one value the node label may have');
    }
  }
  if (affinity.requireSpread !== undefined && affinity.spreadAcross === undefined) {
    throw invalidInput(scope, 'affinity.requireSpread', affinity.requireSpread, 'applies only with spreadAcross, the topology key to run apart in');
  }
  const term = affinity.spreadAcross === undefined ? undefined : { labelSelector: { matchLabels: selectorLabels }, topologyKey: affinity.spreadAcross };
  return {
    nodeAffinity: nodeLabels.length === 0 ? undefined : {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: nodeLabels.map(([key, values]) => ({ key, operator: 'In', values })) }],
      },
    },
    podAntiAffinity: term === undefined ? undefined : affinity.requireSpread
      ? { requiredDuringSchedulingIgnoredDuringExecution: [term] }
      : { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term }] },
  };
}

/** The topology spread constraints as Kubernetes writes them, over the gateway's own pods. */
export function renderTopologySpread(scope: IConstruct, spread: readonly GatewayTopologySpread[] | undefined, selectorLabels: { [key: string]: string }): any[] | undefined {
  return spread?.map((s, i) => {
    const maxSkew = s.maxSkew ?? 1;
    if (!Number.isInteger(maxSkew) || maxSkew < 1) {
      throw invalidInput(scope, `topologySpread[${i}].maxSkew`, maxSkew, 'expected a whole number of at least 1');
    }
    return {
      maxSkew,
      topologyKey: s.topologyKey,
      whenUnsatisfiable: s.whenUnsatisfiable ?? WhenUnsatisfiable.DO_NOT_SCHEDULE,
      labelSelector: { matchLabels: selectorLabels },
    };
  });
}

/** Checks the replica counts: whole, at least 1, the minimum at most the maximum. */
export function validateReplicas(scope: IConstruct, replicas: GatewayReplicas): GatewayReplicas {
  for (const [field, count] of [['replicas.min', replicas.min], ['replicas.max', replicas.max]] as const) {
    if (!Number.isInteger(count) || count < 1) {
      throw invalidInput(scope, field, count, 'expected a whole number of pods, at least 1');
    }
  }
  rejectIf(scope, 'replicas.min', replicas.min, replicaRangeProblem(replicas.min, replicas.max));
  return replicas;
}

/** Checks a disruption budget: a whole, non-negative count of pods. */
export function validateDisruptionBudget(scope: IConstruct, budget: GatewayDisruptionBudget | undefined): GatewayDisruptionBudget | undefined {
  const count = budget?.minAvailableCount ?? budget?.maxUnavailableCount ?? 0;
  if (!Number.isInteger(count) || count < 0) {
    throw invalidInput(scope, 'disruptionBudget', count, 'expected a whole, non-negative number of pods');
  }
  return budget;
}
