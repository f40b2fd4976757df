# g.spawn after group has returned raises "group is closed".
let kept = nil
group(fn(g) { kept = g })
try { kept.spawn(fn() { print("never") }) } catch e { print(e.message) }
# expect: group is closed
