#!/usr/bin/env bash
# Regenerates imports/ from the upstream CRDs in ../shared/crds (or $CRDS_DIR).
# The CRD files stay outside the project; only the generated TypeScript is committed: the typed
# classes of the kinds the constructs emit, and the structural schemas of every CRD for the rules.
set -euo pipefail
cd "$(dirname "$0")/.."
crds="${CRDS_DIR:-../shared/crds}"
out="${1:-imports}"
if [ ! -d "$crds" ]; then
  echo "import: no CRD directory at $crds (set CRDS_DIR)" >&2
  exit 1
fi
rm -rf "$out"
for crd in networking.istio.io.yaml security.istio.io.yaml gateway.networking.k8s.io.yaml istio.banzaicloud.io_meshgateways.yaml servicemesh.cisco.com_istiomeshgateways.yaml; do
  npx --no-install cdk8s import "$crds/$crd" --language typescript --output "$out" --no-check-upgrade --no-save
done
node scripts/crd-schemas.js "$crds" "$out/crd-schemas.ts"
