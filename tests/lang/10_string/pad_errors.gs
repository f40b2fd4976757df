# pad_left/pad_right: the fill must be exactly one character, n an int; a huge n raises instead of allocating.
try { "a".pad_left(3, "ab") } catch e { print(e.message, e.kind) }
try { "a".pad_right(3, "") } catch e { print(e.message, e.kind) }
try { "a".pad_left("3") } catch e { print(e.message, e.kind) }
try { "a".pad_right(1 << 40) } catch e { print(e.message, e.kind) }
try { "a".pad_left() } catch e { print(e.message, e.kind) }
# expect: pad_left() fill must be one character, got "ab" value
# expect: pad_right() fill must be one character, got "" value
# expect: pad_left() argument 1 must be an int, not string type
# expect: pad_right() result is too large overflow
# expect: pad_left() expects 1 or 2 arguments, got 0 arity
