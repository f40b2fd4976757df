#!/usr/bin/env gs
# Yield anywhere: the things Lua cannot do.
#
# In Lua 5.4, a coroutine can only yield while its own Lua frames are on top:
# once a C function has called back into Lua -- table.sort calling your
# comparator, print calling a __tostring metamethod, string.gsub calling
# your replacement function -- the C function's frame sits on the one shared
# C stack, and a yield would have to throw it away. Lua refuses:
#
#     attempt to yield across a C-call boundary
#
# (unless that particular C function was rewritten with lua_callk
# continuations, which table.sort, tostring and gsub are not).
#
# In GreenScript every fiber has its own real C stack. A yield simply
# switches stacks: the native frames of sort, map or print stay where they
# are, suspended, and carry on when the fiber is resumed. So all of the
# following just work -- in generators and in scheduled fibers alike.

# --- 1. A sort whose comparisons are made by someone else ------------------------
#
# Lua 5.4:  table.sort(t, function(a, b) coroutine.yield({a, b}) ... end)
#           -> attempt to yield across a C-call boundary
#
# The generator below runs list.sort; every comparison is handed out through
# `yield` and the answer comes back through resume(). The sort's C code
# is suspended mid-algorithm each time.

let sorter = fiber(fn(items) {
  return items.sort(fn(a, b) => yield [a, b])    # "does a come before b?"
})
let questions = 0
let q = sorter.resume(["pear", "fig", "apple", "kiwi"])
while not sorter.done() {
  questions += 1
  q = sorter.resume(len(q[0]) < len(q[1]) or (len(q[0]) == len(q[1]) and q[0] < q[1]))
}
print("sorted by length:", q)
print("every comparison was a yield out of sort:", questions > 0)

# --- 2. A str() that waits, called by print ------------------------------------------
#
# Lua 5.4:  print(setmetatable({}, {__tostring = function() coroutine.yield() end}))
#           -> attempt to yield across a C-call boundary
#
# Here print() calls the class's str(), which blocks on a channel until
# another fiber supplies the text. While it waits, other fibers run.

let labels = chan()
class Ticket {
  fn init(n) { self.n = n }
  fn str() { return "ticket #${self.n} for ${labels.recv()}" }   # blocks
}
let printer = spawn {
  print(Ticket(1))                       # print -> str() -> recv: suspended here
  print("${Ticket(2)} (via interpolation)")
}
spawn {
  print("(the label fiber runs while print is waiting)")
  labels.send("alice")
  labels.send("bob")
}
printer.join()

# --- 3. map callbacks that block, sleep and yield ---------------------------------------
#
# Lua has no list.map, but the same goes for any C function taking a
# callback, e.g. string.gsub(s, pattern, function(c) coroutine.yield() end)
# -> attempt to yield across a C-call boundary.
#
# A fetcher fiber maps over URLs; each callback waits for a "response" that
# a server fiber sends later. Meanwhile the map's native frame is parked.

let requests = chan()
spawn {
  for req in requests {
    sleep(0.001)                                 # pretend to do I/O
    req[1].send("<page ${req[0]}>")
  }
}
fn fetch(url) {
  let reply = chan()
  requests.send([url, reply])
  return reply.recv()
}
let pages = ["a.example", "b.example", "c.example"].map(fn(url) => fetch(url))
requests.close()
print(pages)

# The same map in a generator: each callback yields a progress report out to
# the resumer, right through the native map function.
let progress = fiber(fn(items) {
  return items.map(fn(x) {
    yield "working on ${x}"
    return x * x
  })
})
let report = progress.resume([3, 4])
while not progress.done() {
  print(report)
  report = progress.resume()
}
print("result:", report)

# --- 4. An error after a resume still finds its try -------------------------------------
#
# The error below is thrown in a map callback after the fiber was suspended
# and resumed inside that callback; it unwinds through the native map frame
# to the try in the same fiber.

let careful = spawn {
  try {
    [1, 2, 3].map(fn(x) {
      yield                                      # let others run
      if x == 2 { error("cannot handle ${x}") }
      return x
    })
  } catch e {
    return "recovered from: ${e.message}"
  }
}
print(careful.join())

# expect: sorted by length: ["fig", "kiwi", "pear", "apple"]
# expect: every comparison was a yield out of sort: true
# expect: (the label fiber runs while print is waiting)
# expect: ticket #1 for alice
# expect: ticket #2 for bob (via interpolation)
# expect: ["<page a.example>", "<page b.example>", "<page c.example>"]
# expect: working on 3
# expect: working on 4
# expect: result: [9, 16]
# expect: recovered from: cannot handle 2
