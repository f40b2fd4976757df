# os.signal("CHLD") receives child exits while libuv keeps reaping children; stopping it leaves proc working.
let ch = os.signal("CHLD")
let p = proc.start(["true"])
print(ch.recv())
print(p.wait())
os.signal_stop(ch)
print(proc.run(["echo", "still reaped"]).stdout.trim())
# expect: CHLD
# expect: 0
# expect: still reaped
