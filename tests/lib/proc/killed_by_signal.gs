# A child killed by a signal: wait gives 128 + the signal number and p.signal its name; kill defaults to TERM.
let p = proc.start(["sleep", "30"])
print(p.done())
print(p.kill("KILL"))
print(p.wait(), p.signal)
print(p.kill())
let t = proc.start(["sleep", "30"])
t.kill()
print(t.wait(), t.signal)
let r = proc.run(["sh", "-c", "kill -TERM $$"])
print(r.code, r.signal)
let u = proc.start(["sleep", "30"])
u.kill("SIGUSR1")
print(u.wait(), u.signal)
try { u.kill("NOPE") } catch e { print(e.message) }
# expect: false
# expect: true
# expect: 137 KILL
# expect: false
# expect: 143 TERM
# expect: 143 TERM
# expect: 138 USR1
# expect: kill(): unknown signal 'NOPE'
