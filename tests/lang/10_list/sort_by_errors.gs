# sort_by: a key function that throws leaves the list as it was; keys that cannot be compared raise.
let l = [3, 1, 2]
try { l.sort_by(fn(x) { if x == 2 { throw "no" }; return x }) } catch e { print(e) }
print(l)
try { [1, "a"].sort_by(fn(x) => x) } catch e { print("error") }
try { l.sort_by(5) } catch e { print(e.message) }
# expect: no
# expect: [3, 1, 2]
# expect: error
# expect: sort_by() argument 1 must be a function, not int
