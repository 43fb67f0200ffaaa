#!/usr/bin/env bash
# Prints the report of a benchmark run from its results directory (run.sh calls it at the end):
#   benchmark/report.sh benchmark/target/results/<run>
set -eu # no pipefail: "| head" ends its writers early
RESULTS=${1:?usage: report.sh <results directory>}
# shellcheck disable=SC1091
source "$RESULTS/settings.env"
FLOOR_MS=$((2 * STUB_LATENCY_MS))

# The figures issue 5 sets targets for, next to the targets.
targets() {
  awk -F'\t' -v floor="$FLOOR_MS" -v profiles="profiles$PROFILES" -v distinct="distinct$PROFILES" '
    { key = $1 " " $2; rps[key] = $3; p50[key] = $4; p99[key] = $6; err[key] = $7; gql[key] = $8
      cpu[key] = $11; if ($14 > rss) rss = $14 }
    function show(label, value, target) { printf "  %-44s %-24s %s\n", label, value, target }
    function errors(key) { return sprintf("%d HTTP, %s GraphQL", err[key], gql[key]) }
    END {
      print "Against the targets of issue 5 (owner workload unless named; GraphQL errors sampled):"
      if ("owner 1" in p50) show("c=1 p50 above the floor", sprintf("%+.1f ms", p50["owner 1"] - floor), "<= 3 ms")
      if ("owner 64" in rps) {
        show("c=64 req/s", rps["owner 64"], sprintf(">= %d (90%% of 64/floor)", 0.9 * 64 * 1000 / floor))
        show("c=64 p99", sprintf("%.1f ms", p99["owner 64"]), sprintf("<= %.0f ms (1.5x floor)", 1.5 * floor))
        show("c=64 errors", errors("owner 64"), "0")
      }
      if ("owner 256" in rps) {
        show("c=256 req/s", rps["owner 256"], ">= 3000")
        show("c=256 errors", errors("owner 256"), "0")
        show("c=256 gateway CPU per request", sprintf("%.3f ms", cpu["owner 256"]), "<= 0.35 ms")
      }
      show("peak RSS, all steps", sprintf("%d MB", rss), "<= 300 MB")
      for (c = 1; c <= 256; c *= 4) {
        one = "profiles1 " c
        if (!(one in p50) || p50[one] == 0) continue
        for (i = 1; i <= 2; i++) {
          name = i == 1 ? profiles : distinct
          if (!((name " " c) in p50)) continue
          show(sprintf("c=%d p50 %s / profiles1", c, name), sprintf("%.1fx (errors: %s)", p50[name " " c] / p50[one], gql[name " " c]), "<= 3x")
        }
      }
      print ""
    }' "$1"
}

echo
echo "Gateway benchmark: stubs at ${STUB_LATENCY_MS} ms, ${DURATION} s per step, warm-up ${WARMUP} s per workload (a third at c=16, the rest at the highest c)"
echo "$MACHINE; gateway: $GATEWAY_JAVA_OPTS"
echo "${BUILD:-}"
echo
printf '%-12s %4s %8s %8s %8s %8s %6s %9s %7s %7s %9s %7s %8s %8s %6s %8s %8s\n' \
  workload c req/s p50_ms p90_ms p99_ms errors gql_err up/req tok/req cpu_ms/req gw_cpu% stub_cpu% rss_MB floor gc_ms jit_ms
awk -F'\t' '{ printf "%-12s %4d %8d %8.1f %8.1f %8.1f %6d %9s %7.2f %7.2f %9.3f %7d %8d %8d %6d %8.3f %8.3f\n",
                $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17 }' "$RESULTS/table.tsv"
echo
echo "Upstream calls per gateway request, by registry (eduid: /myconext only; token: /oidc/token):"
printf '%-12s %4s %7s %7s %7s %7s %9s %7s %7s %9s\n' workload c total token eduid duo edubadges rio sbb unmatched
awk -F'\t' '{ printf "%-12s %4d %7.2f %7.2f %7.2f %7.2f %9.2f %7.2f %7.2f %9d\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 }' \
  "$RESULTS/calls.tsv"
echo
echo "Stubs alone (wrk straight at DUO resultaten; ideal = c / latency):"
printf '%4s %8s %8s %8s %8s %6s %12s\n' c req/s ideal p50_ms p99_ms errors stub_us/req
awk -F'\t' '{ printf "%4d %8d %8d %8.1f %8.1f %6d %12.1f\n", $1, $2, $3, $4, $5, $6, $7 }' "$RESULTS/stubs-alone.tsv"
echo
targets "$RESULTS/table.tsv"
if [[ -s $RESULTS/degraded.txt ]]; then
  echo "The gateway's /ready said DEGRADED (a breaker not closed) after these steps:"
  cut -c1-200 "$RESULTS/degraded.txt"
  echo
fi
for gateway_log in "$RESULTS"/gateway-*.log*; do
  warnings=$(zcat -f "$gateway_log" | grep -c '^WARNING\|^SEVERE' || true)
  blocked=$(zcat -f "$gateway_log" | grep -c 'has been blocked for' || true)
  echo "$(basename "$gateway_log"): $(zcat -f "$gateway_log" | wc -l) lines, $warnings warnings or worse, $blocked event-loop blocked-thread warnings"
done
zcat -f "$RESULTS"/gateway-*.log* | grep -A2 'has been blocked for' | head -6
echo
echo "Most frequent gateway warnings per workload (paths and correlation ids removed):"
for workload in $WORKLOADS; do
  for gateway_log in "$RESULTS/gateway-$workload".log*; do
    [[ -f $gateway_log ]] || continue
    zcat -f "$gateway_log" | grep '^WARNING\|^SEVERE' |
      sed -E 's/\[[0-9a-f-]{36}\] //; s/: \/[^:]*: /: <path>: /' | sort | uniq -c | sort -rn | head -3 |
      awk -v w="$workload" '{ printf "  %-12s %s\n", w, $0 }'
  done
done
echo "Results and logs: $RESULTS"
