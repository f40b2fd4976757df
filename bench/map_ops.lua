-- map_ops: insert, lookup, membership test and delete in tables with int keys
-- and with string keys.
local N = tonumber(arg[1]) or 200000
local ROUNDS = 6

local skeys = {}
for i = 0, N - 1 do skeys[i + 1] = "key" .. tostring(i) end

local function count(t)
  local c = 0
  for _ in pairs(t) do c = c + 1 end
  return c
end

local sum = 0
local m = {}
local sm = {}
for round = 0, ROUNDS - 1 do
  for i = 0, N - 1 do
    m[i * 7 + round] = i
    sm[skeys[i + 1]] = i + round
  end
  for i = 0, N - 1 do
    sum = sum + m[i * 7 + round]
    sum = sum + sm[skeys[i + 1]]
    if m[i * 3] ~= nil then sum = sum + 1 end
    if sm[skeys[(i * 13) % N + 1]] ~= nil then sum = sum + 2 end
  end
  local i = round % 2
  while i < N do
    m[i * 7 + round] = nil
    sm[skeys[i + 1]] = nil
    i = i + 2
  end
  sum = sum % 1000000007
end
print(sum .. " " .. count(m) .. " " .. count(sm))
