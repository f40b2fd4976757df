-- fiber_lifecycle: the whole life of a short coroutine, one after another —
-- create it, resume it once with an argument, and it returns.
local N = tonumber(arg[1]) or 6000000

local function body(x)
  return x % 7
end

local total = 0
for i = 0, N - 1 do
  local co = coroutine.create(body)
  local _, v = coroutine.resume(co, i)
  total = total + v
end
print(total)
