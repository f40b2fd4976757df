-- closures: creating closures that capture variables, calling them, shared
-- mutable upvalues, closures passed as arguments.
local N = tonumber(arg[1]) or 5000000

local function make_adder(n)
  return function(x) return x + n end
end

local function make_counter()
  local count = 0
  return { function() count = count + 1; return count end, function() return count end }
end

local function apply_twice(f, x) return f(f(x)) end

local total = 0
local counter = make_counter()
local inc = counter[1]
local get = counter[2]
for i = 0, N - 1 do
  local add = make_adder(i % 16)
  total = total + apply_twice(add, i)
  inc()
  local k = i % 4
  total = total + apply_twice(function(y) return y * 2 + k end, 1)
  total = total % 1000000007
end
print(total .. " " .. get())
