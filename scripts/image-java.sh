#!/usr/bin/env bash
# Prints the java launcher of the container image's Java version (the Dockerfile's runtime image,
# eclipse-temurin:<version>-jre), so that the benchmarks measure the service on the Java it runs on:
# LOTSE_IMAGE_JAVA if set, else the first JDK under /usr/lib/jvm whose release file names that version.
# Prints nothing and exits 1 when there is none. The same search as the end-to-end test (de.lotse.e2e.ImageRecipe).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${LOTSE_IMAGE_JAVA:-}" ]; then
  echo "$LOTSE_IMAGE_JAVA"
  exit 0
fi
version=$(sed -n -E 's/^FROM eclipse-temurin:([0-9]+)-jre[[:space:]]*$/\1/p' Dockerfile | head -1)
[ -n "$version" ] || exit 1
for home in /usr/lib/jvm/*/; do
  if [ -x "${home}bin/java" ] && grep -q -E "^JAVA_VERSION=\"$version[.\"]" "${home}release" 2>/dev/null; then
    echo "${home}bin/java"
    exit 0
  fi
done
exit 1
