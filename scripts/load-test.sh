#!/usr/bin/env bash
# Load test of the packaged service with wrk (Debian package), everything on 127.0.0.1:
#   1. builds the jar (skip with JAR=path/to/fachkraefte-lotse.jar), starts it on a free port with a copy of rules/;
#      the mix of test-cases/ is written by de.lotse.bench.WrkMix, so Maven compiles the test classes in any case
#      (if that fails, only the single case runs)
#   2. warms up with the mix for WARMUP (printing the throughput of every 30-second round: under full load the JIT
#      needs minutes to compile the generated code of 358 rules, and the throughput more than doubles meanwhile),
#      then runs, against the same process and back to back for the same time,
#      POST /api/v1/decisions (one realistic case, then the mix of test-cases/ scenario requests) and
#      GET /actuator/health, all at the same concurrency; then the mix once more at a fixed rate (RATE requests/s over
#      the same connections: the latency of a service that is not saturated)
#   3. prints throughput, p50/p99, the service's CPU time per request and the decision/health ratio, the start-up
#      time (from the log line), and the
#      time of a full rules reload (POST /api/v1/admin/rules/reload after a change of a rule file in the copied
#      folder) and of a data-only reload (after a change of a parameter file: the compiled rules are reused)
#   4. stops the service and measures start-up again: the same jar once more (compiled rules read from the cache the
#      first start wrote), and as the container image starts (Dockerfile: extracted jar, rules compiled by a
#      training run, an AOT cache written by a second one, then the start with both; on a Java older than 25 a
#      class-data archive instead of the AOT cache)
#
# The service runs on the image's Java (scripts/image-java.sh: Java 25) with the image's JVM options when this
# machine has that Java, else on the java of the PATH.
#
#   scripts/load-test.sh
#   DURATION=30s CONNECTIONS=16 THREADS=2 scripts/load-test.sh
#
# Environment: LOTSE_BUILD_DIR (default target), JAR, DURATION (default 20s), WARMUP (seconds, default 240),
# CONNECTIONS (default 16), THREADS (wrk threads, default 2), RATE (requests/s of the paced run, default 250; 0 = none),
# JAVA (the java launcher; default the image's Java if found, else java), JAVA_OPTS (for the service; default the
# image's: -XX:+UseParallelGC, and -XX:+UseCompactObjectHeaders on Java 25 or later; JAVA_OPTS= for the JVM's own),
# RESULTS (folder for logs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
BUILD="${LOTSE_BUILD_DIR:-$ROOT/target}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-240}"
WARMUP="${WARMUP%s}"
RATE="${RATE:-250}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
# JAVA, JAVA_VERSION and IMAGE_OPTS: the image's Java and options when this machine has that Java
. scripts/image-java.sh
JAVA_OPTS="${JAVA_OPTS-$IMAGE_OPTS}"
RESULTS="${RESULTS:-$BUILD/load}"
ADMIN_PASSWORD="load-test-$RANDOM$RANDOM"
mkdir -p "$RESULTS"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/lotse-load.XXXXXX")"
PID=""

cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- wrk -----------------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing wrk (Debian package)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is missing: install it (Debian: apt-get install wrk) or run this script as root" >&2
    exit 1
  fi
fi

# --- the jar -------------------------------------------------------------------------------------------------------
JAR="${JAR:-}"
if [ -z "$JAR" ]; then
  echo "== building the jar in $BUILD"
  mvn -B -q -DskipTests -Dlotse.build.dir="$BUILD" package
  JAR="$BUILD/fachkraefte-lotse.jar"
fi

# --- request bodies ------------------------------------------------------------------------------------------------
cp -r "$ROOT/rules" "$WORK/rules"
cat > "$WORK/one.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"assessmentDate": "2026-03-09", "language": "en",
  "candidate": {"citizenships": ["IN"], "age": 31, "residence": "ABROAD", "germanLevel": "A2", "englishLevel": "C1"},
  "qualification": {"level": "ACADEMIC", "acquiredIn": "ABROAD", "profession": "SOFTWARE_DEVELOPER",
                    "academicComparability": "COMPARABLE", "graduationDate": "2019-07-15"},
  "experience": {"relevantYearsInLast5": 4, "relevantYearsInLast7": 6, "itYearsInLast7": 6},
  "jobOffer": {"annualGrossSalaryEur": 52000, "iscoCode": "2512", "qualifiedEmployment": true,
               "matchesQualification": true, "weeklyHours": 40, "federalState": "HE"}}]]
LUA
# every scenario request of test-cases/ that the service answers, in turn: the same mix as the engine benchmark
# (de.lotse.bench.CaseMix reads test-cases/ as the scenario tests do)
echo "== writing the case mix (test classes and their classpath in $BUILD)"
MIX=""
if mvn -B -q -Dlotse.build.dir="$BUILD" test-compile dependency:build-classpath \
       -Dmdep.includeScope=test -Dmdep.outputFile="$BUILD/bench.classpath" \
   && java -cp "$BUILD/test-classes:$BUILD/classes:$(cat "$BUILD/bench.classpath")" de.lotse.bench.WrkMix \
       "$WORK/mix.lua" > "$WORK/mix.out" 2>&1; then
  grep -v -E 'WARN|INFO' "$WORK/mix.out" || true
  MIX="$WORK/mix.lua"
else
  echo "== the case mix could not be written (see above): only the single case runs"
fi

# --- start ---------------------------------------------------------------------------------------------------------
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18080)"
BASE="http://127.0.0.1:$PORT"
LOG="$RESULTS/service.log"
echo "== starting $JAR on port $PORT with $JAVA (Java $JAVA_VERSION; log: $LOG; JVM options: ${JAVA_OPTS:-none})"
start_service() { # jar, log: starts the service with an empty-at-first compiled-rules cache of its own; waits until ready
  START_NS=$(date +%s%N)
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS ${EXTRA_JAVA_OPTS:-} -jar "$1" --server.port="$PORT" --server.address=127.0.0.1 \
      --lotse.rules.dir="$WORK/rules" --lotse.rules.cache-dir="$WORK/compiled-rules" --lotse.rules.watch=false \
      --lotse.admin.password="$ADMIN_PASSWORD" > "$2" 2>&1 &
  PID=$!
  until curl -fsS "$BASE/actuator/health/readiness" >/dev/null 2>&1; do
    if ! kill -0 "$PID" 2>/dev/null; then echo "the service stopped during start-up:" >&2; tail -50 "$2" >&2; exit 1; fi
    if [ $(( ($(date +%s%N) - START_NS) / 1000000000 )) -gt 180 ]; then echo "not ready after 180 s" >&2; exit 1; fi
    sleep 0.1
  done
  READY_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
  STARTED=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*)' "$2" | head -1 || true)
  KB=$(grep -o 'Knowledge base sha256:[0-9a-f]\{12\}[0-9a-f]* loaded from [^:]*: [0-9]* rules in [0-9]* ms[^)]*)\?' "$2" \
       | head -1 | sed -E 's/sha256:([0-9a-f]{12})[0-9a-f]*/sha256:\1…/; s/ loaded from [^:]*:/ loaded:/' || true)
}
stop_service() {
  kill "$PID" 2>/dev/null || true
  for _ in $(seq 1 80); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
  PID=""
}
start_service "$JAR" "$LOG"

# --- load ----------------------------------------------------------------------------------------------------------
cpu_ticks() { # CPU time of the service process so far, in clock ticks (user + system)
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$PID/stat"
}
TICK_MS=$(python3 -c 'import os; print(1000 / os.sysconf("SC_CLK_TCK"))' 2>/dev/null || echo 10)
run() { # name, url, [lua]
  local name=$1 url=$2 lua=${3:-}
  local out="$RESULTS/wrk-$name.txt" before after
  before=$(cpu_ticks)
  if [ -n "$lua" ]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "$url" > "$out"
  else
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url" > "$out"
  fi
  after=$(cpu_ticks)
  local rps p50 p99 non2xx errors requests cpu
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  requests=$(awk '/requests in/ {print $1}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out")
  errors=$(grep -o 'Socket errors:.*' "$out" || true)
  cpu=$(python3 -c "print(f'{($after - $before) * $TICK_MS / max($requests, 1):.2f}')")
  printf '%-22s %9.0f req/s   p50 %8s   p99 %8s   CPU %5s ms/req   non-2xx %s %s\n' \
      "$name" "$rps" "$p50" "$p99" "$cpu" "${non2xx:-0}" "$errors"
  eval "RPS_${name//-/_}=$rps"
  eval "CPU_${name//-/_}=$cpu"
}

# Under full load the JIT compiles the generated classes of 358 rules for minutes (they run only when their rule
# fires): the throughput of the mix more than doubles over the first ~4 minutes. The rounds show where it levels out.
WARM_LUA="${MIX:-$WORK/one.lua}"
echo "== warm-up ${WARMUP}s in rounds of 30 s ($(basename "$WARM_LUA" .lua), then 20 s of the single case and of health)"
ROUNDS=""
for _ in $(seq 1 $(( (WARMUP + 29) / 30 ))); do
  ROUNDS="$ROUNDS $(wrk -t"$THREADS" -c"$CONNECTIONS" -d30s -s "$WARM_LUA" "$BASE/api/v1/decisions" \
      | awk '/^Requests\/sec:/ {printf "%.0f", $2}')"
done
echo "warm-up rounds (req/s)  $ROUNDS"
wrk -t"$THREADS" -c"$CONNECTIONS" -d20s -s "$WORK/one.lua" "$BASE/api/v1/decisions" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d20s "$BASE/actuator/health" > /dev/null

echo "== $DURATION each, $CONNECTIONS connections, $THREADS wrk threads; machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
run health "$BASE/actuator/health"
run decision "$BASE/api/v1/decisions" "$WORK/one.lua"
[ -n "$MIX" ] && run decision-mix "$BASE/api/v1/decisions" "$MIX"
run health-again "$BASE/actuator/health"

HEALTH=$(python3 -c "print(($RPS_health + $RPS_health_again) / 2)" 2>/dev/null || echo "$RPS_health")
echo
printf 'decision / health        %5.1f %%   (target >= 70 %%; health = mean of the runs before and after)\n' \
    "$(python3 -c "print(100 * $RPS_decision / $HEALTH)")"
[ -n "$MIX" ] && printf 'decision-mix / health    %5.1f %%\n' "$(python3 -c "print(100 * $RPS_decision_mix / $HEALTH)")"
printf 'CPU health / decision    %5.1f %%   (the same ratio from the service'"'"'s CPU time per request)\n' \
    "$(python3 -c "print(100 * ($CPU_health + $CPU_health_again) / 2 / $CPU_decision)")"

# The same mix at a fixed rate: each connection waits before its next request, so the service is not saturated and
# the latency is what a request takes rather than how long it queues (wrk measures from sending, without the wait).
if [ "$RATE" != 0 ]; then
  echo
  PACED="$WORK/paced.lua"
  cp "$WARM_LUA" "$PACED"
  printf '\nfunction delay()\n  return %s\nend\n' "$(( CONNECTIONS * 1000 / RATE ))" >> "$PACED"
  run "decision-mix-paced" "$BASE/api/v1/decisions" "$PACED"
  echo "                         (each of $CONNECTIONS connections waits $(( CONNECTIONS * 1000 / RATE )) ms between requests: at most $RATE req/s)"
fi

# --- start-up and reload -------------------------------------------------------------------------------------------
echo
echo "start-up                 ${STARTED:-?}; ready after ${READY_MS} ms (target < 6 s)"
echo "initial rules build      ${KB:-?}"
reload() { # $1 label: POST the reload, print its status and duration
  ANSWER=$(curl -sS -u "admin:$ADMIN_PASSWORD" -X POST "$BASE/api/v1/admin/rules/reload")
  echo "$1 $(python3 -c 'import json,sys; a=json.loads(sys.argv[1]); print(a.get("status"), a.get("durationMillis"), "ms", "(target < 1 s)")' "$ANSWER" 2>/dev/null || echo "$ANSWER")"
}
# a changed rule file: the whole DRL is compiled again
for i in 1 2 3; do
  printf '\n// load-test reload %s %s\n' "$i" "$(date +%s%N)" >> "$WORK/rules/aufenthg/s18g_blaue_karte.drl"
  reload "full reload #$i          "
done
# a changed parameter file (the usual yearly edit): the compiled rules are reused
for i in 1 2 3; do
  printf '\n# load-test reload %s %s\n' "$i" "$(date +%s%N)" >> "$WORK/rules/parameters/national-visa-fee.yaml"
  reload "data-only reload #$i     "
done
stop_service

# --- start-up again --------------------------------------------------------------------------------------------------
echo
echo "== start-up again with the same rules (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
start_service "$JAR" "$RESULTS/service-restart.log"
echo "restart, same jar        ${STARTED:-?}; ready after ${READY_MS} ms (target < 6 s)"
echo "                         ${KB:-?}"
stop_service
# the container image's layout (Dockerfile): the jar extracted, the rules compiled once by a training run, a second
# training run that writes the AOT cache (Java 25; a class-data archive, AppCDS, on older Java), then the start with
# both
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/image" > /dev/null
IMAGE_JAR="$WORK/image/$(basename "$JAR")"
train() { # extra JVM options
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS "$@" -Dspring.context.exit=onRefresh -jar "$IMAGE_JAR" --lotse.rules.dir="$WORK/rules" \
      --lotse.rules.cache-dir="$WORK/compiled-rules" >> "$RESULTS/service-training.log" 2>&1
}
: > "$RESULTS/service-training.log"
train
EXTRA_JAVA_OPTS=""
if [ "${JAVA_VERSION%%.*}" -ge 25 ] 2>/dev/null; then
  train -XX:AOTCacheOutput="$WORK/image/app.aot"
  EXTRA_JAVA_OPTS="-XX:AOTCache=$WORK/image/app.aot"
elif train -XX:ArchiveClassesAtExit="$WORK/image/application.jsa"; then
  EXTRA_JAVA_OPTS="-XX:SharedArchiveFile=$WORK/image/application.jsa"
else
  echo "(no class-data archive: the JVM could not write one, see $RESULTS/service-training.log; started without)"
fi
start_service "$IMAGE_JAR" "$RESULTS/service-image.log"
echo "as the image starts      ${STARTED:-?}; ready after ${READY_MS} ms (target < 6 s; without the image's LOTSE_WARMUP=30s, which delays ready on purpose)"
echo "                         ${KB:-?}"
stop_service
echo
echo "wrk output and the service logs: $RESULTS"
