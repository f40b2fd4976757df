# indent must be an int between 0 and 100 (or nil).
fn t(f) { try { print(f()) } catch e { print(e) } }
t(fn() => json.encode([1], -1))
t(fn() => json.encode([1], 101))
t(fn() => json.encode([1], "  "))
t(fn() => json.encode([1], 2.0))
t(fn() => json.encode())
t(fn() => json.encode(1, 2, 3))
# expect: json.encode: indent must be between 0 and 100, got -1
# expect: json.encode: indent must be between 0 and 100, got 101
# expect: json.encode() argument 2 must be an int, not string
# expect: [
# expect:   1
# expect: ]
# expect: json.encode() expects 1 or 2 arguments, got 0
# expect: json.encode() expects 1 or 2 arguments, got 3
