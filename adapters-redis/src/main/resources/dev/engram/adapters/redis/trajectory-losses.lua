-- ARGV: base, then pairs id, loss; sets the loss of those that exist, each with a LOSS change; reply: their ids
local updated = {}
for i = 2, #ARGV, 2 do
  local id, loss = ARGV[i], ARGV[i + 1]
  local meta = redis.call("HGET", base .. ":meta", id)
  if meta then
    redis.call("HSET", base .. ":loss", id, loss)
    local seq = redis.call("INCR", base .. ":seq")
    redis.call("ZADD", base .. ":changes", seq, change(seq, "L", id, split(meta), loss))
    updated[#updated + 1] = id
  end
end
return updated
