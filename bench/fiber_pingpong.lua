-- fiber_pingpong: coroutine round trips — resume(x) passes a value in,
-- yield passes one out.
local N = tonumber(arg[1]) or 10000000

local g = coroutine.create(function(x)
  local s = 0
  while true do
    s = (s + x * 3) % 1000000007
    x = coroutine.yield(s)
  end
end)

local total = 0
for i = 0, N - 1 do
  local _, v = coroutine.resume(g, i)
  total = (total + v) % 1000000007
end
print(total)
