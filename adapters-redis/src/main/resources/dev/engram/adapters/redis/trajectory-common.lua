-- shared by the trajectory scripts (prepended to each): the key layout of one namespace, all under one hash tag
local base = ARGV[1]
local function split(s)
  local out, i = {}, 1
  while true do
    local j = string.find(s, "\t", i, true)
    if not j then out[#out + 1] = string.sub(s, i); return out end
    out[#out + 1] = string.sub(s, i, j - 1)
    i = j + 1
  end
end
-- meta: 1 hash, 2 time code, 3 reward code, 4 inverted reward code, 5 outcome, 6 reward, 7 agent, 8 task, 9 domain
local function members(f, id)
  return { t = f[2] .. id, rd = f[3] .. f[2] .. id, ra = f[4] .. f[2] .. id }
end
local function indexKeys(fam, f)
  local x = base .. ":x:" .. fam
  return { x, x .. ":a:" .. f[7], x .. ":k:" .. f[8], x .. ":d:" .. f[9], x .. ":o:" .. f[5] }
end
local function change(seq, kind, id, f, loss)
  return seq .. "\t" .. kind .. "\t" .. id .. "\t" .. f[2] .. "\t" .. f[5] .. "\t" .. (loss or "") .. "\t" .. f[7] .. "\t" .. f[8] .. "\t" .. f[9]
end
-- one command with many arguments instead of one per item (at most 1000 arguments per call: Lua's unpack limit)
local function bulk(command, key, args)
  for i = 1, #args, 1000 do
    redis.call(command, key, unpack(args, i, math.min(i + 999, #args)))
  end
end
local function append(tables, key, a, b)
  local t = tables[key]
  if not t then t = {}; tables[key] = t end
  t[#t + 1] = a
  t[#t + 1] = b
end
