-- oop_sim: a small 2-D simulation written with classes (metatables) — a
-- vector class whose methods return new vectors, a base body class with small
-- methods, three subclasses overriding some of them (one calls the base
-- method), and a world that updates them and queries them through methods.
local N = tonumber(arg[1]) or 8000

local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({ x = x, y = y }, Vec) end
function Vec:add(o) return Vec.new(self.x + o.x, self.y + o.y) end
function Vec:sub(o) return Vec.new(self.x - o.x, self.y - o.y) end
function Vec:scale(k) return Vec.new(self.x * k, self.y * k) end
function Vec:length() return math.sqrt(self.x * self.x + self.y * self.y) end

local Body = {}
Body.__index = Body
function Body.new(class, id, pos, vel)
  local self = setmetatable({}, class)
  self.id = id
  self.pos = pos
  self.vel = vel
  self.hits = 0
  return self
end
function Body:kind() return "body" end
function Body:mass() return 1.0 end
function Body:speed() return self.vel:length() end
function Body:kinetic()
  local s = self:speed()
  return 0.5 * self:mass() * s * s
end
function Body:move(dt) self.pos = self.pos:add(self.vel:scale(dt)) end
function Body:bounce(world)
  if self.pos.x < 0 or self.pos.x > world.width then
    self.vel = Vec.new(-self.vel.x, self.vel.y)
    self.hits = self.hits + 1
  end
  if self.pos.y < 0 or self.pos.y > world.height then
    self.vel = Vec.new(self.vel.x, -self.vel.y)
    self.hits = self.hits + 1
  end
end
function Body:update(world, dt)
  self:move(dt)
  self:bounce(world)
end
function Body:describe()
  return string.format("%s %d at (%.3f, %.3f)", self:kind(), self.id, self.pos.x, self.pos.y)
end

local function subclass(base)
  local class = setmetatable({}, { __index = base })
  class.__index = class
  return class
end

local Ball = subclass(Body)
function Ball:kind() return "ball" end
function Ball:mass() return 2.0 end

local Drone = subclass(Body)
function Drone.new(id, pos, vel, target)
  local self = Body.new(Drone, id, pos, vel)
  self.target = target
  return self
end
function Drone:kind() return "drone" end
function Drone:update(world, dt)
  local to = self.target:sub(self.pos)
  local d = to:length()
  if d > 1 then self.vel = self.vel:add(to:scale(0.5 * dt / d)) end
  Body.update(self, world, dt)
end

local Rock = subclass(Body)
function Rock:kind() return "rock" end
function Rock:mass() return 10.0 end
function Rock:update(world, dt) end

local World = {}
World.__index = World
function World.new(width, height)
  return setmetatable({ width = width, height = height, bodies = {} }, World)
end
function World:add(body) self.bodies[#self.bodies + 1] = body end
function World:tick(dt)
  for _, b in ipairs(self.bodies) do b:update(self, dt) end
end
function World:energy()
  local e = 0
  for _, b in ipairs(self.bodies) do e = e + b:kinetic() end
  return e
end
function World:hits()
  local h = 0
  for _, b in ipairs(self.bodies) do h = h + b.hits end
  return h
end
function World:fastest()
  local best = self.bodies[1]
  for _, b in ipairs(self.bodies) do
    if b:speed() > best:speed() then best = b end
  end
  return best
end

local seed = 99
local function rand(n)    -- an int in [0, n)
  seed = seed * 16807 % 2147483647
  return seed % n
end

local world = World.new(400, 300)
for i = 0, 199 do
  local pos = Vec.new(rand(400), rand(300))
  local vel = Vec.new((rand(200) - 100) / 10, (rand(200) - 100) / 10)
  local k = i % 4
  if k == 0 then world:add(Body.new(Rock, i, pos, Vec.new(0, 0)))
  elseif k == 1 then world:add(Drone.new(i, pos, vel, Vec.new(rand(400), rand(300))))
  else world:add(Body.new(Ball, i, pos, vel)) end
end

local dt = 0.05
local energy_sum = 0
for step = 0, N - 1 do
  world:tick(dt)
  if step % 10 == 0 then energy_sum = energy_sum + world:energy() end
end
print(string.format("energy %.6f, average %.6f", world:energy(), energy_sum / math.floor((N + 9) / 10)))
print(string.format("wall hits %d", world:hits()))
print("fastest: " .. world:fastest():describe())
print(world.bodies[2]:describe())
print(world.bodies[3]:describe())
