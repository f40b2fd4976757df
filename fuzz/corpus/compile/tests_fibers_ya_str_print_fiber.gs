# Yield anywhere: str() called by print blocks on a channel in a scheduled fiber; others run meanwhile.
let names = chan()
class Lazy {
  fn str() { return "Lazy(" + names.recv() + ")" }
}
let f = spawn {
  print("printing:", Lazy())
  print([Lazy(), Lazy()])
}
spawn {
  print("feeder starts")
  for n in ["x", "y", "z"] { names.send(n) }
}
f.join()
# expect: feeder starts
# expect: printing: Lazy(x)
# expect: [Lazy(y), Lazy(z)]
