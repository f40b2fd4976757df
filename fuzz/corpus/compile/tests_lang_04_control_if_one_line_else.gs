# if / else on one line.
let x = 3
if x > 5 { print("big") } else { print("small") }
if x < 5 { print("a") } else if x < 10 { print("b") } else { print("c") }
# expect: small
# expect: a
