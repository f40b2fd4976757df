# Joining a generator that has not finished raises a catchable error instead of waiting forever; a finished one gives its result.
let g = fiber(fn() { yield 1; return "done" })
try { g.join() } catch e { print(e.message) }
print(g.resume())
try { g.join() } catch e { print(e.message) }
print(g.resume())
print(g.join())
let bad = fiber(fn() { throw "boom" })
try { bad.resume() } catch e { print("resume:", e) }
try { bad.join() } catch e { print("join:", e) }
fiber(fn() { yield 1 }).join()
# expect: cannot join an unfinished generator (use resume)
# expect: 1
# expect: cannot join an unfinished generator (use resume)
# expect: done
# expect: done
# expect: resume: boom
# expect: join: boom
# expect error: gen_join_unfinished.gs:11:1: cannot join an unfinished generator (use resume)
