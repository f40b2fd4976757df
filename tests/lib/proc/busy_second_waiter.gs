# A second fiber waiting for a process, or reading a pipe, that another is already waiting on raises busy, naming the operation and the program.
let p = proc.start(["sleep", "0.3"], {"stdout": "pipe"})
let first = spawn { return p.wait() }
let reader = spawn { return p.stdout.read() }
sleep(0.05)
try { p.wait() } catch e { print(e.kind, e.message) }
try { p.stdout.read() } catch e { print(e.kind, e.message) }
print(first.join(), reader.join())
print(p.wait())
# expect: busy wait sleep: another fiber is waiting for this process
# expect: busy read sleep stdout: another fiber is already reading
# expect: 0 nil
# expect: 0
