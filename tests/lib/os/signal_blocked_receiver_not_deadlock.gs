# A fiber blocked receiving from a signal channel waits for the signal: nothing else is alive, yet it is not a deadlock.
let ch = os.signal("USR2")
proc.start(["sh", "-c", "sleep 0.2; kill -USR2 ${os.pid()}"])
print(ch.recv())
os.signal_stop(ch)
# expect: USR2
