#!/usr/bin/env bash
# The gateway's load benchmark (issue 5): builds, starts the upstream stubs and the gateway, creates
# the shares, warms up, runs wrk closed-loop per workload and concurrency, prints one table and
# stops everything. See BENCHMARKS.md for what each column means.
#
#   benchmark/run.sh              # full run: 30 s warm-up and 15 s per step, about 11 minutes
#   QUICK=1 benchmark/run.sh      # 5 s warm-up and 3 s per step, about 3 minutes
#
# Settings (environment; defaults in brackets): DURATION [15] seconds per step, WARMUP [30] seconds
# per workload (a third at c=16, the rest at the highest concurrency), CONCURRENCY ["1 16 64 256"],
# WORKLOADS [all six], PROFILES [100],
# STUB_LATENCY_MS [20], GATEWAY_HEAP [160m], GATEWAY_JAVA_OPTS, GATEWAY_ENV (NAME=value pairs set for
# the gateway's process only; empty for none), GATEWAY_CONFIG_EXTRA (JSON merged
# into the gateway configuration), WRK_TIMEOUT [5s], SAMPLE_EVERY [10], RESTART_PER_WORKLOAD [1],
# SKIP_BUILD=1, GATEWAY_JAR and BENCHMARK_JAR (run other jars than the build's, e.g. copies, so that
# building goes on during a run), JFR=1 (a recording and a summary per workload), KEEP=1 (keep the work directory),
# RESULTS (the results directory).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/benchmark
JAR=${BENCHMARK_JAR:-$BENCH/target/dossier-benchmark.jar}
GATEWAY_JAR=${GATEWAY_JAR:-$ROOT/gateway/target/dossier-gateway.jar}

if [[ ${QUICK:-0} == 1 ]]; then
  DURATION=${DURATION:-3}
  WARMUP=${WARMUP:-5}
else
  DURATION=${DURATION:-15}
  WARMUP=${WARMUP:-30}
fi
CONCURRENCY=${CONCURRENCY:-"1 16 64 256"}
MAX_C=$(printf '%s\n' $CONCURRENCY | sort -n | tail -1)
PROFILES=${PROFILES:-100}
WORKLOADS=${WORKLOADS:-"owner party large profiles1 profiles$PROFILES distinct$PROFILES"}
export STAND_IN_OWNERS=$PROFILES
export STUB_LATENCY_MS=${STUB_LATENCY_MS:-20}
GATEWAY_HEAP=${GATEWAY_HEAP:-160m}
# A fixed heap (no resizing during a step) with a large young generation, and the parallel collector:
# on two cores it cost less CPU per request than G1 and the serial one (BENCHMARKS.md). The native
# heap is trimmed every 2 s, so that memory the JIT compiler freed is given back. Only the C2
# compiler: the profiled C1 code and its compilations cost 15-25 MB of resident memory (session 5).
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:-"-Xms$GATEWAY_HEAP -Xmx$GATEWAY_HEAP -Xmn112m -XX:+UseParallelGC -XX:-TieredCompilation -XX:TrimNativeHeapInterval=2000"}
# glibc's malloc with fixed thresholds (128 KB) instead of ones that grow after large blocks are
# freed: memory freed in large blocks, mostly the C2 compiler's, goes back to the system
# (BENCHMARKS.md, session 14).
GATEWAY_ENV=${GATEWAY_ENV-"MALLOC_TRIM_THRESHOLD_=131072 MALLOC_MMAP_THRESHOLD_=131072"}
STUB_JAVA_OPTS=${STUB_JAVA_OPTS:-"-Xms512m -Xmx512m"}
WRK_TIMEOUT=${WRK_TIMEOUT:-5s}
SAMPLE_EVERY=${SAMPLE_EVERY:-10}
RESULTS=${RESULTS:-$BENCH/target/results/$(date +%Y%m%d-%H%M%S)}
FLOOR_MS=$((2 * STUB_LATENCY_MS))
CLK_TCK=$(getconf CLK_TCK)

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- prerequisites ---------------------------------------------------------------------------
command -v curl >/dev/null || die "curl is required"
if ! command -v wrk >/dev/null; then
  log "installing wrk (apt-get install -y wrk)"
  SUDO=""; [[ $EUID -ne 0 ]] && SUDO=sudo
  $SUDO apt-get install -y wrk >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk >/dev/null; }
fi
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  log "building (mvn -q -B install -DskipTests)"
  (cd "$ROOT" && mvn -q -B -Dstyle.color=never install -DskipTests)
fi
[[ -f $JAR && -f $GATEWAY_JAR ]] || die "missing $JAR or $GATEWAY_JAR; build first"

mkdir -p "$RESULTS"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dossier-bench.XXXXXX")
STUB_PID=""
GATEWAY_PID=""

cleanup() {
  local code=$?
  stop_gateway
  if [[ -n $STUB_PID ]]; then
    kill "$STUB_PID" 2>/dev/null || true
    wait "$STUB_PID" 2>/dev/null || true
  fi
  if [[ ${KEEP:-0} == 1 ]]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
  exit $code
}
trap cleanup EXIT
trap 'exit 130' INT TERM

alive() { kill -0 "$1" 2>/dev/null; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU ticks of those threads of a process whose name matches a regex (GC workers, JIT compilers)
thread_ticks() {
  local sum=0 task name stat
  for task in /proc/$1/task/*; do
    name=$(cat "$task/comm" 2>/dev/null) || continue
    [[ $name =~ $2 ]] || continue
    stat=$(cat "$task/stat" 2>/dev/null) || continue
    read -r -a fields <<<"${stat##*) }"
    sum=$((sum + fields[11] + fields[12]))
  done
  echo "$sum"
}
GC_THREADS='^GC Thread|^VM Thread'
JIT_THREADS='^C[12] CompilerThre'
reset_peak_rss() { echo 5 >"/proc/$1/clear_refs" 2>/dev/null || true; }
peak_rss_kb() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }
stub_stats() { curl -sf "$STUB_CONTROL_URL/__stats"; }
# Waits until the gateway has finished the requests wrk left in flight (no upstream call for
# 300 ms), so that they do not count in the next step.
settle() {
  local before after
  before=$(stub_stats)
  for _ in $(seq 30); do
    sleep 0.3
    after=$(stub_stats)
    [[ $after == "$before" ]] && return
    before=$after
  done
}

# --- stubs and gateway -----------------------------------------------------------------------
log "starting the stubs (latency $STUB_LATENCY_MS ms); work directory $WORK"
# shellcheck disable=SC2086
java $STUB_JAVA_OPTS -jar "$JAR" "$WORK" >"$RESULTS/stubs.log" 2>&1 &
STUB_PID=$!
for _ in $(seq 120); do
  [[ -f $WORK/stubs.env ]] && break
  alive "$STUB_PID" || { tail -20 "$RESULTS/stubs.log" >&2; die "the stubs did not start"; }
  sleep 0.5
done
[[ -f $WORK/stubs.env ]] || die "the stubs did not start within 60 s"
# shellcheck disable=SC1091
source "$WORK/stubs.env"
cp "$WORK/gateway.json" "$RESULTS/gateway.json"

# start_gateway <name>: a fresh gateway JVM (log, and with JFR=1 a recording, named after <name>)
start_gateway() {
  local name=$1 jfr=""
  [[ ${JFR:-0} == 1 ]] && jfr="-XX:StartFlightRecording=filename=$RESULTS/gateway-$name.jfr,settings=profile,dumponexit=true"
  log "starting the gateway: $GATEWAY_ENV java $GATEWAY_JAVA_OPTS $jfr -jar ${GATEWAY_JAR#$ROOT/}"
  # shellcheck disable=SC2086
  env $GATEWAY_ENV java $GATEWAY_JAVA_OPTS $jfr -jar "$GATEWAY_JAR" --config "$WORK/gateway.json" >"$RESULTS/gateway-$name.log" 2>&1 &
  GATEWAY_PID=$!
  for _ in $(seq 120); do
    curl -sf "$GATEWAY_URL/health" >/dev/null 2>&1 && return
    alive "$GATEWAY_PID" || { tail -20 "$RESULTS/gateway-$name.log" >&2; die "the gateway did not start"; }
    sleep 0.5
  done
  die "the gateway did not become healthy within 60 s"
}

stop_gateway() {
  [[ -n $GATEWAY_PID ]] || return 0
  kill "$GATEWAY_PID" 2>/dev/null || true
  wait "$GATEWAY_PID" 2>/dev/null || true
  GATEWAY_PID=""
}

start_gateway setup
log "creating shares and workloads through the gateway's GraphQL API"
java -cp "$JAR" nl.dossier.benchmark.Setup "$WORK" "$GATEWAY_URL" "$PROFILES" | tee "$RESULTS/setup.txt" >&2

# --- measuring -------------------------------------------------------------------------------
# Before a step: while /ready shows an OPEN breaker (opened by the previous step or the warm-up),
# send a single owner and party read per second, which lets it go half-open after its wait and
# close again; give up after 30 s. (A HALF_OPEN breaker lets calls through, so it is not waited for.)
poke() {
  curl -s --max-time 10 -o /dev/null -H "Authorization: Bearer $(cat "$WORK/workloads/$1.token")" \
    -H 'Content-Type: application/json' --data-binary @"$WORK/workloads/$1.json" "$GATEWAY_URL/graphql" || true
}
recover() {
  local ready
  for i in $(seq 30); do
    ready=$(curl -s --max-time 10 "$GATEWAY_URL/ready" || true)
    [[ $ready == *'"OPEN"'* ]] || return 0
    ((i == 1)) && log "waiting for the gateway's breakers to close: $ready"
    poke owner
    poke party
    sleep 1
  done
  log "warning: the breakers did not close: $ready"
}

# run_wrk <out file> <connections> <seconds> <wrk arguments...>
run_wrk() {
  local out=$1 connections=$2 seconds=$3
  shift 3
  local threads=2
  ((connections < 2)) && threads=1
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout "$WRK_TIMEOUT" "$@" >"$out" 2>&1 || true
  settle
}

# result <wrk out> <key>: one value of the RESULT line
result() { grep '^RESULT' "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k {print $2}'; }

graphql_wrk() {
  local out=$1 workload=$2 connections=$3 seconds=$4
  run_wrk "$out" "$connections" "$seconds" -s "$BENCH/wrk/graphql.lua" "$GATEWAY_URL/graphql" -- \
    "$WORK/workloads/$workload.json" "$WORK/workloads/$workload.token" "$SAMPLE_EVERY"
}

log "measuring the stubs alone (wrk straight at DUO's resultaten, ${DURATION}s per step)"
STUB_ROWS=$RESULTS/stubs-alone.tsv
: >"$STUB_ROWS"
stub_target=("-H" "Authorization: Bearer at.duo.mariska" "$DUO_URL/duo/mijn-diplomas/v1/resultaten")
run_wrk /dev/null 64 "$WARMUP" -s "$BENCH/wrk/get.lua" "${stub_target[@]}"
for c in 64 256; do
  out=$RESULTS/stubs-alone-c$c.txt
  t0=$(cpu_ticks "$STUB_PID")
  run_wrk "$out" "$c" "$DURATION" -s "$BENCH/wrk/get.lua" "${stub_target[@]}"
  t1=$(cpu_ticks "$STUB_PID")
  grep -q '^RESULT' "$out" || { cat "$out" >&2; die "wrk failed against the stubs"; }
  awk -v c="$c" -v lat="$STUB_LATENCY_MS" -v ticks=$((t1 - t0)) -v hz="$CLK_TCK" \
    -v n="$(result "$out" requests)" -v us="$(result "$out" duration_us)" \
    -v p50="$(result "$out" p50)" -v p99="$(result "$out" p99)" \
    -v err=$(($(result "$out" non2xx) + $(result "$out" connect) + $(result "$out" read) + $(result "$out" write) + $(result "$out" timeout))) \
    'BEGIN { printf "%d\t%.0f\t%.0f\t%.1f\t%.1f\t%d\t%.1f\n", c, n / (us / 1e6), c * 1000 / lat,
             p50 / 1000, p99 / 1000, err, (n ? ticks * 1e6 / hz / n : 0) }' >>"$STUB_ROWS"
done

for workload in $WORKLOADS; do
  [[ -f $WORK/workloads/$workload.json ]] || die "unknown workload $workload"
done

ROWS=$RESULTS/table.tsv
CALLS=$RESULTS/calls.tsv
: >"$ROWS"
: >"$CALLS"
for workload in $WORKLOADS; do
  # A fresh gateway per workload (shares and the gateway's key persist in the H2 store), so that
  # a workload that opens breakers or fills caches does not change the figures of the next one.
  if [[ ${RESTART_PER_WORKLOAD:-1} == 1 ]]; then
    stop_gateway
    start_gateway "$workload"
  fi
  # Warm-up right before the workload's steps, so that a workload that trips a breaker (see
  # degraded.txt) cannot spoil the warm-up of the ones measured before it. A third at c=16, the
  # rest at the run's highest concurrency: after a warm-up at c=16 alone, the JIT compiler still
  # took over a third of a core through the first c=256 step (BENCHMARKS.md, session 4).
  log "warming up: workload $workload at c=16 for $((WARMUP / 3))s, then c=$MAX_C for $((WARMUP - WARMUP / 3))s"
  ((WARMUP / 3 > 0)) && graphql_wrk /dev/null "$workload" 16 $((WARMUP / 3))
  graphql_wrk /dev/null "$workload" "$MAX_C" $((WARMUP - WARMUP / 3))
  for c in $CONCURRENCY; do
    log "workload $workload, c=$c, ${DURATION}s"
    out=$RESULTS/$workload-c$c.txt
    recover
    stub_stats >"$RESULTS/$workload-c$c.stats0"
    g0=$(cpu_ticks "$GATEWAY_PID")
    s0=$(cpu_ticks "$STUB_PID")
    gc0=$(thread_ticks "$GATEWAY_PID" "$GC_THREADS")
    jit0=$(thread_ticks "$GATEWAY_PID" "$JIT_THREADS")
    reset_peak_rss "$GATEWAY_PID"
    graphql_wrk "$out" "$workload" "$c" "$DURATION"
    g1=$(cpu_ticks "$GATEWAY_PID")
    s1=$(cpu_ticks "$STUB_PID")
    gc1=$(thread_ticks "$GATEWAY_PID" "$GC_THREADS")
    jit1=$(thread_ticks "$GATEWAY_PID" "$JIT_THREADS")
    rss=$(peak_rss_kb "$GATEWAY_PID")
    stub_stats >"$RESULTS/$workload-c$c.stats1"
    grep -q '^RESULT' "$out" || { cat "$out" >&2; die "wrk failed"; }
    n=$(result "$out" requests)
    us=$(result "$out" duration_us)
    errors=$(($(result "$out" non2xx) + $(result "$out" connect) + $(result "$out" read) + $(result "$out" write) + $(result "$out" timeout)))
    # per registry: calls in the step / requests
    awk -v n="$n" -v w="$workload" -v c="$c" '
      FNR == NR { before[$1] = $2; next }
      { delta[$1] = $2 - before[$1] }
      END {
        oidc = 0
        for (k in delta) if (k ~ /^eduid\.oidc-/) oidc += delta[k]
        d = n > 0 ? n : 1
        printf "%s\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\n", w, c, delta["total"] / d,
          delta["eduid.oidc-token"] / d, (delta["eduid"] - oidc) / d, delta["duo"] / d,
          delta["edubadges"] / d, delta["rio"] / d, delta["sbb"] / d,
          delta["eduid.unmatched"] + delta["duo.unmatched"] + delta["edubadges.unmatched"] + delta["rio.unmatched"] + delta["sbb.unmatched"]
      }' "$RESULTS/$workload-c$c.stats0" "$RESULTS/$workload-c$c.stats1" >>"$CALLS"
    calls_row=$(tail -1 "$CALLS")
    awk -v w="$workload" -v c="$c" -v n="$n" -v us="$us" -v hz="$CLK_TCK" \
      -v p50="$(result "$out" p50)" -v p90="$(result "$out" p90)" -v p99="$(result "$out" p99)" \
      -v err="$errors" -v gql="$(result "$out" gql_errors)" -v sampled="$(result "$out" sampled)" \
      -v up="$(cut -f3 <<<"$calls_row")" -v tok="$(cut -f4 <<<"$calls_row")" \
      -v gticks=$((g1 - g0)) -v sticks=$((s1 - s0)) -v rss="$rss" -v floor="$FLOOR_MS" \
      -v gcticks=$((gc1 - gc0)) -v jitticks=$((jit1 - jit0)) \
      'BEGIN {
         secs = us / 1e6
         printf "%s\t%d\t%.0f\t%.1f\t%.1f\t%.1f\t%d\t%d/%d\t%.2f\t%.2f\t%.3f\t%.0f\t%.0f\t%.0f\t%d\t%.3f\t%.3f\n",
           w, c, n / secs, p50 / 1000, p90 / 1000, p99 / 1000, err, gql, sampled, up, tok,
           (n ? gticks * 1000 / hz / n : 0), gticks * 100 / hz / secs, sticks * 100 / hz / secs,
           rss / 1024, floor, (n ? gcticks * 1000 / hz / n : 0), (n ? jitticks * 1000 / hz / n : 0)
       }' >>"$ROWS"
    grep '^EXAMPLE_ERROR' "$out" | head -1 | cut -c1-300 >&2 || true
    ready=$(curl -s --max-time 10 "$GATEWAY_URL/ready" || true)
    if [[ $ready == *DEGRADED* ]]; then
      log "the gateway reports DEGRADED after this step: $ready"
      echo "$workload c=$c: $ready" >>"$RESULTS/degraded.txt"
    fi
  done
done

# --- report ----------------------------------------------------------------------------------
stop_gateway
gzip -f "$RESULTS"/gateway-*.log
MACHINE="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | sed -n 1p), $(wrk --version 2>&1 | sed -n "1s/ \[.*//p" || true)"
BUILD="commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- gateway connectors schema 2>/dev/null || echo ' with uncommitted changes'), gateway jar of $(date -r "$GATEWAY_JAR" '+%Y-%m-%d %H:%M')"
for setting in STUB_LATENCY_MS DURATION WARMUP PROFILES WORKLOADS GATEWAY_JAVA_OPTS GATEWAY_ENV MACHINE BUILD; do
  printf '%s=%q\n' "$setting" "${!setting}"
done >"$RESULTS/settings.env"
"$BENCH/report.sh" "$RESULTS" | tee "$RESULTS/report.txt"
if [[ ${JFR:-0} == 1 ]]; then
  for recording in "$RESULTS"/gateway-*.jfr; do
    [[ $recording == *gateway-setup.jfr ]] && continue
    { echo; echo "JFR profile: $recording"; "$BENCH/jfr-summary.sh" "$recording"; } | tee -a "$RESULTS/report.txt"
  done
fi
