# utf8.sub raises on invalid UTF-8, non-int indexes and a wrong argument count.
try { utf8.sub("a\xff", 0, 1) } catch e { print(e.kind, e.message) }
try { utf8.sub("abc", "1") } catch e { print(e.kind, e.message) }
try { utf8.sub("abc") } catch e { print(e.kind, e.message) }
# expect: value utf8.sub: invalid UTF-8 at byte 1
# expect: type utf8.sub() argument 2 must be an int, not string
# expect: arity utf8.sub() expects 2 or 3 arguments, got 1
