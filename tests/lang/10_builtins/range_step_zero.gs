# A step of 0 raises a value error, in range() and in step().
try { range(1, 10, 0) } catch e { print(e.message, e.kind) }
try { (1..10).step(0) } catch e { print(e.message, e.kind) }
# expect: range() step must not be zero value
# expect: range step must not be zero value
