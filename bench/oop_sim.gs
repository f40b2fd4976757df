# oop_sim: a small 2-D simulation written with classes — a vector class whose
# methods return new vectors, a base body class with small methods, three
# subclasses overriding some of them (one calls super), and a world that
# updates them and queries them through methods every step.
let N = 8000
if len(os.args) > 0 { N = int(os.args[0]) }

class Vec {
  fn init(x, y) { self.x = x; self.y = y }
  fn add(o) { return Vec(self.x + o.x, self.y + o.y) }
  fn sub(o) { return Vec(self.x - o.x, self.y - o.y) }
  fn scale(k) { return Vec(self.x * k, self.y * k) }
  fn length() { return math.sqrt(self.x * self.x + self.y * self.y) }
}

class Body {
  fn init(id, pos, vel) {
    self.id = id
    self.pos = pos
    self.vel = vel
    self.hits = 0
  }
  fn kind() { return "body" }
  fn mass() { return 1.0 }
  fn speed() { return self.vel.length() }
  fn kinetic() {
    let s = self.speed()
    return 0.5 * self.mass() * s * s
  }
  fn move(dt) { self.pos = self.pos.add(self.vel.scale(dt)) }
  fn bounce(world) {
    if self.pos.x < 0 or self.pos.x > world.width {
      self.vel = Vec(-self.vel.x, self.vel.y)
      self.hits += 1
    }
    if self.pos.y < 0 or self.pos.y > world.height {
      self.vel = Vec(self.vel.x, -self.vel.y)
      self.hits += 1
    }
  }
  fn update(world, dt) {
    self.move(dt)
    self.bounce(world)
  }
  fn describe() { return "%s %d at (%.3f, %.3f)".format(self.kind(), self.id, self.pos.x, self.pos.y) }
}

class Ball : Body {
  fn kind() { return "ball" }
  fn mass() { return 2.0 }
}

class Drone : Body {
  fn init(id, pos, vel, target) {
    super.init(id, pos, vel)
    self.target = target
  }
  fn kind() { return "drone" }
  fn update(world, dt) {
    let to = self.target.sub(self.pos)
    let d = to.length()
    if d > 1 { self.vel = self.vel.add(to.scale(0.5 * dt / d)) }
    super.update(world, dt)
  }
}

class Rock : Body {
  fn kind() { return "rock" }
  fn mass() { return 10.0 }
  fn update(world, dt) {}
}

class World {
  fn init(width, height) {
    self.width = width
    self.height = height
    self.bodies = []
  }
  fn add(body) { self.bodies.push(body) }
  fn tick(dt) {
    for b in self.bodies { b.update(self, dt) }
  }
  fn energy() {
    let e = 0
    for b in self.bodies { e += b.kinetic() }
    return e
  }
  fn hits() {
    let h = 0
    for b in self.bodies { h += b.hits }
    return h
  }
  fn fastest() {
    let best = self.bodies[0]
    for b in self.bodies {
      if b.speed() > best.speed() { best = b }
    }
    return best
  }
}

let seed = 99
fn rand(n) {    # an int in [0, n)
  seed = seed * 16807 % 2147483647
  return seed % n
}

let world = World(400, 300)
for i in 0..200 {
  let pos = Vec(rand(400), rand(300))
  let vel = Vec((rand(200) - 100) / 10, (rand(200) - 100) / 10)
  let k = i % 4
  if k == 0 { world.add(Rock(i, pos, Vec(0, 0))) }
  else if k == 1 { world.add(Drone(i, pos, vel, Vec(rand(400), rand(300)))) }
  else { world.add(Ball(i, pos, vel)) }
}

let dt = 0.05
let energy_sum = 0
for step in 0..N {
  world.tick(dt)
  if step % 10 == 0 { energy_sum += world.energy() }
}
print("energy %.6f, average %.6f".format(world.energy(), energy_sum / ((N + 9) // 10)))
print("wall hits %d".format(world.hits()))
print("fastest: " + world.fastest().describe())
print(world.bodies[1].describe())
print(world.bodies[2].describe())
