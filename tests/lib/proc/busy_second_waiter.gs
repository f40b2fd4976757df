# A second fiber waiting for a process that one is already waiting for raises busy, naming the operation and the program.
let p = proc.start(["sleep", "0.3"])
let first = spawn { return p.wait() }
sleep(0.05)
try { p.wait() } catch e { print(e.kind, e.message) }
print(first.join())
print(p.wait())
# expect: busy wait sleep: another fiber is waiting for this process
# expect: 0
# expect: 0
