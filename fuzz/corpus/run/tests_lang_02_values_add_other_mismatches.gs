# Other mismatched '+' operands raise too.
try { let r = 1 + "a"; print("no error") } catch e { print(e.message.contains("cannot add")) }
try { let r = [1] + 1; print("no error") } catch e { print(e.message.contains("cannot add")) }
try { let r = nil + 1; print("no error") } catch e { print(e.message.contains("cannot add")) }
try { let r = "1" + [1]; print("no error") } catch e { print(e.message.contains("cannot add")) }
# expect: true
# expect: true
# expect: true
# expect: true
