-- fiber_churn: the coroutine lifecycle — in each round 10 000 generators
-- (coroutine.wrap) are created and alive together, resumed round robin until
-- they finish, then 2 000 coroutines run by a small round-robin scheduler do
-- a little work, yield once and finish.
local N = tonumber(arg[1]) or 40
local GENERATORS = 10000
local STEPS = 4
local SPAWNED = 2000

local function counter(start)
  local acc = start
  for j = 0, STEPS - 1 do
    local got = coroutine.yield(acc % 1000)
    acc = acc + got
  end
  return acc
end

local function worker(id)
  local acc = id
  for j = 0, 2 do acc = (acc * 31 + j) % 1000003 end
  coroutine.yield()
  return acc % 1000
end

-- Runs tasks ({coroutine, argument}) round robin until all have finished;
-- returns the sum of their results.
local function run_all(tasks)
  local sum = 0
  local queue = tasks
  local first = true
  while #queue > 0 do
    local next_queue = {}
    for _, task in ipairs(queue) do
      local ok, res
      if first then ok, res = coroutine.resume(task[1], task[2]) else ok, res = coroutine.resume(task[1]) end
      if not ok then error(res) end
      if coroutine.status(task[1]) == "dead" then sum = sum + res
      else next_queue[#next_queue + 1] = task end
    end
    first = false
    queue = next_queue
  end
  return sum
end

local total = 0
for round = 0, N - 1 do
  local gens = {}
  for i = 1, GENERATORS do gens[i] = coroutine.wrap(counter) end
  for i = 1, GENERATORS do total = total + gens[i](i - 1 + round) end
  for step = 0, STEPS - 1 do
    for i = 1, GENERATORS do total = total + gens[i](step) end
  end
  local tasks = {}
  for i = 0, SPAWNED - 1 do tasks[#tasks + 1] = { coroutine.create(worker), i + round } end
  total = (total + run_all(tasks)) % 1000000007
end
print(total)
