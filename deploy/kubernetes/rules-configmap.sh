#!/usr/bin/env bash
# Packs a rules folder into a ConfigMap and writes a kustomize patch that gives every pod that folder at /rules
# (ConfigMap keys cannot contain '/': each file gets a flat key, aufenthg__s18g_blaue_karte.drl, and an init container
# puts it back into its sub-folder).
#
#   deploy/kubernetes/rules-configmap.sh [rules-folder]      (default: rules/ of the repository)
#
# Writes deploy/kubernetes/generated/rules-configmap.yaml and rules-volume-patch.yaml; add to kustomization.yaml:
#   resources: [..., generated/rules-configmap.yaml]
#   patches:   [{path: generated/rules-volume-patch.yaml}]
# The ConfigMap's name carries a hash of the content, so a changed folder rolls the Deployment out (every pod starts
# with the new rules); a ConfigMap is limited to 1 MiB (the files base64-encoded).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rules="$(cd "${1:-$here/../../rules}" && pwd)"
out="$here/generated"
mkdir -p "$out"
hash="$(cd "$rules" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-10)"
name="fachkraefte-lotse-rules-$hash"
{
  echo "apiVersion: v1"
  echo "kind: ConfigMap"
  echo "metadata:"
  echo "  name: $name"
  echo "binaryData:" # base64: every byte as in the folder, so the rules version (a hash) is the same
  (cd "$rules" && find . -type f | LC_ALL=C sort) | while read -r f; do
    echo "  $(echo "${f#./}" | sed 's#/#__#g'): $(base64 -w0 "$rules/$f")"
  done
} > "$out/rules-configmap.yaml"
{
cat <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: fachkraefte-lotse
spec:
  template:
    spec:
      # ConfigMap keys are flat; the init container puts each file back into its sub-folder of an emptyDir that the
      # service reads (a changed ConfigMap has a new name, so the pods are replaced rather than reloaded)
      initContainers:
        - name: rules
          image: fachkraefte-lotse
          command: ["sh", "-c", "for f in /configmap/*; do p=/rules/\$(basename \"\$f\" | sed 's#__#/#g'); mkdir -p \"\$(dirname \"\$p\")\"; cp \"\$f\" \"\$p\"; done"]
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: rules-configmap
              mountPath: /configmap
              readOnly: true
            - name: rules
              mountPath: /rules
      containers:
        - name: lotse
          env:
            - name: LOTSE_RULES_DIR
              value: /rules
            - name: LOTSE_RULES_WATCH
              value: "false"
            # the image's compiled rules are for the image's rules: keep these where the pod can write
            - name: LOTSE_RULES_CACHEDIR
              value: /tmp/compiled-rules
          volumeMounts:
            - name: rules
              mountPath: /rules
              readOnly: true
      volumes:
        - name: rules-configmap
          configMap:
            name: $name
        - name: rules
          emptyDir: {}
YAML
} > "$out/rules-volume-patch.yaml"
size=$(wc -c < "$out/rules-configmap.yaml")
echo "wrote $out/rules-configmap.yaml ($name, $size bytes; the limit is 1048576) and $out/rules-volume-patch.yaml"
