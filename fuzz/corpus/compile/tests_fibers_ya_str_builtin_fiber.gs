# Yield anywhere: a str() that sleeps, called by str() and by interpolation in scheduled fibers.
class Sleepy {
  fn init(d, label) { self.d = d; self.label = label }
  fn str() { sleep(self.d); return self.label }
}
let a = spawn { return "A=${Sleepy(0.2, "slow")}" }
let b = spawn { return "B=" + str(Sleepy(0.01, "quick")) }
let order = []
spawn { order.push(b.join()) }
spawn { order.push(a.join()) }
a.join()
b.join()
yield
print(order)
# expect: ["B=quick", "A=slow"]
