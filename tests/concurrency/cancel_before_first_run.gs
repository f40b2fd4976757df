# A spawned fiber cancelled before it first runs never runs its body and ends with the cancelled error.
let f = spawn { print("body ran") }
f.cancel()
try { f.join() } catch e { print(e.kind) }
print(f.status())
# expect: cancelled
# expect: done
