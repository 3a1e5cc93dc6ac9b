-- Once stream KEYS[1] holds more than ARGV[1] entries (0: never), trims the entries every group has acknowledged:
-- never one that a group has pending or has not been delivered yet, and nothing while no group reads the stream.
-- Reply: the number of entries removed.
local maxlen = tonumber(ARGV[1])
if maxlen == 0 or redis.call("EXISTS", KEYS[1]) == 0 or redis.call("XLEN", KEYS[1]) <= maxlen then return 0 end
local gs = groups(KEYS[1])
if #gs == 0 then return 0 end
local safe = nil
for _, f in ipairs(gs) do
  local keep = f["last-delivered-id"]
  if f["pending"] > 0 then keep = redis.call("XPENDING", KEYS[1], f["name"])[2] end
  if not safe or idLess(keep, safe) then safe = keep end
end
return redis.call("XTRIM", KEYS[1], "MINID", "~", safe)
