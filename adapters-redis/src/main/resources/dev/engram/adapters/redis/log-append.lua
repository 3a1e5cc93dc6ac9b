-- Appends entries to one partition stream in order: KEYS[1] the stream; ARGV[1] the format version, then triples
-- namespace, trajectory id, wire JSON. Reply: the entry ids.
local out = {}
for i = 2, #ARGV, 3 do
  out[#out + 1] = redis.call("XADD", KEYS[1], "*", "v", ARGV[1], "ns", ARGV[i], "id", ARGV[i + 1], "t", ARGV[i + 2])
end
return out
