-- ARGV: base, then ids; deletes those that exist, each with a DELETE change (in the order given); reply: how many
-- As in the upsert, the writes are gathered per key and sent as a few commands with many arguments.
local ids = {}
for i = 2, #ARGV do ids[#ids + 1] = ARGV[i] end
if #ids == 0 then return 0 end
local metas, losses, replays = {}, {}, {}
for i = 1, #ids, 500 do
  local last = math.min(i + 499, #ids)
  local m = redis.call("HMGET", base .. ":meta", unpack(ids, i, last))
  local l = redis.call("HMGET", base .. ":loss", unpack(ids, i, last))
  local r = redis.call("HMGET", base .. ":replays", unpack(ids, i, last))
  for j = 1, #m do metas[i + j - 1] = m[j]; losses[i + j - 1] = l[j]; replays[i + j - 1] = r[j] end
end
local gone, zsets, changes, replayed = {}, {}, {}, 0
local seq = tonumber(redis.call("GET", base .. ":seq") or "0")
for i = 1, #ids do
  local meta = metas[i]
  if meta then
    local id, f = ids[i], split(meta)
    for fam, member in pairs(members(f, id)) do
      for _, key in ipairs(indexKeys(fam, f)) do
        local t = zsets[key]
        if not t then t = {}; zsets[key] = t end
        t[#t + 1] = member
      end
    end
    if replays[i] then replayed = replayed + tonumber(replays[i]) end
    seq = seq + 1
    changes[#changes + 1] = seq
    changes[#changes + 1] = change(seq, "D", id, f, losses[i] or nil)
    gone[#gone + 1] = id
  end
end
if #gone == 0 then return 0 end
for key, list in pairs(zsets) do bulk("ZREM", key, list) end
bulk("HDEL", base .. ":meta", gone)
bulk("HDEL", base .. ":body", gone)
bulk("HDEL", base .. ":loss", gone)
bulk("HDEL", base .. ":replays", gone)
if replayed > 0 then redis.call("DECRBY", base .. ":replays_total", replayed) end
redis.call("SET", base .. ":seq", seq)
bulk("ZADD", base .. ":changes", changes)
return #gone
