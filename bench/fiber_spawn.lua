-- fiber_spawn: N live coroutines (100 000 by default) resumed round robin by
-- a scheduler loop; each runs a loop that yields ROUNDS times, then finishes.
local N = tonumber(arg[1]) or 100000
local ROUNDS = 15

local total = 0
local function worker(id)
  local acc = id
  for r = 0, ROUNDS - 1 do
    acc = (acc * 31 + r) % 1000003
    total = total + acc
    coroutine.yield()
  end
  return acc
end

local queue = {}
for i = 0, N - 1 do
  local co = coroutine.create(worker)
  queue[#queue + 1] = { co, i }
end

-- Round robin: the first resume passes the argument, later ones nothing.
local sum = 0
local first = true
while #queue > 0 do
  local next_queue = {}
  for _, entry in ipairs(queue) do
    local co = entry[1]
    local ok, res
    if first then ok, res = coroutine.resume(co, entry[2]) else ok, res = coroutine.resume(co) end
    if not ok then error(res) end
    if coroutine.status(co) == "dead" then
      sum = sum + res
    else
      next_queue[#next_queue + 1] = entry
    end
  end
  first = false
  queue = next_queue
end
print(total .. " " .. sum)
