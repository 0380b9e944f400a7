-- wrk script: online submissions of a 1 KB form with one 100 KB PDF (multipart), signed in.
local boundary = "----dvcbench7b1c"
local function read(path)
  local f = assert(io.open(path, "rb")); local s = f:read("*a"); f:close(); return s
end
local form = read("target/bench/form.json")
local pdf = read("target/bench/file.pdf")
local agency = os.getenv("BENCH_AGENCY")
local body = table.concat({
  "--", boundary, "\r\nContent-Disposition: form-data; name=\"procedureCode\"\r\n\r\n9.900001\r\n",
  "--", boundary, "\r\nContent-Disposition: form-data; name=\"agencyCode\"\r\n\r\n", agency, "\r\n",
  "--", boundary, "\r\nContent-Disposition: form-data; name=\"form\"\r\nContent-Type: application/json\r\n\r\n", form, "\r\n",
  "--", boundary, "\r\nContent-Disposition: form-data; name=\"component.1\"; filename=\"to-khai.pdf\"\r\n",
  "Content-Type: application/pdf\r\n\r\n", pdf, "\r\n",
  "--", boundary, "--\r\n"})
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
wrk.headers["X-XSRF-TOKEN"] = os.getenv("BENCH_XSRF")
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
