-- How far group ARGV[1] is behind on stream KEYS[1]: {lag, pending}.
if redis.call("EXISTS", KEYS[1]) == 0 then return {0, 0} end
for _, f in ipairs(groups(KEYS[1])) do
  if f["name"] == ARGV[1] then
    local lag = f["lag"]
    if not lag then
      -- not known to the server (entries deleted past the group's position): count what follows it
      lag = #redis.call("XRANGE", KEYS[1], "(" .. f["last-delivered-id"], "+")
    end
    return {lag, f["pending"]}
  end
end
return {redis.call("XLEN", KEYS[1]), 0}
