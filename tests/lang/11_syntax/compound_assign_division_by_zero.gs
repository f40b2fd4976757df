# `x %= 0` with ints raises division by zero like `x % 0`.
let x = 7
try { x %= 0 } catch e { print(e.message) }
try { x //= 0 } catch e { print(e.message) }
print(x)
# expect: division by zero
# expect: division by zero
# expect: 7
