-- Walks one index of a family in order from a bound, keeping the members whose trajectory matches the filter.
-- ARGV: base, family (t | rd | ra), direction (f: ZRANGEBYLEX, r: ZREVRANGEBYLEX), from, to (lex bounds),
--       agent, task, domain, outcome ("" = any), since, until (time codes, "" = open), limit, budget,
--       mode (member: the matching members; meta: their meta values; count: only how many)
-- reply: { where to continue ("" = the index is exhausted), matches, items... }
-- The index walked is the smallest of those the filter allows (every index of a family orders alike, so the
-- continuation point means the same in any of them); at most budget members are examined per call.
local fam, dir, from, to = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local want = { a = ARGV[6], k = ARGV[7], d = ARGV[8], o = ARGV[9] }
local since, till = ARGV[10], ARGV[11]
local limit, budget, mode = tonumber(ARGV[12]), tonumber(ARGV[13]), ARGV[14]
local x = base .. ":x:" .. fam
local index, smallest = x, redis.call("ZCARD", x)
for dim, value in pairs(want) do
  if value ~= "" then
    local key = x .. ":" .. dim .. ":" .. value
    local size = redis.call("ZCARD", key)
    if size < smallest then index, smallest = key, size end
  end
end
local idAt = (fam == "t") and 25 or 41
local timeAt = (fam == "t") and 1 or 17
local out, matched, examined, last = { "", 0 }, 0, 0, nil
while examined < budget do
  local chunk = math.min(256, budget - examined)
  local page
  if dir == "f" then
    page = redis.call("ZRANGEBYLEX", index, from, to, "LIMIT", 0, chunk)
  else
    page = redis.call("ZREVRANGEBYLEX", index, from, to, "LIMIT", 0, chunk)
  end
  for _, member in ipairs(page) do
    examined = examined + 1
    last = member
    local tc = string.sub(member, timeAt, timeAt + 23)
    if (since == "" or tc >= since) and (till == "" or tc < till) then
      local meta = redis.call("HGET", base .. ":meta", string.sub(member, idAt))
      if meta then
        local f = split(meta)
        if (want.a == "" or want.a == f[7]) and (want.k == "" or want.k == f[8]) and (want.d == "" or want.d == f[9])
            and (want.o == "" or want.o == f[5]) then
          matched = matched + 1
          if mode == "member" then out[#out + 1] = member elseif mode == "meta" then out[#out + 1] = meta end
          if matched >= limit then out[1], out[2] = member, matched; return out end
        end
      end
    end
  end
  if #page < chunk then out[2] = matched; return out end
  from = "(" .. last
end
out[1], out[2] = last or "", matched
return out
