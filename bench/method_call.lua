-- method_call: objects with metatables, method calls (with and without
-- arguments), field reads and writes, an inherited method, object creation.
local N = tonumber(arg[1]) or 6000000

local Counter = {}
Counter.__index = Counter
function Counter.new(step)
  local self = setmetatable({}, Counter)
  self.count = 0
  self.step = step
  return self
end
function Counter:inc() self.count = self.count + self.step end
function Counter:add(n) self.count = self.count + n end
function Counter:get() return self.count end

local Vec = {}
Vec.__index = Vec
function Vec.new(x, y)
  local self = setmetatable({}, Vec)
  self:init(x, y)
  return self
end
function Vec:init(x, y) self.x = x; self.y = y end
function Vec:dot(o) return self.x * o.x + self.y * o.y end
function Vec:plus(o) return Vec.new(self.x + o.x, self.y + o.y) end

local Vec3 = setmetatable({}, { __index = Vec })
Vec3.__index = Vec3
function Vec3.new(x, y, z)
  local self = setmetatable({}, Vec3)
  self:init(x, y, z)
  return self
end
function Vec3:init(x, y, z) Vec.init(self, x, y); self.z = z end
function Vec3:sum() return self.x + self.y + self.z end

local c = Counter.new(3)
local v = Vec.new(1, 2)
local w = Vec3.new(3, 4, 5)
local acc = 0
for i = 0, N - 1 do
  c:inc()
  c:add(i % 8)
  acc = acc + v:dot(w) + w:sum()
  if i % 64 == 0 then
    v = v:plus(Vec.new(1, -1))
  end
  acc = (acc + c:get()) % 1000000007
end
print(acc .. " " .. c:get() .. " " .. v.x .. " " .. v.y)
