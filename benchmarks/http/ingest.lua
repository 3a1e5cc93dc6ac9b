-- wrk script: POST /v1/trajectories with BATCH trajectories of about 2 KB each (NDJSON), every id unique.
-- Environment: KEY (the API key), BATCH (items per request, default 100), AGENT (default: one agent per thread),
-- MAX_REQUESTS (per thread; the run stops early when reached, default unbounded within wrk's -d).
local batch = tonumber(os.getenv("BATCH") or "100")
local key = os.getenv("KEY")
local fixed_agent = os.getenv("AGENT")
local max_requests = tonumber(os.getenv("MAX_REQUESTS") or "0")
local threads = {}
local counter = 0
local padding = string.rep("Read the service logs before escalating; the JWT expiry check was off by one hour. ", 16)

-- tid is a global of each thread's own Lua state, set here by the main one (a local would shadow it: every
-- thread would then send the same ids, and all but the first copy would be "unchanged")
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local function one(n)
  local agent = fixed_agent or ("load-agent-" .. tid)
  return '{"trajectory_id":"t' .. tid .. '-' .. n .. '-' .. os.time() .. '","agent_id":"' .. agent ..
    '","task_id":"deploy","domain":"code","final_outcome":"' .. ((n % 3 == 0) and "failure" or "success") ..
    '","reward":' .. ((n % 3 == 0) and "0.2" or "0.9") ..
    ',"steps":[{"tool_name":"analyze_code","tool_args":{"file":"auth.py","line":' .. n ..
    '},"tool_result":"Found 3 potential bugs","agent_reasoning":"' .. padding ..
    '"}],"reflection":{"summary":"Investigated auth-service first","mistakes":["Escalated too early"],' ..
    '"successes":["Correctly identified root cause on step 3"]}}'
end

request = function()
  counter = counter + 1
  if max_requests > 0 and counter > max_requests then
    wrk.thread:stop()
  end
  local items = {}
  for i = 1, batch do
    items[i] = one(counter * batch + i)
  end
  return wrk.format("POST", "/v1/trajectories",
    {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/x-ndjson"}, table.concat(items, "\n"))
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors_status=%d errors_other=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
