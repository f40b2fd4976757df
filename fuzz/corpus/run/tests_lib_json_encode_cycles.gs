# Cycles raise; a value shared in several places is not a cycle.
fn t(v) { try { print(json.encode(v)) } catch e { print(e) } }
let l = [1]
l.push(l)
t(l)
let m = {"a": 1}
m["self"] = [m]
t(m)
let shared = {"x": [1]}
t([shared, shared, {"again": shared}])
# expect: json.encode: cycle detected (a list contains itself)
# expect: json.encode: cycle detected (a map contains itself)
# expect: [{"x":[1]},{"x":[1]},{"again":{"x":[1]}}]
