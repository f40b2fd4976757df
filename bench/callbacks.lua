-- callbacks: closures made in loops — event handlers that capture the loop
-- variable and shared counters, map/filter/reduce chains with inline
-- functions, and functions composed into a pipeline.
local N = tonumber(arg[1]) or 80000

local Emitter = {}
Emitter.__index = Emitter
function Emitter.new() return setmetatable({ handlers = {} }, Emitter) end
function Emitter:on(event, handler)
  if not self.handlers[event] then self.handlers[event] = {} end
  local list = self.handlers[event]
  list[#list + 1] = handler
end
function Emitter:emit(event, value)
  local list = self.handlers[event]
  if list == nil then return 0 end
  for _, handler in ipairs(list) do handler(value) end
  return #list
end

local function map(t, f)
  local r = {}
  for i = 1, #t do r[i] = f(t[i]) end
  return r
end
local function filter(t, f)
  local r = {}
  for i = 1, #t do if f(t[i]) then r[#r + 1] = t[i] end end
  return r
end
local function reduce(t, f, acc)
  for i = 1, #t do acc = f(acc, t[i]) end
  return acc
end

local function compose(f, g) return function(x) return f(g(x)) end end

local data = {}
for i = 0, 39 do data[#data + 1] = i * 7 % 23 end

local total = 0
local calls = 0
for round = 0, N - 1 do
  local em = Emitter.new()
  local sums = { 0, 0, 0 }
  for i = 0, 7 do
    em:on("tick", function(v) sums[i % 3 + 1] = sums[i % 3 + 1] + v * i end)
  end
  local seen = 0
  em:on("tick", function(v) seen = seen + 1 end)
  em:on("done", function(v) total = (total + v + seen) % 1000000007 end)
  for t = 0, 9 do calls = calls + em:emit("tick", round + t) end
  calls = calls + em:emit("missing", 0)

  local k = round % 5 + 1
  local picked = filter(map(data, function(x) return x * k end), function(x) return x % 3 ~= 0 end)
  local sum = reduce(picked, function(acc, x) return acc + x end, 0)

  local step = compose(function(x) return x + k end, function(x) return x * 2 end)
  local pipeline = compose(step, compose(step, step))

  em:emit("done", sums[1] + sums[2] * 2 + sums[3] * 3 + sum + pipeline(round))
end
print(total .. " " .. calls)
