# The main fiber yields too: it goes to the back of the queue behind the spawned fibers.
spawn {
  print("a1"); yield
  print("a2"); yield
  print("a3")
}
spawn {
  print("b1"); yield
  print("b2")
}
print("m1"); yield
print("m2"); yield
print("m3")
# expect: m1
# expect: a1
# expect: b1
# expect: m2
# expect: a2
# expect: b2
# expect: m3
# expect: a3
