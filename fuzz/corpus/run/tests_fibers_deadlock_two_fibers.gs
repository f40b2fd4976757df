# Two fibers each waiting for the other (after main has finished): deadlock of 2.
let a = chan()
let b = chan()
spawn { a.recv(); b.send(1) }
spawn { b.recv(); a.send(1) }
print("main done")
# expect: main done
# expect error: deadlock: 2 fibers blocked
# expect exit: 1
