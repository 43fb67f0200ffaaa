#!/usr/bin/env bash
# Summarises a JFR recording of the gateway (benchmark/run.sh with JFR=1 makes one):
#   benchmark/jfr-summary.sh benchmark/target/results/<run>/gateway.jfr
# Prints CPU per thread, the share of CPU samples and of allocated bytes whose stack passes
# through each of a few known parts of the request path (inclusive, so rows overlap), and the
# hottest frames.
set -eu  # no pipefail: "| head" ends its writers early
JFR_FILE=${1:?usage: jfr-summary.sh <recording.jfr>}
PARTS="graphql.analysis.|graphql.parser.|graphql.validation.|graphql.execution.|PolicyDirectiveWiring|GatewayKeys.sign|JwtAuthenticator|HttpTokenExchange|JdbcGrantStore|DisclosureLog|io.vertx.core.json|Responses.send|java.util.logging"

samples=$(mktemp)
allocations=$(mktemp)
trap 'rm -f "$samples" "$allocations"' EXIT
jfr print --events jdk.ExecutionSample --stack-depth 64 "$JFR_FILE" >"$samples"
jfr print --events jdk.ObjectAllocationSample --stack-depth 64 "$JFR_FILE" >"$allocations"

echo "CPU by thread (sum of per-second samples of jdk.ThreadCPULoad, in % of one core x s):"
jfr print --events jdk.ThreadCPULoad "$JFR_FILE" |
  awk '/user =|system =/ { v = $3; gsub("%", "", v); load += v }
       /eventThread/ { sub(/^[^"]*"/, ""); sub(/".*/, ""); thread = $0 }
       /^}/ { total[thread] += load; load = 0 }
       END { for (t in total) if (total[t] >= 1) printf "%9.0f  %s\n", total[t], t }' | sort -rn | head -8

echo
echo "Share of CPU samples and of sampled allocation whose stack passes through (inclusive):"
inclusive() { # <file> <weighted: 0|1>
  awk -v parts="$PARTS" -v weighted="$2" '
    BEGIN { n = split(parts, part, "|") }
    /^jdk\.(ExecutionSample|ObjectAllocationSample)/ { delete seen; w = 1 }
    weighted && /weight =/ { w = $3; if ($4 == "MB") w *= 1048576; else if ($4 == "kB") w *= 1024 }
    /stackTrace = \[/ { inside = 1; total += w; next }
    inside { for (i = 1; i <= n; i++) if (!(i in seen) && index($0, part[i])) { seen[i] = 1; hit[i] += w } }
    /^[ ]*\]/ { inside = 0 }
    END { for (i = 1; i <= n; i++) printf "%s\t%.1f\n", part[i], total ? 100 * hit[i] / total : 0 }' "$1"
}
join -t $'\t' <(inclusive "$samples" 0 | sort) <(inclusive "$allocations" 1 | sort) |
  sort -t $'\t' -k2 -rn | awk -F'\t' 'BEGIN { printf "%7s %7s  %s\n", "cpu%", "alloc%", "part" }
                                       { printf "%7.1f %7.1f  %s\n", $2, $3, $1 }'

echo
echo "Hottest frames (top of stack), CPU samples:"
awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); count[$0]++ }
     END { for (f in count) printf "%7d  %s\n", count[f], f }' "$samples" | sort -rn | head -12
echo
echo "Hottest project frames (first nl.dossier frame of each CPU sample):"
awk '/stackTrace = \[/ { inside = 1; next }
     inside && /nl\.dossier\./ { sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); count[$0]++; inside = 0 }
     /^[ ]*\]/ { inside = 0 }
     END { for (f in count) printf "%7d  %s\n", count[f], f }' "$samples" | sort -rn | head -12
