# The whole-file helpers check their arguments.
fn t(f) { try { f() } catch e { print(e) } }
t(fn() => io.read_file())
t(fn() => io.read_file(nil))
t(fn() => io.write_file("x"))
t(fn() => io.write_file(1, "x"))
t(fn() => io.append_file("x", "y", "z"))
t(fn() => io.lines())
t(fn() => io.lines(5))
t(fn() => io.read_file("a\x00b"))
# expect: io.read_file() expects 1 argument, got 0
# expect: io.read_file() argument 1 must be a string, not nil
# expect: io.write_file() expects 2 arguments, got 1
# expect: io.write_file() argument 1 must be a string, not int
# expect: io.append_file() expects 2 arguments, got 3
# expect: io.lines() expects 1 argument, got 0
# expect: io.lines() argument 1 must be a string, not int
# expect: io.read_file: path contains a NUL byte
