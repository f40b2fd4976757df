# method_call: class instances, method calls (with and without arguments),
# field reads and writes, an inherited method, object creation.
let N = 6000000
if len(os.args) > 0 { N = int(os.args[0]) }

class Counter {
  fn init(step) {
    self.count = 0
    self.step = step
  }
  fn inc() { self.count = self.count + self.step }
  fn add(n) { self.count = self.count + n }
  fn get() { return self.count }
}

class Vec {
  fn init(x, y) { self.x = x; self.y = y }
  fn dot(o) { return self.x * o.x + self.y * o.y }
  fn plus(o) { return Vec(self.x + o.x, self.y + o.y) }
}

class Vec3 : Vec {
  fn init(x, y, z) { super.init(x, y); self.z = z }
  fn sum() { return self.x + self.y + self.z }
}

let c = Counter(3)
let v = Vec(1, 2)
let w = Vec3(3, 4, 5)
let acc = 0
for i in 0..N {
  c.inc()
  c.add(i % 8)
  acc = acc + v.dot(w) + w.sum()
  if i % 64 == 0 {
    v = v.plus(Vec(1, -1))
  }
  acc = (acc + c.get()) % 1000000007
}
print(acc, c.get(), v.x, v.y)
