# Two fibers blocked in select on the same channel: each value goes to exactly one of them.
let ch = chan()
let other = chan()
let results = chan(10)
for name in ["x", "y"] {
  spawn { results.send([name, select([other, ch])]) }
}
yield
ch.send(1)
ch.send(2)
let r1 = results.recv()
let r2 = results.recv()
print(r1[0] != r2[0], r1[1][0], r2[1][0], r1[1][1] + r2[1][1])
# expect: true 1 1 3
