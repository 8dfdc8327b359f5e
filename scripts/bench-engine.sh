#!/usr/bin/env bash
# JMH benchmark of the decision engine alone (no HTTP): the full knowledge base of rules/ and, as the case mix, every
# answered scenario request of test-cases/. Prints decisions/s and latency per decision with 1 and 2 threads.
#
#   scripts/bench-engine.sh                   # decide, 1 and 2 threads, throughput + latency percentiles
#   THREADS="2" BENCH=rulesOnly scripts/bench-engine.sh
#   EXTRA="-prof stack" scripts/bench-engine.sh   # any further JMH options (e.g. -prof gc, -wi 3 -w 8s)
#
# Then EngineCpuTime runs the same decisions and reports the CPU time per decision as well: on a machine shared with
# other work the wall-clock figures drop, the CPU time per decision much less (skip it with CPU=0).
#
# Environment: LOTSE_BUILD_DIR (default target; use your own folder when builds run side by side),
# THREADS (default "1 2"), BENCH (regex of benchmark methods, default decide), EXTRA (JMH options),
# RESULTS (folder for the JSON results, default $LOTSE_BUILD_DIR/bench), CPU (default 1),
# JAVA (the java launcher; default the container image's Java, scripts/image-java.sh, if this machine has it, else
# java), JVM_OPTS (JVM options of the measuring JVMs; default the image's: -XX:+UseParallelGC, and
# -XX:+UseCompactObjectHeaders on Java 25 or later; JVM_OPTS= for the JVM's own).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${LOTSE_BUILD_DIR:-$PWD/target}"
THREADS="${THREADS:-1 2}"
BENCH="${BENCH:-decide}"
EXTRA="${EXTRA:-}"
RESULTS="${RESULTS:-$BUILD/bench}"
# JAVA, JAVA_VERSION and IMAGE_OPTS: the image's Java and options when this machine has that Java
. scripts/image-java.sh
JVM_OPTS="${JVM_OPTS-$IMAGE_OPTS}"
JMH_JVM=()
if [ -n "$JVM_OPTS" ]; then JMH_JVM=(-jvmArgsAppend "$JVM_OPTS"); fi
mkdir -p "$RESULTS"

echo "== building test classes and the test classpath in $BUILD"
mvn -B -q -Dlotse.build.dir="$BUILD" test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$BUILD/bench.classpath"
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$BUILD/bench.classpath")"

JAVA_DESC="$("$JAVA" -version 2>&1 | head -1) ($JAVA)"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $JAVA_DESC"
echo "== load before the run: $(cut -d' ' -f1-3 /proc/loadavg); JVM options: ${JVM_OPTS:-none}"
for t in $THREADS; do
  echo "== EngineBenchmark.$BENCH with $t thread(s)"
  # warm-up 3 x 8 s (classic DRL needs >= 8 s, spike.md), measurement 3 x 5 s, one fork
  # shellcheck disable=SC2086
  "$JAVA" -cp "$CP" org.openjdk.jmh.Main "de.lotse.bench.EngineBenchmark.($BENCH)\$" \
      -t "$t" ${JMH_JVM[@]+"${JMH_JVM[@]}"} -rf json -rff "$RESULTS/engine-$BENCH-t$t.json" $EXTRA \
      | tee "$RESULTS/engine-$BENCH-t$t.txt" \
      | grep -E '^(# Lotse|Benchmark|EngineBenchmark)' || true
done

if [ "${CPU:-1}" != 0 ]; then
  echo "== EngineCpuTime: the same decisions, wall clock and CPU time (10 s warm-up, 10 s measured per thread count)"
  # shellcheck disable=SC2086
  "$JAVA" $JVM_OPTS -cp "$CP" de.lotse.bench.EngineCpuTime $THREADS | grep -v WARN | tee "$RESULTS/engine-cpu.txt"
fi

echo
echo "== summary (decisions/s = throughput score x 1e6; latency from the sample mode)"
for t in $THREADS; do
  f="$RESULTS/engine-$BENCH-t$t.json"
  [ -s "$f" ] || continue
  python3 - "$f" "$t" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))
for r in runs:
    name = r["benchmark"].rsplit(".", 1)[1]
    m = r["primaryMetric"]
    if r["mode"] == "thrpt":
        print(f"{name:10s} threads={sys.argv[2]}  {float(m['score']) * 1e6:10.0f} decisions/s  (+/- {float(m['scoreError']) * 1e6:.0f})")
    elif r["mode"] == "sample":
        p = m["scorePercentiles"]
        print(f"{name:10s} threads={sys.argv[2]}  latency p50 {p['50.0']:.1f} us  p90 {p['90.0']:.1f} us"
              f"  p99 {p['99.0']:.1f} us  p99.9 {p['99.9']:.1f} us  mean {m['score']:.1f} us")
PY
done
