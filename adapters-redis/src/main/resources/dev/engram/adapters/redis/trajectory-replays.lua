-- ARGV: base, "add", then pairs id, n  -> adds to those that exist; reply 0
--       base, "get", then ids          -> per id its count, or -1 when it does not exist
local reply = {}
if ARGV[2] == "add" then
  for i = 3, #ARGV, 2 do
    if redis.call("HEXISTS", base .. ":meta", ARGV[i]) == 1 then
      redis.call("HINCRBY", base .. ":replays", ARGV[i], ARGV[i + 1])
      redis.call("INCRBY", base .. ":replays_total", ARGV[i + 1])
    end
  end
  return 0
end
for i = 3, #ARGV do
  if redis.call("HEXISTS", base .. ":meta", ARGV[i]) == 1 then
    reply[#reply + 1] = tonumber(redis.call("HGET", base .. ":replays", ARGV[i]) or "0")
  else
    reply[#reply + 1] = -1
  end
end
return reply
