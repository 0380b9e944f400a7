-- wrk script: the baseline, one procedure read by its code (primary-key lookups), same server, same run.
local codes = {"1.001193", "1.000894", "8.000123", "8.012345", "8.049999", "1.001612", "2.000635", "8.030000"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/procedures/" .. codes[(i % #codes) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
