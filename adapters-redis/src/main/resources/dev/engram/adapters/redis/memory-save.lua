-- KEYS[1]: the namespace's memory hash; ARGV: agent, expected version, state JSON
-- stores "version\nstate" when the stored version is the expected one (0: none stored); reply: the new version, or -1
local current = redis.call("HGET", KEYS[1], ARGV[1])
local version = 0
if current then version = tonumber(string.sub(current, 1, string.find(current, "\n", 1, true) - 1)) end
if version ~= tonumber(ARGV[2]) then return -1 end
local next = version + 1
redis.call("HSET", KEYS[1], ARGV[1], string.format("%d", next) .. "\n" .. ARGV[3])
return next
