# Bitwise operators on non-integral floats or non-numbers raise.
try { let r = 1.5 & 1; print("no error") } catch e { print("error") }
try { let r = "a" | 1; print("no error") } catch e { print("error") }
try { let r = ~2.5; print("no error") } catch e { print("error") }
try { let r = nil << 1; print("no error") } catch e { print("error") }
try { let r = [1] ^ 1; print("no error") } catch e { print("error") }
# expect: error
# expect: error
# expect: error
# expect: error
# expect: error
