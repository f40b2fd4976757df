-- fiber_memory reference for Lua: N coroutines (100 000 by default), each
-- resumed once and left suspended in its first yield, all alive at once.
-- bench/run measures peak RSS with N and with 0 and divides the difference.
local N = tonumber(arg[1]) or 100000

local function body(x)
  local got = coroutine.yield(x)
  return got
end

local cos = {}
for i = 1, N do
  local co = coroutine.create(body)
  coroutine.resume(co, i)
  cos[i] = co
end
print("lua: " .. N .. " coroutines suspended")
