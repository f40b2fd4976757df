# strip's chars must be a string; at most one argument.
try { "a".strip(1) } catch e { print(e.message, e.kind) }
try { "a".lstrip("a", "b") } catch e { print(e.message, e.kind) }
# expect: strip() argument 1 must be a string, not int type
# expect: lstrip() expects 0 or 1 arguments, got 2 arity
