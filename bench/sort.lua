-- sort: table.sort with a Lua comparator (descending order) on
-- pseudo-random ints, repeated on fresh arrays.
local N = tonumber(arg[1]) or 300000
local ROUNDS = 5

local seed = 42
local function rand()
  seed = seed * 16807 % 2147483647
  return seed
end

local check = 0
for round = 1, ROUNDS do
  local l = {}
  for i = 1, N do l[i] = rand() % 1000000 end
  table.sort(l, function(a, b) return a > b end)
  local s = 0
  for i = 1, N do
    s = (s * 31 + l[i]) % 1000000007
  end
  check = (check + s + l[1] - l[N]) % 1000000007
end
print(check)
