-- Raises one tier's removal cutoff (a time code) so that no older copy is taken again. KEYS[1]: the cutoff key.
-- ARGV: time code, tombstone ttl ms
local current = redis.call("GET", KEYS[1])
if not current or current < ARGV[1] then redis.call("SET", KEYS[1], ARGV[1], "PX", ARGV[2]) end
return 0
