-- binary_trees: allocate and walk many short-lived binary trees (GC, allocation).
-- Trees are {left, right} tables; a leaf is {}.
local N = tonumber(arg[1]) or 15

local function make(d)
  if d == 0 then return {} end
  return { make(d - 1), make(d - 1) }
end

local function check(t)
  if t[1] == nil then return 1 end
  return 1 + check(t[1]) + check(t[2])
end

local min_depth = 4
local max_depth = N
if min_depth + 2 > N then max_depth = min_depth + 2 end

local stretch = max_depth + 1
print("stretch tree of depth " .. stretch .. " check: " .. check(make(stretch)))

local long_lived = make(max_depth)

local d = min_depth
while d <= max_depth do
  local iters = math.floor(2 ^ (max_depth - d + min_depth))
  local c = 0
  for i = 1, iters do c = c + check(make(d)) end
  print(iters .. " trees of depth " .. d .. " check: " .. c)
  d = d + 2
end
print("long lived tree of depth " .. max_depth .. " check: " .. check(long_lived))
