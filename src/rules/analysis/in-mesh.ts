import { arrayOf, MeshIndex, PodTemplate } from '../mesh-index';

const INJECT = 'sidecar.istio.io/inject';
const NAMESPACE_INJECTION_LABEL = 'istio-injection';
const PROXY_CONTAINER = 'istio-proxy';

/**
 * True when the pods of `template`, in `namespace`, run a sidecar, as istioctl decides it: they
 * have an `istio-proxy` container with an image; else their `sidecar.istio.io/inject` label says
 * so, else the annotation of that name (`"true"`: injected; any other value: not); else their
 * Namespace, when the input holds it, is labelled `istio-injection: enabled`. Revision labels and
 * the injector's own policy are not read, as istioctl does not read them here.
 */
export function isInMesh(template: PodTemplate, namespace: string, index: MeshIndex): boolean {
  if (arrayOf(template.spec?.containers).some((c) => c?.name === PROXY_CONTAINER && typeof c?.image === 'string' && c.image !== '')) {
    return true;
  }
  for (const marks of [template.labels, template.annotations]) {
    if (Object.prototype.hasOwnProperty.call(marks, INJECT)) {
      return marks[INJECT] === 'true';
    }
  }
  return index.namespace(namespace)?.metadata?.labels?.[NAMESPACE_INJECTION_LABEL] === 'enabled';
}
