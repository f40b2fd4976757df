# A second fiber waiting for a process, or reading a pipe, that another is already waiting on raises busy, naming the operation and the program.
# the child ends when its input does, so a slow machine cannot end it early
let p = proc.start(["sh", "-c", "read x; exit 0"], {"stdin": "pipe", "stdout": "pipe"})
let first = spawn { return p.wait() }
let reader = spawn { return p.stdout.read() }
sleep(0.05)
try { p.wait() } catch e { print(e.kind, e.message) }
try { p.stdout.read() } catch e { print(e.kind, e.message) }
p.stdin.close()
print(first.join(), reader.join())
print(p.wait())
# expect: busy wait sh: another fiber is waiting for this process
# expect: busy read sh stdout: another fiber is already reading
# expect: 0 nil
# expect: 0
