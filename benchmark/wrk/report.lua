-- Shared by graphql.lua and get.lua: sums the per-thread counters and prints one RESULT line
-- that run.sh parses (latencies in microseconds).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local sampled, gql_errors, example = 0, 0, ""
  for _, thread in ipairs(threads) do
    sampled = sampled + (thread:get("sampled") or 0)
    gql_errors = gql_errors + (thread:get("gql_errors") or 0)
    if example == "" then example = thread:get("example") or "" end
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50=%d p90=%d p99=%d max=%d mean=%.0f "
      .. "connect=%d read=%d write=%d timeout=%d non2xx=%d sampled=%d gql_errors=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.timeout, e.status, sampled, gql_errors))
  if example ~= "" then
    io.write("EXAMPLE_ERROR " .. example:gsub("\n", " ") .. "\n")
  end
end
