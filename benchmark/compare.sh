#!/usr/bin/env bash
# Interleaved runs of two gateways or two sets of JVM flags: A, B, A, B, ... and one table of all
# rows, each marked with its side and round. On a shared machine the speed changes from hour to
# hour by more than most changes are worth; interleaving puts both sides in the same hours.
#
#   benchmark/compare.sh <A> <B> [rounds]       (rounds: 2)
#
# A side is a directory holding dossier-gateway.jar and dossier-benchmark.jar (a copy of a build),
# "opts:<JVM flags>" for the current build run with those gateway flags, or "env:<NAME=value ...>"
# for the current build run with those variables in the gateway's environment. Everything else is set
# as for run.sh (WORKLOADS, CONCURRENCY, WARMUP, DURATION, ...); each run's results go to
# $RESULTS/<side><round>, the combined rows to $RESULTS/compare.tsv.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
die() { echo "compare.sh: $*" >&2; exit 1; }

[[ $# -ge 2 ]] || die "usage: benchmark/compare.sh <A> <B> [rounds]"
declare -A SIDES=([A]="$1" [B]="$2")
ROUNDS=${3:-2}
RESULTS=${RESULTS:-$BENCH/target/results/compare-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$RESULTS"

for side in A B; do
  spec=${SIDES[$side]}
  if [[ $spec != opts:* && $spec != env:* ]]; then
    [[ -f $spec/dossier-gateway.jar && -f $spec/dossier-benchmark.jar ]] ||
      die "$side: $spec holds no dossier-gateway.jar and dossier-benchmark.jar"
  fi
done

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  (cd "$ROOT" && mvn -q -B install -DskipTests)
fi

# Runs one side once, with the build's jars and the side's flags, or the side's jars.
run() {
  local side=$1 round=$2 spec=${SIDES[$1]}
  local out=$RESULTS/$side$round
  echo "== $side, round $round: $spec"
  if [[ $spec == opts:* ]]; then
    GATEWAY_JAVA_OPTS=${spec#opts:} SKIP_BUILD=1 RESULTS=$out "$BENCH/run.sh" > "$out.log" 2>&1
  elif [[ $spec == env:* ]]; then
    GATEWAY_ENV=${spec#env:} SKIP_BUILD=1 RESULTS=$out "$BENCH/run.sh" > "$out.log" 2>&1
  else
    GATEWAY_JAR=$spec/dossier-gateway.jar BENCHMARK_JAR=$spec/dossier-benchmark.jar SKIP_BUILD=1 \
      RESULTS=$out "$BENCH/run.sh" > "$out.log" 2>&1
  fi
}

for round in $(seq 1 "$ROUNDS"); do
  run A "$round"
  run B "$round"
done

for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    sed "s/^/$side$round\t/" "$RESULTS/$side$round/table.tsv"
  done
done > "$RESULTS/compare.tsv"
printf '%-5s %-12s %4s %8s %8s %8s %6s %9s %7s %8s %8s %8s\n' \
  run workload c req/s p50_ms p99_ms errors gql_err cpu_ms/req gw_cpu% gc_ms rss_MB
awk -F'\t' '{ printf "%-5s %-12s %4d %8d %8.1f %8.1f %6d %9s %7.3f %8d %8.3f %8d\n",
                $1, $2, $3, $4, $5, $7, $8, $9, $12, $13, $17, $15 }' "$RESULTS/compare.tsv"
echo "A = ${SIDES[A]}"
echo "B = ${SIDES[B]}"
echo "results: $RESULTS"
