# Too few values raise an error, with or without `...rest`.
try { let [a, b, c] = [1, 2] } catch e { print(e.message) }
try { let [a, b, ...r] = [1] } catch e { print(e.message) }
let x = 0
let y = 0
try { [x, y] = [] } catch e { print(e.message) }
print(x, y)
# expect: cannot unpack 2 values into 3 names
# expect: cannot unpack 1 value into at least 2 names
# expect: cannot unpack 0 values into 2 names
# expect: 0 0
