-- shared by the experience log scripts (prepended to each)
-- stream ids "ms-seq" compared as numbers (ms fits a double exactly)
local function idParts(id)
  local dash = string.find(id, "-", 1, true)
  return tonumber(string.sub(id, 1, dash - 1)), tonumber(string.sub(id, dash + 1))
end
local function idLess(a, b)
  local am, as = idParts(a)
  local bm, bs = idParts(b)
  return am < bm or (am == bm and as < bs)
end
-- XINFO GROUPS, one table of fields per group
local function groups(key)
  local out = {}
  for _, g in ipairs(redis.call("XINFO", "GROUPS", key)) do
    local f = {}
    for i = 1, #g, 2 do f[g[i]] = g[i + 1] end
    out[#out + 1] = f
  end
  return out
end
