# A thrown non-Error value comes out of join unchanged.
let f = spawn { throw {"code": 7} }
try { f.join() } catch e { print(e, type(e)) }
let g = spawn { throw "plain string" }
try { g.join() } catch e { print(e) }
# expect: {"code": 7} map
# expect: plain string
