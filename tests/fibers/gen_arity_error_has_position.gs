# A fiber whose function cannot take the arguments fails before any of its
# frames exists: the error still has a position (where the fiber was made)
# and a traceback, caught or not.
fn two(a, b) { return a + b }
let g = fiber(two)
try { g.resume(1) } catch e { print(e.message, e.line, len(e.trace), e.trace[0].starts_with("created at "), e.trace[0].ends_with("has_position.gs:5 in <script>")) }
let f = spawn two(1)
try { f.join() } catch e { print(e.message, e.line, len(e.trace), e.trace[0].starts_with("spawned at "), e.trace[0].ends_with("has_position.gs:7 in <script>")) }
let h = fiber(fn(a) { return a })
h.resume()
# expect: two() expects 2 arguments, got 1 5 1 true true
# expect: two() expects 2 arguments, got 1 7 1 true true
# expect error: gen_arity_error_has_position.gs:9: anonymous() expects 1 argument, got 0
# expect exit: 1
