-- wrk script: GET PATH with the API key; prints the same RESULT line as ingest.lua.
local key = os.getenv("KEY")
local path = os.getenv("GET_PATH")

request = function()
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. key})
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors_status=%d errors_other=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f p90_ms=%.2f p999_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99.9) / 1000))
end
