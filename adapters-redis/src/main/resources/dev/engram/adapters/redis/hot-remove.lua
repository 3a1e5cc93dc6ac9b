-- Drops copies by id in one tier and tombstones the ids (keys under the namespace's tag).
-- ARGV: base, tombstone ttl ms, then ids; reply: agent, member pairs of the copies dropped (for their timelines)
local base, tomb = ARGV[1], ARGV[2]
local reply = {}
for i = 3, #ARGV do
  local id = ARGV[i]
  local value = redis.call("GET", base .. ":b:" .. id)
  if value then
    local a = string.find(value, "\n", 1, true)
    local b = string.find(value, "\n", a + 1, true)
    reply[#reply + 1] = string.sub(value, 1, a - 1)
    reply[#reply + 1] = string.sub(value, a + 1, b - 1) .. id
    redis.call("DEL", base .. ":b:" .. id)
  end
  redis.call("SET", base .. ":x:" .. id, "1", "PX", tomb)
end
return reply
