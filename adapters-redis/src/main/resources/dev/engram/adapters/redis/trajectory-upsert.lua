-- ARGV: base, atomic (1/0), then per item: id, meta, body, loss ("" = none)
-- reply per item: the new change sequence (> 0), 0 unchanged, -2 conflict, -3 not stored (an atomic batch had a conflict)
local atomic = ARGV[2] == "1"
local n = (#ARGV - 2) / 4
local status, pending, conflicts = {}, {}, false
for i = 1, n do
  local o = 2 + (i - 1) * 4
  local id, meta = ARGV[o + 1], ARGV[o + 2]
  local hash = string.sub(meta, 1, (string.find(meta, "\t", 1, true) or 0) - 1)
  local existing = pending[id]
  if not existing then
    local stored = redis.call("HGET", base .. ":meta", id)
    if stored then existing = split(stored)[1] end
  end
  if not existing then
    status[i] = "new"; pending[id] = hash
  elseif existing == hash then
    status[i] = "same"
  else
    status[i] = "conflict"; conflicts = true
  end
end
local reply = {}
if atomic and conflicts then
  for i = 1, n do reply[i] = (status[i] == "conflict") and -2 or -3 end
  return reply
end
for i = 1, n do
  local o = 2 + (i - 1) * 4
  if status[i] == "new" then
    local id, meta, body, loss = ARGV[o + 1], ARGV[o + 2], ARGV[o + 3], ARGV[o + 4]
    local f = split(meta)
    redis.call("HSET", base .. ":meta", id, meta)
    redis.call("HSET", base .. ":body", id, body)
    if loss ~= "" then redis.call("HSET", base .. ":loss", id, loss) end
    local m = members(f, id)
    for fam, member in pairs(m) do
      for _, key in ipairs(indexKeys(fam, f)) do redis.call("ZADD", key, 0, member) end
    end
    local seq = redis.call("INCR", base .. ":seq")
    local entry = change(seq, "I", id, f, loss)
    redis.call("ZADD", base .. ":changes", seq, entry)
    redis.call("ZADD", base .. ":ins:" .. f[7], seq, entry)
    reply[i] = seq
  elseif status[i] == "same" then
    reply[i] = 0
  else
    reply[i] = -2
  end
end
return reply
