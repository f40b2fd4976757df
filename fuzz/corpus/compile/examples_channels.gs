#!/usr/bin/env gs
# Channels: fibers that talk instead of sharing.
#
#   chan()      unbuffered: send waits until a receiver takes the value
#   chan(n)     buffered: send waits only when n values are already queued
#   ch.recv()   waits for a value; returns nil once the channel is closed and empty
#   for v in ch receives until the channel is closed
#   select([a, b]) -> [index, value] of the first channel with something to receive
#
# Below: a pipeline  producer -> parse -> square -> consumer,  each stage a
# fiber, connected by channels. Closing a channel is how a stage says "no
# more": the next stage's for-loop ends and it closes its own output in turn.

fn producer(lines, out) {
  for line in lines { out.send(line) }
  out.close()
}

# A stage: apply f to every value from `input`, send results to `out`.
# Values for which f returns nil are dropped.
fn stage(name, f, input, out) {
  let n = 0
  for v in input {
    let r = f(v)
    if r != nil {
      out.send(r)
      n += 1
    }
  }
  out.close()
  return "${name} passed on ${n} values"
}

let raw = chan()
let numbers = chan(4)       # a little buffering between stages is fine
let squares = chan()

spawn producer(["3", "x", "4", "", "5", "12"], raw)
let parser = spawn stage("parse", fn(s) {
  try { return int(s) } catch e { return nil }     # skip what is not a number
}, raw, numbers)
let squarer = spawn stage("square", fn(n) => n * n, numbers, squares)

# The consumer is the main fiber itself.
let total = 0
for sq in squares {
  print("consumer got", sq)
  total += sq
}
print("sum of squares:", total)
print(parser.join())
print(squarer.join())

# --- select: whichever channel is ready first --------------------------------------

# A worker streams results, then reports on a second channel that it is done.
let results = chan()
let finished = chan()
spawn {
  for i in 1..4 { results.send(i * i) }
  finished.send("worker finished")
}
let waiting = true
while waiting {
  let r = select([results, finished])     # r is [index, value]
  if r[0] == 0 {
    print("result:", r[1])
  } else {
    print(r[1])
    waiting = false
  }
}

# A timeout is just another channel: after(s) gets a value once s seconds pass.
fn after(seconds) {
  let ch = chan(1)
  spawn { sleep(seconds); ch.send("timeout") }
  return ch
}
let slow_answer = chan(1)
spawn { sleep(0.2); slow_answer.send(42) }   # takes too long
let r = select([slow_answer, after(0.01)])
print(r[0] == 1 and "gave up waiting: ${r[1]}" or "answer: ${r[1]}")

# --- Request / reply: a channel can carry another channel --------------------

let requests = chan()
spawn {
  for req in requests { req["reply"].send(req["x"] * 10) }
}
for x in [1, 2, 3] {
  let reply = chan()
  requests.send({"x": x, "reply": reply})
  print("reply:", reply.recv())
}
requests.close()

# expect: consumer got 9
# expect: consumer got 16
# expect: consumer got 25
# expect: consumer got 144
# expect: sum of squares: 194
# expect: parse passed on 4 values
# expect: square passed on 4 values
# expect: result: 1
# expect: result: 4
# expect: result: 9
# expect: worker finished
# expect: gave up waiting: timeout
# expect: reply: 10
# expect: reply: 20
# expect: reply: 30
