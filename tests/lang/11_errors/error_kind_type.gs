# Type errors raised by the VM have kind "type".
try { let x = 1 + "a" } catch e { print(e.kind) }
try { nil() } catch e { print(e.kind) }
try { for x in 5 {} } catch e { print(e.kind) }
try { let [a] = 3 } catch e { print(e.kind) }
try { print(1 is 2) } catch e { print(e.kind) }
# expect: type
# expect: type
# expect: type
# expect: type
# expect: type
