#!/usr/bin/env gs
# Fibers: cooperative threads, each on its own C stack.
#
# `spawn` starts a fiber and puts it at the back of the run queue; the
# spawner keeps running. Fibers take turns only when one of them yields,
# blocks (join, sleep, a channel) or finishes -- there is one OS thread and
# no preemption, so there are no data races between fibers.

# --- 1. Spawning and round-robin scheduling --------------------------------

fn worker(name, steps) {
  for i in 0..steps {
    print("  ${name} step ${i}")
    yield                          # go to the back of the run queue
  }
  return "${name} finished ${steps} steps"
}

print("1. two workers take turns")
let a = spawn worker("a", 3)
let b = spawn worker("b", 2)
# Nothing has run yet: the spawner keeps the CPU until it yields or blocks.
# join blocks main until the fiber is done and hands back its return value.
print(a.join())
print(b.join())

# --- 2. spawn a block --------------------------------------------------------

print("2. a spawned block sees the variables around it")
let total = 0
let adders = []
for i in 1..4 {
  adders.push(spawn { total += i })   # each iteration binds a fresh `i`
}
for f in adders { f.join() }
print("  total = ${total}")

# --- 3. Errors travel through join -------------------------------------------

print("3. join rethrows a fiber's error")
fn parse_all(words) {
  return words.map(fn(w) {
    try { return int(w) } catch e { error("not a number: '${w}'") }
  })
}
let bad = spawn parse_all(["1", "2", "three"])
let good = spawn parse_all(["1", "2", "3"])
try {
  bad.join()
} catch e {
  print("  bad: join rethrew \"${e.message}\"")
}
print("  good: ${good.join()}")
# (A fiber that fails while nobody is joining it has its error and traceback
# printed as "error in fiber ID: ...", and the exit status becomes 1.)

# --- 4. Sleeping fibers -------------------------------------------------------

print("4. sleepers wake in deadline order, not spawn order")
let sleepers = []
for ms in [150, 50, 100] {
  sleepers.push(spawn {
    sleep(ms / 1000)
    print("  woke after ${ms} ms")
  })
}
for s in sleepers { s.join() }

# --- 5. Fan out, fan in ----------------------------------------------------------

print("5. fan out work, collect results in order")
fn slow_square(x) {
  sleep(0.001 * (5 - x))           # later ones finish first...
  return x * x
}
let jobs = 1..5
let fibers = []
for x in jobs { fibers.push(spawn slow_square(x)) }
print("  ${fibers.map(fn(f) => f.join())}")   # ...but join order is ours

print("main is done; the program ends when every fiber has finished")
spawn { print("  (a last fiber, run after the main script)") }

# expect: 1. two workers take turns
# expect:   a step 0
# expect:   b step 0
# expect:   a step 1
# expect:   b step 1
# expect:   a step 2
# expect: a finished 3 steps
# expect: b finished 2 steps
# expect: 2. a spawned block sees the variables around it
# expect:   total = 6
# expect: 3. join rethrows a fiber's error
# expect:   bad: join rethrew "not a number: 'three'"
# expect:   good: [1, 2, 3]
# expect: 4. sleepers wake in deadline order, not spawn order
# expect:   woke after 50 ms
# expect:   woke after 100 ms
# expect:   woke after 150 ms
# expect: 5. fan out work, collect results in order
# expect:   [1, 4, 9, 16]
# expect: main is done; the program ends when every fiber has finished
# expect:   (a last fiber, run after the main script)
