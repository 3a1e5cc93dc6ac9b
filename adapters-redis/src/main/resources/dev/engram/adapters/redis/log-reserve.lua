-- The conflict check of the experience log: KEYS[1] is the map of accepted ids (field namespace:id -> content hash).
-- ARGV[1]: "check" (read only) or "take" (a new id is taken with its hash), then pairs: field, hash.
-- Reply per pair: 0 new (taken, with "take"), 1 known with the same hash, 2 known with another hash.
local take = ARGV[1] == "take"
local n = (#ARGV - 1) / 2
local fields = {}
for i = 1, n do fields[i] = ARGV[2 + (i - 1) * 2] end
local known = {}
for i = 1, n, 500 do
  local part = redis.call("HMGET", KEYS[1], unpack(fields, i, math.min(i + 499, n)))
  for j = 1, #part do known[i + j - 1] = part[j] end
end
local reply, fresh = {}, {}
for i = 1, n do
  local hash = ARGV[2 + (i - 1) * 2 + 1]
  if not known[i] then
    reply[i] = 0
    if take then fresh[#fresh + 1] = fields[i]; fresh[#fresh + 1] = hash end
  elseif known[i] == hash then
    reply[i] = 1
  else
    reply[i] = 2
  end
end
for i = 1, #fresh, 1000 do
  redis.call("HSET", KEYS[1], unpack(fresh, i, math.min(i + 999, #fresh)))
end
return reply
