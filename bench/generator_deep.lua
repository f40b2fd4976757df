-- generator_deep: a recursive walk of a complete binary tree of depth 18
-- yields every leaf from 18 frames deep through a coroutine; repeated N times.
local N = tonumber(arg[1]) or 30
local DEPTH = 18

local function walk(depth, v)
  if depth == 0 then
    coroutine.yield(v)
    return
  end
  walk(depth - 1, v * 2)
  walk(depth - 1, v * 2 + 1)
end

local total = 0
local count = 0
for pass = 0, N - 1 do
  for v in coroutine.wrap(function() walk(DEPTH, pass) end) do
    total = (total * 7 + v) % 1000000007
    count = count + 1
  end
end
print(total .. " " .. count)
