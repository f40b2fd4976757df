# A fiber spawned while others are queued goes behind them, and a yielding fiber behind it.
spawn {
  print("a1")
  spawn { print("c1"); yield; print("c2") }
  yield
  print("a2")
}
spawn { print("b1"); yield; print("b2") }
# expect: a1
# expect: b1
# expect: c1
# expect: a2
# expect: b2
# expect: c2
