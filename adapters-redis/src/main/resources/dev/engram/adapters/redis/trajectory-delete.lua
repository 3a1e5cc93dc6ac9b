-- ARGV: base, then ids; deletes those that exist, each with a DELETE change (oldest first as given); reply: how many
local deleted = 0
for i = 2, #ARGV do
  local id = ARGV[i]
  local meta = redis.call("HGET", base .. ":meta", id)
  if meta then
    local f = split(meta)
    local loss = redis.call("HGET", base .. ":loss", id)
    for fam, member in pairs(members(f, id)) do
      for _, key in ipairs(indexKeys(fam, f)) do redis.call("ZREM", key, member) end
    end
    local replays = redis.call("HGET", base .. ":replays", id)
    if replays then
      redis.call("DECRBY", base .. ":replays_total", replays)
      redis.call("HDEL", base .. ":replays", id)
    end
    redis.call("HDEL", base .. ":meta", id)
    redis.call("HDEL", base .. ":body", id)
    redis.call("HDEL", base .. ":loss", id)
    local seq = redis.call("INCR", base .. ":seq")
    redis.call("ZADD", base .. ":changes", seq, change(seq, "D", id, f, loss))
    deleted = deleted + 1
  end
end
return deleted
