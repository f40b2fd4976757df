# Comparisons with a number constant: ints against float constants and floats against int constants, exactly, and the usual error for other types.
let i = 7
let f = 2.5
print(i > 6.5, i >= 7.0, i < 7.5, i <= 6.99, f > 100000, f < 1000000, f >= 2, f <= 2)
if i > 500000 { print("big") } else { print("small") }
if f < 0.5 { print("tiny") } else { print("not tiny") }
let big = 9007199254740993
if big > 9007199254740992.0 { print("exact") }
let s = "x"
try { if s > 100000 { print("no") } } catch e { print(e) }
# expect: true true true false false true true false
# expect: small
# expect: not tiny
# expect: exact
# expect: cannot compare int and string
