-- One agent's timelines in one tier (keys under the agent's tag). KEYS[1]: the time index.
-- ARGV: agent base, cap, ttl ms, then pairs member (time code + id), reward
-- Adds the members, drops the oldest beyond the cap, refreshes the TTL; reply: the members dropped.
local base, cap, ttl = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local t, r = base .. ":t", base .. ":r"
for i = 4, #ARGV, 2 do
  redis.call("ZADD", t, 0, ARGV[i])
  redis.call("ZADD", r, ARGV[i + 1], ARGV[i])
end
local dropped = {}
local excess = redis.call("ZCARD", t) - cap
if excess > 0 then
  dropped = redis.call("ZRANGEBYLEX", t, "-", "+", "LIMIT", 0, excess)
  for _, member in ipairs(dropped) do
    redis.call("ZREM", t, member)
    redis.call("ZREM", r, member)
  end
end
redis.call("PEXPIRE", t, ttl)
redis.call("PEXPIRE", r, ttl)
return dropped
