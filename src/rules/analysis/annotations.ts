import { KubeObject } from '../finding';
import { ANNOTATION_VALUE_CHECKS } from './annotation-values';
import { AnalysisContext } from './context';
import { ANY_KIND, ISTIO_ANNOTATIONS } from './istio-annotations';
import { findingOf, MESSAGES, quote, Report } from './messages';

/** The kinds istioctl reads annotations of. */
const KINDS = ['Namespace', 'Service', 'Pod', 'Deployment'];

/** The one annotation outside Istio's domains that Istio documents, and so checks. */
const INGRESS_CLASS = 'kubernetes.io/ingress.class';

/** Annotations Istio's own controllers set, which are not reported wherever they are. */
const SET_BY_ISTIO: ReadonlySet<string> = new Set(['sidecar.istio.io/status', 'gateway.istio.io/controller-version', 'istio.io/rev']);

const INJECT = 'sidecar.istio.io/inject';

/**
 * The annotations of Namespaces, Services, Pods and Deployments (their own metadata, not a pod
 * template's) in Istio's domains (`*istio.io/...`, and `kubernetes.io/ingress.class`):
 * IST0108 UnknownAnnotation for one Istio does not define; IST0135 DeprecatedAnnotation for a
 * deprecated one (not the `sidecar.istio.io/inject` annotation beside the label of that name);
 * IST0107 MisplacedAnnotation for one on a kind Istio does not read it on (a Deployment is never
 * such a kind: Istio reads the pod's annotations); IST0125 InvalidAnnotation for a value the
 * sidecar injector refuses.
 */
export function analyzeAnnotations(context: AnalysisContext, report: Report): void {
  for (const kind of KINDS) {
    for (const obj of context.index.ofKind(kind)) {
      const annotations = obj.metadata?.annotations;
      if (annotations === null || typeof annotations !== 'object') {
        continue;
      }
      for (const name of Object.keys(annotations).sort()) {
        analyzeAnnotation(obj, name, String(annotations[name]), report);
      }
    }
  }
}

function analyzeAnnotation(obj: KubeObject, name: string, value: string, report: Report): void {
  if (!isInIstioDomain(name) || SET_BY_ISTIO.has(name)) {
    return;
  }
  const known = ISTIO_ANNOTATIONS.get(name);
  if (known === undefined) {
    report(findingOf(MESSAGES.UnknownAnnotation, obj, `Unknown annotation: ${name}`));
    return;
  }
  if (known.deprecated && !(name === INJECT && obj.metadata?.labels?.[INJECT] !== undefined)) {
    const replacement = name === INJECT ? ` in favor of the ${quote(INJECT)} label` : '';
    report(findingOf(MESSAGES.DeprecatedAnnotation, obj, `Annotation ${quote(name)} has been deprecated${replacement} and may not work in future Istio versions.`));
  }
  if (known.kinds.includes(ANY_KIND)) {
    return;
  }
  if (!known.kinds.includes(obj.kind)) {
    report(findingOf(MESSAGES.MisplacedAnnotation, obj, `Misplaced annotation: ${name} can only be applied to ${known.kinds.join(', ')}`));
    return;
  }
  const problem = ANNOTATION_VALUE_CHECKS.get(name)?.(value);
  if (problem !== undefined) {
    report(findingOf(MESSAGES.InvalidAnnotation, obj, `Invalid annotation ${name}: ${problem}`));
  }
}

/** True for an annotation whose prefix (before the first `/`) ends in `istio.io`, and for the ingress class. */
function isInIstioDomain(name: string): boolean {
  return name === INGRESS_CLASS || name.split('/')[0].endsWith('istio.io');
}
