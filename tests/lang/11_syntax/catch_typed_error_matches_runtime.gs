# `catch e is Error` takes every runtime error.
try { let x = 1 + nil } catch e is Error { print("caught:", e.message) }
# expect: caught: cannot add int and nil
