-- wrk script: catalogue searches with varied queries typed without diacritics, some with filters.
local queries = {
  "q=giay+phep+xay+dung", "q=khai+sinh", "q=ket+hon", "q=dat+dai", "q=ho+kinh+doanh",
  "q=thuy+san", "q=cap+lai", "q=chung+thuc", "q=moi+truong", "q=giay+phep",
  "q=dang+ky&level=COMMUNE", "q=cap&serviceLevel=4", "agency=000.00.03.H21", "q=ho+tich&agency=000.01.30.H21",
  "field=H%E1%BB%99+t%E1%BB%8Bch", "q=tong+hop+4711", "", "page=50"
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/procedures?" .. queries[(i % #queries) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
