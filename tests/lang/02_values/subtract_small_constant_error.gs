# Subtracting a small constant from a non-number names the operator written: "cannot subtract", not "cannot add".
let a = "a"
try { let c = a - 1 } catch e { print(e.message) }
try { a -= 2 } catch e { print(e.message) }
try { let c = [1] - -3 } catch e { print(e.message) }
try { let c = a + 1 } catch e { print(e.message) }
let n = 10
n -= 3
let lo = -9223372036854775807 - 1
print(n - 1, n - -2, 2.5 - 1, n - 127, n - -127, lo - 1 == 9223372036854775807)
# expect: cannot subtract string and int
# expect: cannot subtract string and int
# expect: cannot subtract list and int
# expect: cannot add string and int
# expect: 6 9 1.5 -120 134 true
