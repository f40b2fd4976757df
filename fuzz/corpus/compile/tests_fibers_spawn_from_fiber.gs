# A fiber may spawn fibers; they join the back of the run queue.
spawn {
  print("a start")
  spawn { print("a's child") }
  print("a end")
}
spawn { print("b") }
print("main")
# expect: main
# expect: a start
# expect: a end
# expect: b
# expect: a's child
