-- wrk script: online submissions of a 1 KB form with one 100 KB PDF (multipart), signed in.
-- BENCH_PATH: another address for the same body (a rung of the ladder, /bench/uploads/...), sent without
-- the session cookie and CSRF token.
local boundary = "----dvcbench7b1c"
local function read(path)
  local f = assert(io.open(path, "rb")); local s = f:read("*a"); f:close(); return s
end
local form = read("target/bench/form.json")
local pdf = read("target/bench/file.pdf")
-- BENCH_AGENCY: the receiving agencies, comma-separated; requests take them in turn.
local bodies = {}
local function body(agency)
  return table.concat({
  "--", boundary, "\r\nContent-Disposition: form-data; name=\"procedureCode\"\r\n\r\n9.900001\r\n",
  "--", boundary, "\r\nContent-Disposition: form-data; name=\"agencyCode\"\r\n\r\n", agency, "\r\n",
  "--", boundary, "\r\nContent-Disposition: form-data; name=\"form\"\r\nContent-Type: application/json\r\n\r\n", form, "\r\n",
  "--", boundary, "\r\nContent-Disposition: form-data; name=\"component.1\"; filename=\"to-khai.pdf\"\r\n",
  "Content-Type: application/pdf\r\n\r\n", pdf, "\r\n",
  "--", boundary, "--\r\n"})
end
for agency in string.gmatch(os.getenv("BENCH_AGENCY"), "[^,]+") do bodies[#bodies + 1] = body(agency) end
local path = os.getenv("BENCH_PATH") or "/api/v1/dossiers"
local headers = {["Content-Type"] = "multipart/form-data; boundary=" .. boundary}
if path == "/api/v1/dossiers" then
  headers["Cookie"] = os.getenv("BENCH_COOKIE"); headers["X-XSRF-TOKEN"] = os.getenv("BENCH_XSRF")
end
local turn = 0
request = function()
  turn = turn + 1
  return wrk.format("POST", path, headers, bodies[(turn % #bodies) + 1])
end
-- The first refusal of each thread, to say why a run failed.
local threads = {}
setup = function(thread) threads[#threads + 1] = thread end
response = function(status, headers, body)
  if status ~= 201 and not refused then refused = status .. " " .. string.sub(body, 1, 300) end
end
done = function(summary, latency, requests)
  for _, thread in ipairs(threads) do
    local why = thread:get("refused")
    if why then io.write("REFUSED " .. why .. "\n") end
  end
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
