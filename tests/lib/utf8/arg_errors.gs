# The utf8 functions check their argument count and that s is a string.
try { utf8.len() } catch e { print(e.kind, e.message) }
try { utf8.chars(1) } catch e { print(e.kind, e.message) }
try { utf8.codepoints(nil) } catch e { print(e.kind, e.message) }
try { utf8.valid("a", "b") } catch e { print(e.kind, e.message) }
# expect: arity utf8.len() expects 1 argument, got 0
# expect: type utf8.chars() argument 1 must be a string, not int
# expect: type utf8.codepoints() argument 1 must be a string, not nil
# expect: arity utf8.valid() expects 1 argument, got 2
