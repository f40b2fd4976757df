# Values held only by suspended fibers (locals, map callbacks' partial results, channel buffers)
# survive garbage collections that run while those fibers are suspended.
# (Under GS_GC_STRESS every test checks this; making garbage here would be quadratic.)
# slow
let gens = []
for i in 0..30 {
  gens.push(fiber(fn() {
    let own = ["own", i, {"k": [i, i]}]
    let out = [0, 1, 2].map(fn(x) {
      let tmp = "t${i}-${x}"
      yield
      return tmp + "/" + str(own[1])
    })
    return [own, out]
  }))
}
for g in gens { g.resume() }
let ch = chan(100)
let senders = []
for i in 0..10 { senders.push(spawn { ch.send(["msg", i, [i * 2]]); let keep = {"v": i}; yield; return keep }) }
yield
# make a lot of garbage: several collections happen here
let junk = nil
for round in 0..200 {
  junk = []
  for j in 0..500 { junk.push([j, "s${j}", {"j": j}]) }
}
let all_ok = true
for i, g in gens {
  let r = nil
  while not g.done() { r = g.resume() }
  if r[0][2]["k"][1] != i or r[1][2] != "t${i}-2/${i}" { all_ok = false }
}
for i in 0..10 {
  let m = ch.recv()
  if m[2][0] != m[1] * 2 { all_ok = false }
}
for i, s in senders { if s.join()["v"] != i { all_ok = false } }
print(all_ok)
# expect: true
