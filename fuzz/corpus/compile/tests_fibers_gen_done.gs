# done() is false before the first resume and while suspended, true after return or error.
let g = fiber(fn() { yield })
print(g.done())
g.resume()
print(g.done())
g.resume()
print(g.done())
let bad = fiber(fn() { error("x") })
try { bad.resume() } catch e { }
print(bad.done())
# expect: false
# expect: false
# expect: true
# expect: true
