# Sourced by scripts/load-test.sh and scripts/bench-engine.sh (from the repository's top folder), so that the
# benchmarks measure the service on the Java and with the JVM options the container image runs it with:
#   JAVA          the java launcher, unless already set: LOTSE_IMAGE_JAVA, else the first JDK under /usr/lib/jvm whose
#                 release file names the Dockerfile's runtime version (eclipse-temurin:<version>-jre), else java of the
#                 PATH. The same search as the end-to-end test (de.lotse.e2e.ImageRecipe).
#   JAVA_VERSION  its version (java.specification.version)
#   IMAGE_OPTS    the image's options for measurements: its garbage collector (the JVM's own choice differs by
#                 machine: G1 here, Serial in the pod) and, on Java 25 or later, compact object headers (Dockerfile)
image_java() {
  local version home
  if [ -n "${LOTSE_IMAGE_JAVA:-}" ]; then
    echo "$LOTSE_IMAGE_JAVA"
    return 0
  fi
  version=$(sed -n -E 's/^FROM eclipse-temurin:([0-9]+)-jre[[:space:]]*$/\1/p' Dockerfile | head -1)
  [ -n "$version" ] || return 1
  for home in /usr/lib/jvm/*/; do
    if [ -x "${home}bin/java" ] && grep -q -E "^JAVA_VERSION=\"$version[.\"]" "${home}release" 2>/dev/null; then
      echo "${home}bin/java"
      return 0
    fi
  done
  return 1
}
JAVA="${JAVA:-$(image_java || echo java)}"
JAVA_VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk '$1 == "java.specification.version" {print $3}')
IMAGE_OPTS="-XX:+UseParallelGC"
if [ "${JAVA_VERSION%%.*}" -ge 25 ] 2>/dev/null; then IMAGE_OPTS="$IMAGE_OPTS -XX:+UseCompactObjectHeaders"; fi
