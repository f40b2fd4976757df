# nil and NaN cannot be map keys.
let m = {}
try { m[nil] = 1; print("no error") } catch e { print("error") }
let inf = 1e308 * 10
let nan = inf - inf
try { m[nan] = 1; print("no error") } catch e { print("error") }
print(len(m))
# expect: error
# expect: error
# expect: 0
