# An active signal watcher does not keep a finished program alive: once its last fiber ends, the program exits.
let ch = os.signal("USR1")
spawn { print(ch.recv()) }
proc.start(["sh", "-c", "sleep 0.1; kill -USR1 ${os.pid()}"])
print("main done")
# expect: main done
# expect: USR1
