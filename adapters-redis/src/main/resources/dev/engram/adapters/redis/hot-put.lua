-- One tier's copies by id (all keys under the namespace's tag). KEYS[1]: the tier's agents set.
-- ARGV: base, ttl ms, agents-set ttl ms, then per item: id, agent, time code, value
-- A copy is kept out when its id, its agent, or its time (below a removal cutoff) was removed before: a late put
-- from a writer that raced the removal must not bring an old copy back. Reply per item: 1 taken, 0 kept out.
local base, ttl = ARGV[1], ARGV[2]
local cut = redis.call("GET", base .. ":cut")
local reply = {}
for i = 4, #ARGV, 4 do
  local id, agent, tc, value = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  if redis.call("EXISTS", base .. ":x:" .. id) == 1 or redis.call("EXISTS", base .. ":xa:" .. agent) == 1 or (cut and tc < cut) then
    reply[#reply + 1] = 0
  else
    redis.call("SET", base .. ":b:" .. id, value, "PX", ttl)
    redis.call("SADD", KEYS[1], agent)
    reply[#reply + 1] = 1
  end
end
redis.call("PEXPIRE", KEYS[1], ARGV[3])
return reply
