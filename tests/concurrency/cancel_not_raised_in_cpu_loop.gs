# A pending cancel waits for the fiber's next wait point: a deadline firing elsewhere while the fiber runs a CPU loop (the check point that delivers timeouts) does not raise it there, so a value the fiber already received is not lost.
let ch = chan()
let f = spawn {
  let v = ch.recv()
  let start = os.time()
  while os.time() - start < 0.3 {}
  print("got", v)
  sleep(0)
  print("not reached")
}
sleep(0)
ch.send(1)     # handed to f, which is now ready to run
f.cancel()     # pending until f's next wait point
let kind = nil
try {
  timeout(0.05, fn() { sleep(5) })   # its deadline passes while f loops
} catch e {
  kind = e.kind   # printed after the join: on a loaded machine it may come first
}
try { f.join() } catch e { print(kind, "join:", e.kind) }
# expect: got 1
# expect: timeout join: cancelled
