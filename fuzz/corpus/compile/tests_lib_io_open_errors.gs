# Bad modes and arguments are rejected.
fn t(f) { try { f() } catch e { print(e) } }
t(fn() => io.open("x", "rw"))
t(fn() => io.open("x", "x"))
t(fn() => io.open("x", ""))
t(fn() => io.open("x", "r++"))
t(fn() => io.open())
t(fn() => io.open(1))
t(fn() => io.open("x", 1))
t(fn() => io.open("a\x00b"))
# expect: io.open: invalid mode 'rw' (use r, w, a, optionally with + and b)
# expect: io.open: invalid mode 'x' (use r, w, a, optionally with + and b)
# expect: io.open: invalid mode '' (use r, w, a, optionally with + and b)
# expect: io.open: invalid mode 'r++' (use r, w, a, optionally with + and b)
# expect: io.open() expects 1 or 2 arguments, got 0
# expect: io.open() argument 1 must be a string, not int
# expect: io.open() argument 2 must be a string, not int
# expect: io.open: path contains a NUL byte
