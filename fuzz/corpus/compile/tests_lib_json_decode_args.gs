# decode takes exactly one string.
fn t(f) { try { print(f()) } catch e { print(e) } }
t(fn() => json.decode())
t(fn() => json.decode(1))
t(fn() => json.decode("1", 2))
t(fn() => json.decode("[1]\x00"))
# expect: json.decode() expects 1 argument, got 0
# expect: json.decode() argument 1 must be a string, not int
# expect: json.decode() expects 1 argument, got 2
# expect: json.decode: unexpected byte '\x00' at position 3
