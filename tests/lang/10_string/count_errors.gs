# count needs one string argument.
try { "a".count(1) } catch e { print(e.message) }
try { "a".count() } catch e { print(e.message) }
# expect: count() argument 1 must be a string, not int
# expect: count() expects 1 argument, got 0
