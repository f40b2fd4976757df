#!/usr/bin/env gs
# Generators: fibers that you drive by hand.
#
# fiber(fn) creates a suspended fiber that is NOT scheduled. Each g.resume()
# runs it until its next `yield v` (resume returns v) or until it returns
# (resume returns the return value and g.done() becomes true). The value
# passed to the next resume(x) is what that `yield` evaluates to.

# --- 1. An infinite sequence, consumed lazily --------------------------------

fn fibonacci() {
  return fiber(fn() {
    let a = 0
    let b = 1
    while true {
      yield a
      let next = a + b
      a = b
      b = next
    }
  })
}

let fib = fibonacci()
let first = []
for i in 0..10 { first.push(fib.resume()) }
print("fibonacci:", first)

# --- 2. for-in drives a generator: its yields, not its return value ------------

fn countdown(n) {
  return fiber(fn() {
    while n > 0 {
      yield n
      n -= 1
    }
    return "liftoff"            # resume() would return this; for-in stops here
  })
}
let seen = []
for v in countdown(3) { seen.push(v) }
print("countdown:", seen)

# --- 3. Generators compose -------------------------------------------------------

fn take(n, gen) {
  return fiber(fn() {
    for v in gen {
      if n == 0 { return }
      n -= 1
      yield v
    }
  })
}
fn evens(gen) {
  return fiber(fn() { for v in gen { if v % 2 == 0 { yield v } } })
}
let out = []
for v in take(5, evens(fibonacci())) { out.push(v) }
print("first 5 even fibonacci numbers:", out)

# --- 4. Two-way: resume(x) sends x in, yield sends a value out --------------------

# A running average that receives numbers and reports the mean so far.
let averager = fiber(fn() {
  let total = 0.0
  let count = 0
  let x = yield nil              # the first resume() only starts it
  while x != nil {
    total += x
    count += 1
    x = yield total / count
  }
  return "saw ${count} numbers"
})
averager.resume()
for x in [10, 20, 60] { print("average so far:", averager.resume(x)) }
print(averager.resume(nil), averager.done())

# --- 5. The first resume passes the arguments --------------------------------------

let greeter = fiber(fn(greeting, name) {
  let punct = yield "${greeting}, ${name}"
  return "${greeting}, ${name}${punct}"
})
print(greeter.resume("hello", "generators"))
print(greeter.resume("!"))

# --- 6. Errors come out of resume; a finished generator cannot be resumed ------------

let fragile = fiber(fn() {
  yield "fine so far"
  error("the generator broke")
})
print(fragile.resume())
try { fragile.resume() } catch e { print("caught:", e.message) }
try { fragile.resume() } catch e { print("caught:", e.message) }

# --- 7. Yield from anywhere: a recursive tree walk, no helper stack needed ----------

class Node {
  fn init(value, left = nil, right = nil) {
    self.value = value
    self.left = left
    self.right = right
  }
}
fn walk(node) {                   # plain recursion; each `yield` leaves
  if node == nil { return }       # every level of it suspended in place
  walk(node.left)
  yield node.value
  walk(node.right)
}
let tree = Node(4, Node(2, Node(1), Node(3)), Node(6, Node(5), Node(7)))
let in_order = []
for v in fiber(fn() { walk(tree) }) { in_order.push(v) }
print("in order:", in_order)

# expect: fibonacci: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
# expect: countdown: [3, 2, 1]
# expect: first 5 even fibonacci numbers: [0, 2, 8, 34, 144]
# expect: average so far: 10.0
# expect: average so far: 15.0
# expect: average so far: 30.0
# expect: saw 3 numbers true
# expect: hello, generators
# expect: hello, generators!
# expect: fine so far
# expect: caught: the generator broke
# expect: caught: cannot resume dead fiber
# expect: in order: [1, 2, 3, 4, 5, 6, 7]
