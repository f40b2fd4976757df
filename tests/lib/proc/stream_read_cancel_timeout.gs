# Reads from a child's pipe honour f.cancel(), timeout() and set_timeout; the stream stays usable and loses nothing.
# the child answers only when told to, so a slow machine cannot make it early
let p = proc.start(["sh", "-c", "read x; echo late"], {"stdin": "pipe", "stdout": "pipe"})
let reader = spawn { p.stdout.read_line() }
sleep(0.05)
reader.cancel()
try { reader.join() } catch e { print("cancel:", e.kind) }
try { timeout(0.05, fn() { return p.stdout.read() }) } catch e { print("timeout():", e.kind) }
p.stdout.set_timeout(0.05)
try { p.stdout.read_line() } catch e { print("set_timeout:", e.kind, e.message) }
p.stdout.set_timeout(nil)
p.stdin.write("go\n")
print(p.stdout.read_line())
print(p.wait())
p.stdout.close()
try { p.stdout.read() } catch e { print(e.kind, e.message) }
# expect: cancel: cancelled
# expect: timeout(): timeout
# expect: set_timeout: timeout read_line sh stdout: timed out after 0.05 s
# expect: late
# expect: 0
# expect: closed read sh stdout: closed
