# string.format raises on a mismatch between directives and arguments.
fn t(f) { try { print(f()) } catch e { print(e) } }
t(fn() => "%d".format("x"))
t(fn() => "%d".format(1.5))
t(fn() => "%d %d".format(1))
t(fn() => "%d".format(1, 2))
t(fn() => "%y".format(1))
t(fn() => "%5".format(1))
t(fn() => "%c".format(-1))
# expect: format: %d expects a number, got string
# expect: format: %d expects an integer, got 1.5
# expect: format: not enough arguments for '%d'
# expect: format: too many arguments (the format uses 1, got 2)
# expect: format: unknown directive '%y'
# expect: format: incomplete directive '%5' at end of format string
# expect: format: %c code point -1 out of range
