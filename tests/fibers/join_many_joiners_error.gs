# Every joiner of a fiber that fails gets the error rethrown.
let target = spawn { yield; error("shared failure") }
let a = spawn { try { target.join() } catch e { return "a caught " + e.message } }
let b = spawn { try { target.join() } catch e { return "b caught " + e.message } }
print(a.join())
print(b.join())
try { target.join() } catch e { print("main caught", e.message) }
# expect: a caught shared failure
# expect: b caught shared failure
# expect: main caught shared failure
# expect exit: 0
