# fiber_memory: create N fibers (100 000 by default) that all stay suspended
# at the same time, so bench/run can measure the resident memory per idle
# fiber: peak RSS of this program with N fibers minus peak RSS with N = 0,
# divided by N.
#   mode "chan" (default): N scheduled fibers, each blocked in ch.recv()
#   mode "gen":            N generators, each resumed once and left
#                          suspended in its first yield
# After the measurement point the channel is closed (every waiter wakes and
# finishes) or the generators are dropped.
let N = 100000
let MODE = "chan"
if len(os.args) > 0 { N = int(os.args[0]) }
if len(os.args) > 1 { MODE = os.args[1] }

fn waiter(ch) {
  let v = ch.recv()
  return v
}

fn gen_body(x) {
  let got = yield x
  return got
}

if MODE == "chan" {
  let ch = chan()
  for i in 0..N { spawn waiter(ch) }
  yield                     # every waiter runs once and blocks in recv()
  print("chan: ${N} fibers blocked")
  ch.close()
} else {
  let gens = []
  for i in 0..N {
    let g = fiber(gen_body)
    g.resume(i)
    gens.push(g)
  }
  print("gen: ${N} generators suspended")
}
