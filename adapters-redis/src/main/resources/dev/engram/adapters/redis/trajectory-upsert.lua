-- ARGV: base, atomic (1/0), then per item: id, meta, body, loss ("" = none)
-- reply per item: the new change sequence (> 0), 0 unchanged, -2 conflict, -3 not stored (an atomic batch had a conflict)
-- Every write is gathered first and sent as a few commands with many arguments (per key, not per item).
local atomic = ARGV[2] == "1"
local n = (#ARGV - 2) / 4
local ids = {}
for i = 1, n do ids[i] = ARGV[2 + (i - 1) * 4 + 1] end
local stored = {}
for i = 1, n, 500 do
  local part = redis.call("HMGET", base .. ":meta", unpack(ids, i, math.min(i + 499, n)))
  for j = 1, #part do stored[i + j - 1] = part[j] end
end
local status, pending, conflicts, fresh = {}, {}, false, 0
for i = 1, n do
  local meta = ARGV[2 + (i - 1) * 4 + 2]
  local hash = string.sub(meta, 1, (string.find(meta, "\t", 1, true) or 0) - 1)
  local existing = pending[ids[i]]
  if not existing and stored[i] then existing = split(stored[i])[1] end
  if not existing then
    status[i] = "new"; pending[ids[i]] = hash; fresh = fresh + 1
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
local seq = 0
if fresh > 0 then seq = redis.call("INCRBY", base .. ":seq", fresh) - fresh end
local hashes, zsets, feeds = {}, {}, {}
for i = 1, n do
  local o = 2 + (i - 1) * 4
  if status[i] == "new" then
    local id, meta, body, loss = ARGV[o + 1], ARGV[o + 2], ARGV[o + 3], ARGV[o + 4]
    local f = split(meta)
    append(hashes, base .. ":meta", id, meta)
    append(hashes, base .. ":body", id, body)
    if loss ~= "" then append(hashes, base .. ":loss", id, loss) end
    for fam, member in pairs(members(f, id)) do
      for _, key in ipairs(indexKeys(fam, f)) do append(zsets, key, 0, member) end
    end
    seq = seq + 1
    local entry = change(seq, "I", id, f, loss)
    append(feeds, base .. ":changes", seq, entry)
    append(feeds, base .. ":ins:" .. f[7], seq, entry)
    reply[i] = seq
  elseif status[i] == "same" then
    reply[i] = 0
  else
    reply[i] = -2
  end
end
for key, args in pairs(hashes) do bulk("HSET", key, args) end
for key, args in pairs(zsets) do bulk("ZADD", key, args) end
for key, args in pairs(feeds) do bulk("ZADD", key, args) end
return reply
