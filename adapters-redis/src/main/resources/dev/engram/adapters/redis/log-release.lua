-- Gives back ids an all-or-nothing append took before it found a conflict: KEYS[1] the id map, ARGV pairs field, hash.
-- Only a field still holding this call's hash is removed.
local n = 0
for i = 1, #ARGV, 2 do
  if redis.call("HGET", KEYS[1], ARGV[i]) == ARGV[i + 1] then
    redis.call("HDEL", KEYS[1], ARGV[i]); n = n + 1
  end
end
return n
